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

    A symlink stays a symlink (its target is replaced) and an existing file keeps its permissions; `mode` sets them
    instead (0o600 for a file only its owner may read, whatever the umask).
    Raises CanvasFileError with a sentence a person can act on; the old file is then byte-identical.
    """
    source = str(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    temp_name = ""
    try:
        existing = _existing_mode(target)
        if existing is not None and not existing & 0o222:
            # Renaming over it would work, but a read-only file is its owner's way of saying "do not change".
            raise CanvasFileError.whole(source, _not_saved("the file is read-only"))
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as stream:
            _hold(stream.fileno(), blocking=True)  # till the rename: another save sees the file is not a leftover
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(temp_name, mode if mode is not None else _new_file_mode() if existing is None else existing)
            os.replace(temp_name, target)
            temp_name = ""
        _sync_folder(folder)
        _remove_leftovers(folder, target.name)
    except OSError as error:
        raise CanvasFileError.whole(source, save_failure(error)) from None
    finally:
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


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


def _existing_mode(target: Path) -> int | None:
    """The permission bits of the file being replaced, None when there is no file yet."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return None


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
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return _not_saved(reason)


def _not_saved(reason: str) -> str:
    return f"could not save: {reason}. The file on disk was not changed."
