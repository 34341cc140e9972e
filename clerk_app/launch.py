"""The ``clerk-app`` command's entry point (and the installed program's).

Importing this module pauses Python's cycle collector before anything else is imported
(see :mod:`clerk_app.gcpause`): the collector resumes once the window is up, or as soon
as the command line names a command rather than the window. It also installs the module
cache, so that Clerk's own modules imported from then on are read from one file (see
:mod:`clerk_app.modulecache`). :func:`main` then runs the command line
(:func:`clerk_app.cli.main`).
"""

from __future__ import annotations

from clerk_app import gcpause, modulecache

gcpause.pause()
modulecache.install()


def main() -> int:
    from clerk_app.cli import main as run

    return run()
