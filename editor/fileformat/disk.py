"""What a file on disk was when the editor last read or wrote it, to tell real changes by others from touches."""

from __future__ import annotations

import errno
import os
import stat
from typing import Any, BinaryIO, NamedTuple

from editor.fileformat.yamlsafe import MAX_BYTES


class NotAFileError(Exception):
    """A path names a device, a pipe or a socket, not a file."""


def read_regular(path: str | os.PathLike[str], follow_links: bool = True) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes, at most one more than a canvas may have (should it grow while it is read), and its stat
    from before they were read; of a file larger than that by its stat, one byte. Raises OSError, and NotAFileError
    for a device or a pipe: reading one may never end. The file is opened first and then looked at, and opening
    does not wait, so a pipe put in its place meanwhile is refused too; without `follow_links` so is a link."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link, where none is followed
            raise NotAFileError(str(path)) from None
        raise
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(str(path))
        if info.st_size > MAX_BYTES:  # too large already: its first bytes say as much as all of it would
            return _read_at_most(stream, 1), info
        return _read_at_most(stream, MAX_BYTES + 1), info


def _read_at_most(stream: BinaryIO, size: int) -> bytes:
    return stream.read(size)


class FileState(NamedTuple):
    """Size, modification time and a hash of the bytes: the hash decides, the rest is a quick first look."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str], data: bytes) -> FileState:
        """The state of `path` that holds `data` (just read or just written)."""
        return cls.from_stat(os.stat(path), data)

    @classmethod
    def from_stat(cls, info: os.stat_result, data: bytes) -> FileState:
        """The state of a file whose stat, taken before `data` was read from it, is `info`."""
        import hashlib  # here: it loads OpenSSL (~4 ms), which start-up, opening the example, does without

        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def differs(self, path: str | os.PathLike[str]) -> FileState | None:
        """The file's state now if its bytes differ from this state's, whatever its size and time say (a copy with
        `cp -p` or `rsync -t` keeps both); None when they are the same, or the file is gone or unreadable."""
        now = FileState.now(path)
        return None if now is None or self.same_content(now) else now

    @classmethod
    def now(cls, path: str | os.PathLike[str]) -> FileState | None:
        """The file's state now; None when it is gone, cannot be read or is no regular file (a device or a pipe, which
        a path from a hostile recovery copy may name, could be read for ever). A file larger than a canvas may be
        differs by its size from every canvas, and only a byte of it is read."""
        try:
            data, info = read_regular(path)
        except (OSError, NotAFileError):
            return None
        return cls.from_stat(info, data)

    def same_content(self, other: FileState | None) -> bool:
        return other is not None and other.sha256 == self.sha256

    def changed_content(self, path: str | os.PathLike[str]) -> FileState | None:
        """The file's state now if its bytes differ from this state's; None when they are the same, or when the
        file is gone or unreadable. Same size and modification time is taken as unchanged, without reading."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        if (info.st_size, info.st_mtime_ns) == (self.size, self.mtime_ns):
            return None
        now = FileState.now(path)
        return None if now is None or self.same_content(now) else now

    def to_json(self) -> dict[str, Any]:
        return self._asdict()

    @classmethod
    def from_json(cls, data: Any) -> FileState | None:
        try:
            return cls(int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))
        except (TypeError, KeyError, ValueError):
            return None
