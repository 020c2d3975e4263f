"""SessionFiles: a shared canvas's session kept beside its file, so that a host that crashed resumes it: the
session's history (`.FILE.session.sqlite`, pycrdt-store's SQLite store, squashed after a quiet spell) and its room,
key and port with the hash of the file as the session last saved it (`.FILE.session.json`). A session that ends
as it should is forgotten; one whose file someone else changed since is not resumed."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.fileformat.atomic import write_atomically

if TYPE_CHECKING:
    from pycrdt import Doc
    from pycrdt.store import SQLiteYStore

SQUASH_AFTER = 300  # seconds of quiet after which the stored history becomes one update


@dataclass(frozen=True, slots=True)
class KeptLink:
    """What a kept session's link was: its room, key and port."""

    room: str
    key: str
    port: int


class SessionFiles:
    """Where a file's session is kept, beside it, and what it says."""

    def __init__(self, path: Path) -> None:
        self.history = path.with_name(f".{path.name}.session.sqlite")
        self.about = path.with_name(f".{path.name}.session.json")

    def resumable(self, file_hash: str) -> KeptLink | None:
        """The link of the session that last saved the file as it is now, or None."""
        try:
            about = json.loads(self.about.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(about, dict) or about.get("file") != file_hash or not self.history.exists():
            return None
        port = about.get("port", 0)
        return KeptLink(str(about.get("room", "")), str(about.get("key", "")), port if isinstance(port, int) else 0)

    def remember(self, room: str, key: str, file_hash: str, port: int) -> None:
        data = json.dumps({"room": room, "key": key, "file": file_hash, "port": port}).encode()
        write_atomically(self.about, data)

    def forget(self) -> None:
        """The session ended as it should: nothing of it is to be resumed."""
        for path in (self.about, self.history):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def store(self) -> SQLiteYStore:
        from pycrdt.store import SQLiteYStore  # with the first session: start-up does without it

        store = SQLiteYStore("canvas")
        store.db_path = str(self.history)
        store.squash_after_inactivity_of = SQUASH_AFTER
        return store

    def load(self, doc: Doc[Any]) -> None:
        """Put the stored history into `doc` (a blocking read, of a few milliseconds once squashed)."""
        import anyio

        async def read() -> None:
            store = self.store()
            async with anyio.create_task_group() as group:
                await group.start(store.start)
                await store.apply_updates(doc)
                await store.stop()
                group.cancel_scope.cancel()

        anyio.run(read)
