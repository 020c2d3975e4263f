"""Atomic file replacement: a synced temporary file in the same folder, renamed over the target."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from editor.errors import CanvasFileError


def write_atomically(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> None:
    """Replace the file at `path` with `data`, so that a crash at any moment leaves the old or the new file.

    A symlink stays a symlink (its target is replaced). An existing file keeps its permissions, owner, group, access
    control list and extended attributes; `mode` sets the permissions instead (0o600 for a file only its owner may
    read, whatever the umask). A file the new one could not be made to carry them over to (another owner, a group
    we are not in, an attribute we may not set), or one with other hard links, is written over in place, after the
    new bytes are safe in the temporary file beside it, so that it keeps them all and its links see the new canvas.
    Raises CanvasFileError with a sentence a person can act on; the old file is then byte-identical, except when
    writing in place failed and putting the old bytes back failed too: the sentence then says so, and where the
    temporary file that holds the whole new canvas is.
    """
    source = str(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    temp_name = ""
    try:
        old = _existing(target)
        if old is not None:
            _check_writable(target, old, source)
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as stream:
            _hold(stream.fileno(), blocking=True)  # till the rename: another save sees the file is not a leftover
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            if old is None or mode is not None:
                os.chmod(temp_name, mode if mode is not None else _new_file_mode())
                os.replace(temp_name, target)
            elif _carry_over(old, temp_name, target):
                os.replace(temp_name, target)
            else:
                try:
                    _write_in_place(target, data)
                except _DamagedError as damaged:  # the temporary file is now the one whole copy of the new canvas
                    kept, temp_name = temp_name, ""
                    raise CanvasFileError.whole(source, damaged.say(kept)) from None
                os.unlink(temp_name)  # only now: till the file holds the new bytes, this file holds them whole
            temp_name = ""
        _sync_folder(folder)
        _remove_leftovers(folder, target.name)
    except OSError as error:
        raise CanvasFileError.whole(source, save_failure(error)) from None
    finally:
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _existing(target: Path) -> os.stat_result | None:
    """The file being replaced, None when there is no file yet."""
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def _check_writable(target: Path, old: os.stat_result, source: str) -> None:
    """A file the person may not write is never replaced, though the folder would allow the rename."""
    if not stat.S_IMODE(old.st_mode) & 0o222:
        # A read-only file is its owner's way of saying "do not change" (root, who may write anything, included).
        raise CanvasFileError.whole(source, _not_saved("the file is read-only"))
    # Another user's file, say, or one an access control list closes; asked as the user the process acts as.
    if not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        read_only_disk = hasattr(os, "statvfs") and os.statvfs(target).f_flag & os.ST_RDONLY
        reason = "the disk is read-only" if read_only_disk else "you do not have permission to change this file"
        raise CanvasFileError.whole(source, _not_saved(reason))


def _carry_over(old: os.stat_result, temp_name: str, target: Path) -> bool:
    """Give the new file the old one's owner, group, permissions and extended attributes (an access control list is
    one), and no others (none it took from its folder's default ACL); False when it cannot carry them all, or when
    the old file has other hard links, which a rename splits."""
    if old.st_nlink > 1:
        return False
    new = os.stat(temp_name)
    try:
        if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
            os.chown(temp_name, old.st_uid, old.st_gid)  # the group, if we are in it; the owner, only as root
        os.chmod(temp_name, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits; before the ACL
    except OSError:  # EPERM; EINVAL for an owner a user namespace does not map
        return False
    if not hasattr(os, "listxattr"):  # Windows, macOS: Python has no extended attributes there
        return True
    try:
        wanted = {name: os.getxattr(target, name) for name in os.listxattr(target)}
        for name in os.listxattr(temp_name):
            if name not in wanted:
                os.removexattr(temp_name, name)
        for name, value in wanted.items():
            os.setxattr(temp_name, name, value)
    except OSError as error:
        # A file system without extended attributes has nothing to carry; one only a privileged process may set
        # (trusted.*, security.*) is kept by writing in place.
        return error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP) and not _has_attributes(target)
    return True


def _has_attributes(target: Path) -> bool:
    try:
        return bool(os.listxattr(target))
    except OSError:
        return False


class _DamagedError(Exception):
    """Writing over a file failed part way, and so did putting its old bytes back."""

    def __init__(self, error: OSError) -> None:
        self.error = error

    def say(self, kept: str) -> str:
        reason = failure_reason(self.error)
        return (
            f"could not save: {reason}, and the file's old text could not be put back either: the file may be "
            f"damaged. The whole new canvas is in {kept}; the canvas is also still open here."
        )


def _write_in_place(target: Path, data: bytes) -> None:
    """Write `data` over the file itself. Should that fail part way, the old bytes are written back; should that
    fail too, raises _DamagedError."""
    fd = os.open(target, os.O_RDWR)
    try:
        old = _read_all(fd)
        try:
            _overwrite(fd, data)
        except OSError as error:
            try:
                _overwrite(fd, old)
            except OSError:
                raise _DamagedError(error) from None
            raise
    finally:
        os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


SUFFIX = ".saving"
_NAME_MAX = 255  # bytes in a file name, on the file systems people use
_RANDOM = 8  # the letters tempfile adds


def _temp_prefix(name: str) -> str:
    """'.plan.yaml.': the temporary file's name starts with the file's own, cut short enough that the whole name
    fits where the file's does (a name of 250 bytes can be saved in place)."""
    room = _NAME_MAX - 2 - _RANDOM - len(SUFFIX)
    encoded = name.encode("utf-8", "surrogateescape")
    short = encoded[:room].decode("utf-8", "ignore") if len(encoded) > room else name
    return f".{short}."


def _hold(fd: int, blocking: bool) -> bool:
    """Lock a temporary file for as long as its save runs; True when it was free (its save is over, or died: its
    lock went with its process). Where there are no such locks, every file counts as free."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; a file open for writing cannot be removed there anyway
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _remove_leftovers(folder: Path, name: str) -> None:
    """Temporary files of earlier saves of this file that were interrupted (killed, power cut) go now; a save of the
    same file under way elsewhere holds its lock, and its file stays."""
    prefix = _temp_prefix(name)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(SUFFIX) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    fd = os.open(entry.path, os.O_RDONLY)
                    try:
                        if _hold(fd, blocking=False):
                            os.unlink(entry.path)
                    finally:
                        os.close(fd)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Some file systems (and Windows) cannot open a folder: that is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_failure(error: OSError) -> str:
    """What went wrong, in a sentence, and the reassurance that matters: the file on disk is unchanged."""
    return _not_saved(failure_reason(error))


def failure_reason(error: OSError) -> str:
    """What went wrong, in a few words."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "you do not have permission to write there",
        errno.EPERM: "you do not have permission to write there",
        errno.EROFS: "the disk is read-only",
        errno.ENOENT: "the folder does not exist (any more)",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EISDIR: "that path is a folder",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def _not_saved(reason: str) -> str:
    return f"could not save: {reason}. The file on disk was not changed."
