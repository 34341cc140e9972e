"""``python -m clerk_app`` runs the ``clerk-app`` command."""

import sys

from clerk_app.cli import main

sys.exit(main())
