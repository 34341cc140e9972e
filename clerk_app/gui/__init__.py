"""The window: PySide6 widgets over the services. Nothing outside this package (and the
application's entry) imports PySide6.

Importing the package loads PySide6 and makes its check on every later import cheap (see
:mod:`clerk_app.gui.import_hook`).
"""

import PySide6.QtCore  # noqa: F401 - loaded first, so the check below has a hook to change

from clerk_app.gui.import_hook import cheap_feature_check

cheap_feature_check()
