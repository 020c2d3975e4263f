"""Recovery copies of unsaved canvases: one folder per running editor, locked while it runs, offered after a crash.

Layout of the recovery folder (the application's data folder, never a temporary one that the system cleans):

    sessions/<session>/lock          held by the running editor (QLockFile: free again when its process dies)
    sessions/<session>/<copy>.yaml   a canvas file with two comment lines in front: what it is, and its metadata
    set-aside/                       copies that could not be read, kept for a person to look at

A copy is an ordinary canvas file, so a person can also open it in the editor or read it in a text editor.
Nothing here deletes a copy of another session unless the person chose to discard it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QLockFile, QStandardPaths

from editor.errors import CanvasFileError
from editor.fileformat import FileState, parse_canvas
from editor.fileformat.atomic import write_atomically
from editor.fileformat.disk import NotAFileError, read_regular
from editor.fileformat.writer import dump_content, file_bytes, refuse_past_limits
from editor.fileformat.yamlsafe import MAX_BYTES, too_large
from editor.model import Canvas

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

# json, concurrent.futures, tempfile and getpass are imported where they are first needed, after start-up: the
# window should be on screen before the first recovery copy is written (see the start case in benchmarks/).

HEADER = "# Canvas Editor recovery copy of an unsaved canvas. Open it in Canvas Editor to get the canvas back.\n"
META_PREFIX = "# recovery: "
SUFFIX = ".yaml"


class CopyInfo(NamedTuple):
    """What a recovery copy says about its canvas: the file it belongs to, as it was then, and when it changed."""

    original: Path | None
    changed: float  # seconds since the epoch of the last change to the canvas
    original_state: FileState | None  # the file as the canvas was last read from or saved to it

    def to_json(self) -> dict[str, Any]:
        return {
            "original": None if self.original is None else str(self.original),
            "changed": self.changed,
            "original_state": None if self.original_state is None else self.original_state.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any) -> CopyInfo:
        if not isinstance(data, dict) or not isinstance(data.get("changed"), int | float):
            raise ValueError("the metadata line is incomplete")
        original = data.get("original")
        state = data.get("original_state")
        return cls(
            Path(original) if isinstance(original, str) and original else None,
            float(data["changed"]),
            None if state is None else FileState.from_json(state),
        )


class RecoveredCopy(NamedTuple):
    """A readable copy left by an editor that is no longer running."""

    path: Path
    canvas: Canvas
    info: CopyInfo

    def original_status(self) -> str:
        """'untitled', 'unchanged', 'changed' (by someone, after the copy's canvas was based on it) or 'missing'."""
        if self.info.original is None:
            return "untitled"
        now = FileState.now(self.info.original)
        if now is None:
            return "missing"
        if self.info.original_state is None or not self.info.original_state.same_content(now):
            return "changed"
        return "unchanged"


def encode_copy(content: tuple[Any, ...], info: CopyInfo) -> bytes:
    """The bytes of a recovery copy: a canvas file (from a Canvas.content() snapshot) with its metadata in front."""
    import json

    meta = json.dumps(info.to_json(), ensure_ascii=True)  # one line: json escapes every line break
    # Written on the worker thread: pausing between pieces hands Python's lock back to the window each time.
    refuse_past_limits(content, "the recovery copy")
    text = dump_content(content, pause=lambda: time.sleep(0))
    return file_bytes(HEADER + META_PREFIX + meta + "\n" + text, "the recovery copy")


def decode_copy(data: bytes, source: str) -> tuple[Canvas, CopyInfo]:
    """Read a recovery copy. Raises CanvasFileError for anything that is not a whole, readable copy."""
    import json

    lines = data.split(b"\n", 2)
    if len(lines) < 3 or not lines[1].startswith(META_PREFIX.encode()):
        raise CanvasFileError.at(source, 2, 1, "the recovery metadata line is missing.")
    try:
        info = CopyInfo.from_json(json.loads(lines[1][len(META_PREFIX) :]))
    except ValueError as error:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise CanvasFileError.at(source, 2, 1, f"the recovery metadata cannot be read ({error}).") from None
    return parse_canvas(data, source), info


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def default_root() -> Path:
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "recovery"


class Session:
    """This editor's recovery folder, and the work of writing and removing its copies on one background thread.

    Writes and removals run in the order they were asked for, so a removal is never overtaken by a late write.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "sessions" / _new_id()
        # Unsaved canvases are the person's alone: folders 0700 and copies 0600, whatever the umask.
        root.parent.mkdir(parents=True, exist_ok=True)
        for folder in (root, root / "sessions", self.folder):
            folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=folder != self.folder)
            os.chmod(folder, PRIVATE_FOLDER)
        self._lock = _lock_file(self.folder)
        if not self._lock.tryLock(0):
            raise OSError(f"cannot lock the recovery folder {self.folder}")
        self._claimed: list[QLockFile] = []
        self._worker: ThreadPoolExecutor | None = None  # started by the first write
        self._closed = False
        self.warning = ""  # a sentence for the person when copies cannot go where they should

    def new_copy_id(self) -> str:
        return _new_id()

    def copy_path(self, copy_id: str) -> Path:
        return self.folder / f"{copy_id}{SUFFIX}"

    def write(self, copy_id: str, content: tuple[Any, ...], info: CopyInfo) -> Future[None]:
        """Write (or replace) a copy from a Canvas.content() snapshot, in the background.

        The future holds the CanvasFileError when the copy could not be written."""
        return self._submit(self._write, copy_id, content, info)

    def remove(self, copy_id: str) -> Future[None]:
        return self._submit(self._remove, copy_id)

    def flush(self) -> None:
        """Wait until every write and removal asked for so far is done."""
        self._submit(lambda: None).result()

    def close(self) -> None:
        """At a clean exit: finish the queued work, let go of claimed folders, and remove this folder if empty."""
        if self._closed:
            return
        self._closed = True
        if self._worker is not None:
            self._worker.shutdown(wait=True)
        for lock in self._claimed:
            lock.unlock()
        self._claimed.clear()
        empty = not any(self.folder.glob(f"*{SUFFIX}"))
        self._lock.unlock()
        if empty:  # else: copies of canvases still open (a quit that did not close them) for the next start
            shutil.rmtree(self.folder, ignore_errors=True)

    # Copies of editors that are no longer running

    def find_orphans(self) -> tuple[list[RecoveredCopy], list[str]]:
        """Claim the folders of editors that stopped without cleaning up, and read their copies.

        Returns the readable copies (newest change first) and one sentence per copy that could not be read and
        was set aside. Folders of editors still running are locked and left alone, and so are folders that
        another editor has already claimed.
        """
        copies: list[RecoveredCopy] = []
        problems: list[str] = []
        for folder in sorted(self._session_folders()):
            lock = _lock_file(folder)
            if not lock.tryLock(0):
                continue
            self._claimed.append(lock)
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                try:
                    canvas, info = decode_copy(_read_copy(path), str(path))
                except (CanvasFileError, OSError) as error:
                    problems.append(self._set_aside(path, error))
                    continue
                copies.append(RecoveredCopy(path, canvas, info))
            self._forget_if_empty(folder)
        copies.sort(key=lambda copy: copy.info.changed, reverse=True)
        return copies, problems

    def copies_of(self, original: Path) -> list[RecoveredCopy]:
        """The readable recovery copies of the canvas of a file, in every editor's folder, this one's too, newest
        change first: read only, nothing claimed or set aside (to compare with, not to restore)."""
        copies = []
        try:
            folders = [entry for entry in (self.root / "sessions").iterdir() if entry.is_dir()]
        except OSError:
            return []
        for folder in folders:
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                try:
                    canvas, info = decode_copy(_read_copy(path), str(path))
                except (CanvasFileError, OSError):
                    continue
                if info.original is not None and info.original == original:
                    copies.append(RecoveredCopy(path, canvas, info))
        return sorted(copies, key=lambda copy: copy.info.changed, reverse=True)

    def adopt(self, copy: RecoveredCopy) -> str:
        """Make a recovered copy this session's copy of the canvas restored from it (a rename: nothing is lost)."""
        copy_id = self.new_copy_id()
        os.replace(copy.path, self.copy_path(copy_id))
        self._forget_if_empty(copy.path.parent)
        return copy_id

    def discard(self, copy: RecoveredCopy) -> None:
        """Delete a recovered copy: only when the person chose to."""
        with contextlib.suppress(FileNotFoundError):
            copy.path.unlink()
        self._forget_if_empty(copy.path.parent)

    # Internals

    def _submit(self, function: Callable[..., None], *args: Any) -> Future[None]:
        from concurrent.futures import Future, ThreadPoolExecutor

        if not self._closed:
            if self._worker is None:
                self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery")
            return self._worker.submit(function, *args)
        # After close (a window closed after the exit handlers ran): do it here and now.
        done: Future[None] = Future()
        try:
            function(*args)
            done.set_result(None)
        except Exception as error:
            done.set_exception(error)
        return done

    def _write(self, copy_id: str, content: tuple[Any, ...], info: CopyInfo) -> None:
        write_atomically(self.copy_path(copy_id), encode_copy(content, info), PRIVATE_FILE)

    def _remove(self, copy_id: str) -> None:
        with contextlib.suppress(OSError):
            self.copy_path(copy_id).unlink()

    def _session_folders(self) -> list[Path]:
        try:
            return [entry for entry in (self.root / "sessions").iterdir() if entry.is_dir() and entry != self.folder]
        except OSError:
            return []

    def _set_aside(self, path: Path, error: Exception) -> str:
        aside = self.root / "set-aside"
        target = aside / f"{time.strftime('%Y%m%d-%H%M%S')}-{path.parent.name[:8]}-{path.name}"
        reason = error.first.message if isinstance(error, CanvasFileError) else str(error)
        try:
            aside.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
            os.chmod(aside, PRIVATE_FOLDER)
            os.replace(path, target)
        except OSError:
            return f"A recovery copy cannot be read ({reason}); it was left at {path}."
        return f"A recovery copy cannot be read ({reason}); it was set aside at {target}."

    def _forget_if_empty(self, folder: Path) -> None:
        """A claimed folder whose copies were all restored, discarded or set aside goes, with its lock."""
        if folder == self.folder or any(folder.glob(f"*{SUFFIX}")):
            return
        for lock in [lock for lock in self._claimed if Path(lock.fileName()).parent == folder]:
            lock.unlock()
            self._claimed.remove(lock)
        shutil.rmtree(folder, ignore_errors=True)


def _read_copy(path: Path) -> bytes:
    """A copy's bytes. Only a file this editor could have written is read: a link or a pipe put there (by someone
    else, say) is refused at once, and no more is read than a copy may hold."""
    try:
        data, info = read_regular(path, follow_links=False)
    except NotAFileError:
        raise CanvasFileError.whole(
            str(path), "this is not a file this editor wrote (a link, a pipe or a device)."
        ) from None
    if max(len(data), info.st_size) > MAX_BYTES:
        raise too_large(max(len(data), info.st_size), str(path))
    return data


def _new_id() -> str:
    """A name no other session or copy has: 128 random bits, as a uuid4 has."""
    return os.urandom(16).hex()


def _lock_file(folder: Path) -> QLockFile:
    lock = QLockFile(str(folder / "lock"))
    lock.setStaleLockTime(0)  # only a dead process frees a lock: editors run for days
    return lock


def open_session(root: Path) -> Session:
    """A session in `root`; when that folder cannot be used (a file in its place, no permission, a full disk),
    one in the temporary folder, with `warning` saying so: a place the system may clean beats no copies at all."""
    try:
        return Session(root)
    except OSError as error:
        import getpass
        import tempfile

        fallback = _private_folder(Path(tempfile.gettempdir()) / f"canvas-editor-recovery-{getpass.getuser()}")
        session = Session(fallback)
        session.warning = (
            f"Recovery copies are kept in {fallback} for now: {root} cannot be used ({error.strerror or error})."
        )
        return session


def _private_folder(path: Path) -> Path:
    """`path` if it is a folder of the person's own that no one else may read (made so if it is not there); else, as
    when another user planted a link or a folder of that name in the shared temporary folder, a new private folder
    of a random name: copies never go where someone else can read them."""
    import stat
    import tempfile

    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=PRIVATE_FOLDER)
    info = os.lstat(path)
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    if stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode) and mine and not info.st_mode & 0o077:
        return path
    return Path(tempfile.mkdtemp(prefix=f"{path.name}-", dir=path.parent))


_default: Session | None = None


def default_session() -> Session:
    """The running editor's session in the application's data folder, made on first use and closed at exit."""
    global _default
    if _default is None:
        _default = open_session(default_root())
        atexit.register(_default.close)
    return _default
