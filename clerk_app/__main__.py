"""``python -m clerk_app`` runs the ``clerk-app`` command."""

import sys

from clerk_app.launch import main

sys.exit(main())
