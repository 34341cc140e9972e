"""Is the database's folder on a network drive?

SQLite's WAL mode keeps an index in a shared-memory file (``-shm``) that every connection
maps, and relies on the file system's locks; a network file system (an SMB or NFS share,
as councils use for redirected folders) gives neither reliably. On such a drive the store
holds the database in exclusive locking mode, which keeps that index in the process's own
memory. This module only finds out; the store decides what to do.

- Linux: the file system type of the longest mount point above the folder, from the
  mount table (``/proc/self/mounts``).
- macOS: ``statfs``'s ``f_fstypename`` and its "local" flag, through ctypes.
- Windows: a UNC path (``\\\\server\\share``), or a drive letter whose type is
  ``DRIVE_REMOTE``, through ctypes.

Anything that cannot be found out counts as a local drive.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MOUNT_TABLE = Path("/proc/self/mounts")

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "davfs",
        "webdav",
        "afpfs",
        "fuse.sshfs",
        "fuse.smbnetfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.davfs",
        "fuse.rclone",
        "fuse.s3fs",
    }
)

_PLAIN_NAMES = {
    "cifs": "a Windows (SMB) share",
    "smb": "a Windows (SMB) share",
    "smb2": "a Windows (SMB) share",
    "smb3": "a Windows (SMB) share",
    "smbfs": "a Windows (SMB) share",
    "nfs": "an NFS share",
    "nfs4": "an NFS share",
    "fuse.sshfs": "an SSH share",
    "afpfs": "an Apple (AFP) share",
    "webdav": "a WebDAV share",
    "davfs": "a WebDAV share",
}


@dataclass(frozen=True)
class FileSystem:
    """What kind of drive a folder is on."""

    kind: str  # the system's name for it ("nfs4", "cifs", "ext4" …), or "" if unknown
    network: bool
    where: str = ""  # the mount point, share or drive

    @property
    def description(self) -> str:
        """In a clerk's words: "a Windows (SMB) share", "a network drive (ceph)"."""
        if self.kind in _PLAIN_NAMES:
            return _PLAIN_NAMES[self.kind]
        return f"a network drive ({self.kind})" if self.kind else "a network drive"


LOCAL = FileSystem("", False)


def is_network_type(kind: str) -> bool:
    kind = kind.lower()
    return (
        kind in NETWORK_TYPES
        or kind.startswith(("nfs", "smb", "cifs"))
        or kind.split(".")[-1] in {"sshfs", "smbnetfs", "glusterfs", "cephfs", "davfs"}
    )


def _unescape(field: str) -> str:
    """Mount-table fields write space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _mounts(text: str) -> list[tuple[str, str, str]]:
    """(source, mount point, type) for each line of a mount table."""
    out = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            out.append((_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return out


def linux_filesystem(folder: Path, mount_table: Path = MOUNT_TABLE) -> FileSystem:
    """The file system of ``folder`` according to ``mount_table`` (the longest mount point
    that contains it wins; a later mount over the same point hides an earlier one)."""
    try:
        text = mount_table.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return LOCAL
    target = PurePosixPath(_real(folder))
    best: tuple[int, str, str] | None = None
    for _source, point, kind in _mounts(text):
        mount = PurePosixPath(point)
        if target == mount or mount in target.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, kind, point)
    if best is None:
        return LOCAL
    _depth, kind, point = best
    return FileSystem(kind, is_network_type(kind), point)


def _real(folder: Path) -> str:
    """The folder's real path; for a folder not made yet, its nearest existing parent's."""
    path = folder.expanduser().absolute()
    with contextlib.suppress(OSError, RuntimeError):
        return str(path.resolve())
    return str(path)


def mac_filesystem(folder: Path) -> FileSystem:  # pragma: no cover - macOS only
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    mnt_local = 0x00001000
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.dylib", use_errno=True)
    func = None
    for name in ("statfs$INODE64", "statfs64", "statfs"):
        with contextlib.suppress(AttributeError):
            func = getattr(libc, name)
            break
    if func is None:
        return LOCAL
    buf = StatFs()
    if func(os.fsencode(_nearest_existing(folder)), ctypes.byref(buf)) != 0:
        return LOCAL
    kind = buf.f_fstypename.decode("utf-8", "replace")
    network = is_network_type(kind) or not (buf.f_flags & mnt_local)
    return FileSystem(kind, network, buf.f_mntonname.decode("utf-8", "replace"))


def windows_filesystem(folder: Path) -> FileSystem:  # pragma: no cover - Windows only
    text = str(folder.expanduser().absolute())
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return FileSystem("smb", True, text)
    if text.startswith("\\\\?\\UNC\\"):
        return FileSystem("smb", True, text)
    drive, _rest = os.path.splitdrive(text.removeprefix("\\\\?\\"))
    if not drive:
        return LOCAL
    import ctypes

    drive_remote = 4
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return FileSystem("smb", True, drive) if kind == drive_remote else LOCAL


def _nearest_existing(folder: Path) -> Path:
    path = folder.expanduser().absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def filesystem(folder: Path, mount_table: Path | None = None) -> FileSystem:
    """The kind of drive ``folder`` is on; a local drive whenever it cannot be told."""
    try:
        if mount_table is not None or sys.platform.startswith("linux"):
            return linux_filesystem(folder, mount_table or MOUNT_TABLE)
        if sys.platform == "darwin":
            return mac_filesystem(folder)
        if sys.platform == "win32":
            return windows_filesystem(folder)
    except Exception:  # finding out must never stop Clerk from opening
        return LOCAL
    return LOCAL


def network_note(fs: FileSystem) -> str:
    """What the window tells the clerk once when the library is on a network drive."""
    where = f" ({fs.where})" if fs.where else ""
    return (
        f"Your library is on {fs.description}{where}. Clerk is keeping it locked while it "
        "is open, so no other copy of Clerk can open it until this one is closed."
    )
