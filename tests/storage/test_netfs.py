"""A database folder on a network drive: found from the mount table, and opened in
exclusive locking mode so that no shared-memory file is needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk_app.storage import Store, netfs
from clerk_app.storage.errors import InUseElsewhere
from tests.storage.sample import sample_body

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//fileserver/Clerks /mnt/council cifs rw,vers=3.0 0 0
fileserver:/export/minutes /mnt/council/Minutes\\040Archive nfs4 rw 0 0
tmpfs /mnt/council/Minutes\\040Archive/scratch tmpfs rw 0 0
sshfs#clerk@host: /home/clerk/remote fuse.sshfs rw 0 0
"""


@pytest.fixture
def mount_table(tmp_path: Path) -> Path:
    table = tmp_path / "mounts"
    table.write_text(MOUNTS, encoding="utf-8")
    return table


@pytest.mark.parametrize(
    ("folder", "kind", "network"),
    [
        ("/home/clerk/Documents", "ext4", False),
        ("/mnt/council", "cifs", True),
        ("/mnt/council/Clerk", "cifs", True),
        ("/mnt/council/Minutes Archive/2026", "nfs4", True),  # the longest mount point wins
        ("/mnt/council/Minutes Archive/scratch/x", "tmpfs", False),
        ("/mnt/councillors", "ext4", False),  # a name that only starts like a mount point
        ("/home/clerk/remote/Clerk", "fuse.sshfs", True),
    ],
)
def test_the_mount_table_tells_the_drive(
    mount_table: Path, folder: str, kind: str, network: bool
) -> None:
    found = netfs.filesystem(Path(folder), mount_table)
    assert (found.kind, found.network) == (kind, network)


def test_unreadable_mount_table_means_a_local_drive(tmp_path: Path) -> None:
    assert netfs.filesystem(tmp_path, tmp_path / "no-such-table") == netfs.LOCAL


@pytest.mark.parametrize("kind", ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph"])
def test_network_types(kind: str) -> None:
    assert netfs.is_network_type(kind)


@pytest.mark.parametrize("kind", ["ext4", "xfs", "btrfs", "tmpfs", "apfs", "ntfs", "vfat"])
def test_local_types(kind: str) -> None:
    assert not netfs.is_network_type(kind)


def test_the_note_says_where_and_what_clerk_does() -> None:
    note = netfs.network_note(netfs.FileSystem("cifs", True, "/mnt/council"))
    assert note.startswith("Your library is on a Windows (SMB) share (/mnt/council).")
    assert "keeping it locked while it is open" in note


@pytest.fixture
def on_a_share(monkeypatch: pytest.MonkeyPatch, mount_table: Path, tmp_path: Path) -> Path:
    """The test's folder, as if it were on the council's SMB share."""
    share = netfs.FileSystem("cifs", True, "/mnt/council")
    monkeypatch.setattr(netfs, "filesystem", lambda folder, table=None: share)
    return tmp_path / "share" / "clerk.db"


def test_a_store_on_a_network_drive_works_without_shared_memory(on_a_share: Path) -> None:
    db = on_a_share
    shm = Path(str(db) + "-shm")
    store = Store.open(db)
    try:
        assert store.network_drive is not None and store.network_drive.kind == "cifs"
        body = sample_body()
        store.save_body(body)
        assert not shm.exists()
        mode = store._conn.execute("PRAGMA locking_mode").fetchone()[0]
        assert mode == "exclusive"
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # no other connection gets in while the store is open …
        other = sqlite3.connect(db, timeout=0.1)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("SELECT COUNT(*) FROM bodies").fetchall()
        finally:
            other.close()
        # … and the sidecar lock still names the holder for another copy of Clerk
        with pytest.raises(InUseElsewhere, match="already open"):
            Store.open(db)
    finally:
        store.close()
    assert not shm.exists()
    with Store.open(db, backups=False) as again:
        assert [b.name for b in again.list_bodies()] == [body.name]
        again.save_body(body)
    assert not shm.exists()


def test_a_local_store_is_not_held_exclusively(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.network_drive is None
        assert store._conn.execute("PRAGMA locking_mode").fetchone()[0] == "normal"
