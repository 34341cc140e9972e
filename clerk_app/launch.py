"""The ``clerk-app`` command's entry point (and the installed program's).

Importing this module pauses Python's cycle collector before anything else is imported
(see :mod:`clerk_app.gcpause`): the collector resumes once the window is up, or as soon
as the command line names a command rather than the window. :func:`main` then runs the
command line (:func:`clerk_app.cli.main`).
"""

from __future__ import annotations

from clerk_app import gcpause

gcpause.pause()


def main() -> int:
    from clerk_app.cli import main as run

    return run()
