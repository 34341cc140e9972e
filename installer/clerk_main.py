"""Entry point of the self-contained Clerk program built by PyInstaller (installer/clerk.spec).

With no arguments the window opens; with arguments it is the ``clerk-app`` command
(``Clerk --version``, ``Clerk demo``, ``Clerk export latest -o minutes.docx`` ...).
"""

from __future__ import annotations

import sys

from clerk_app.launch import main

if __name__ == "__main__":
    sys.exit(main())
