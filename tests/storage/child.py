"""A second process for the store tests: ``python -m tests.storage.child COMMAND PATH``.

``hold``: open the store, print ``open``, and wait for a line on stdin before closing.
``save``: open the store, save a paragraph with the id and text given, print ``saved``,
then wait (so the test can kill the process at that moment). A paragraph already in the
item is changed where it stands, as typing changes it.
"""

from __future__ import annotations

import sys
import time

from clerk_app.domain.model import Paragraph
from clerk_app.storage import Store


def main(argv: list[str]) -> int:
    command, path = argv[0], argv[1]
    store = Store.open(path)
    if command == "hold":
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
        print("closed", flush=True)
        return 0
    if command == "save":
        meeting_id, item_id, block_id, text = argv[2:6]
        store.save_block(meeting_id, item_id, Paragraph(text=text, id=block_id))
        print("saved", flush=True)
        time.sleep(60)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
