"""serve: a canvas file shared with no window (`canvas-editor serve FILE`). It prints the link to join and the
address of the participants' web page (served on the same port), writes what peers change to the file once they
have paused for a moment (the file's own lines kept, saved atomically, as the window saves), and on Ctrl+C or
SIGTERM saves, tells the peers the session is over, and exits.

The session's history is kept beside the file (`.FILE.session.sqlite`, pycrdt-store's SQLite store, squashed after
a quiet spell), with its room and key and the hash of the file it last saved (`.FILE.session.json`): a host that
crashed and starts again on the same file resumes the session under the same link, and peers that come back merge
what they did meanwhile, with no note lost or doubled (notes are keyed by id, and the ids are the session's). If the
file was changed by anyone else since the session last saved it, a new session starts from the file, under a new
key, so that no one merges an old copy into it."""

from __future__ import annotations

import secrets
import signal
import sys
import time
from pathlib import Path
from typing import Any, TextIO

import anyio
from pycrdt import Doc
from pycrdt.store import SQLiteYStore

from editor import paths
from editor.errors import CanvasFileError
from editor.fileformat import Layout, layout_for, load_template, open_canvas, save_canvas
from editor.fileformat.session_files import SessionFiles
from editor.fileformat.templates import carried_text, read_carried
from editor.model import Canvas, Event
from editor.shared.mirror import SharedCanvas
from editor.shared.page import ParticipantPage, template_value
from editor.shared.server import SessionServer, free_or_any

QUIET = 1.0  # seconds without a change before the file is written
HOST = "host"  # this process's origin in the shared document


class HeadlessHost:
    def __init__(self, path: Path, address: str, port: int, out: TextIO = sys.stdout) -> None:
        """Raises CanvasFileError for a file that is not a canvas."""
        self.path = path
        self.out = out
        self.address, self.port = address, port
        self.files = SessionFiles(path)
        self.canvas, state, layout = open_canvas(path)
        self.layout: Layout | None = layout
        self.resumed = self.files.resumable(state.sha256)
        self.file_hash = state.sha256
        self.room = self.resumed.room if self.resumed else secrets.token_urlsafe(6)
        self.key = self.resumed.key if self.resumed else secrets.token_urlsafe(16)
        if port == 0 and self.resumed is not None:  # the same link as before, where the port is free: peers rejoin
            self.port = free_or_any(address, self.resumed.port)
        self._changed_at: float | None = None  # when the canvas last changed, while it is not saved

    def _say(self, message: str) -> None:
        print(message, file=self.out, flush=True)

    async def run(self) -> None:
        store = self.files.store()
        async with anyio.create_task_group() as group:
            if self.resumed is None:
                self.files.history.unlink(missing_ok=True)  # an old session's, for a file changed since
            await group.start(store.start)
            shared = await self._shared(store)
            canvas = shared.canvas
            server = SessionServer(
                shared.doc, canvas.block_ids, canvas.fields, self.address, self.port, self._say,
                store=store, room=self.room, key=self.key, peers=lambda count: self._say(f"{count} taking part."),
                page=ParticipantPage(*paths.web_files(), template_value(canvas.template)),
            )  # fmt: skip
            link = await group.start(server.run)
            self.port = link.port
            self.files.remember(self.room, self.key, self.file_hash, self.port)  # a crash before a save resumes too
            canvas.subscribe(self._changed)
            with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:  # before the link is out
                resumed = "Resumed the session on" if self.resumed else "Sharing"
                self._say(f"{resumed} {self.path.name}. Join with: {link.url}")
                self._say(f"Phones and laptops open: {link.page_url}")
                async with anyio.create_task_group() as saving:
                    saving.start_soon(self._save_when_quiet, shared.canvas)
                    async for _ in signals:
                        break
                    saving.cancel_scope.cancel()
            self.save(shared.canvas)
            self._say("The session is over.")
            server.stop()  # the server ends, and the peers' connections close with it
            await server.stopped.wait()
            await store.stop()

    async def _shared(self, store: SQLiteYStore) -> SharedCanvas:
        """The shared canvas: the stored session's, resumed, or the file's, with its history started."""
        if self.resumed is not None:
            doc: Doc[Any] = Doc()
            await store.apply_updates(doc)
            shared = SharedCanvas.join(doc, load_template, HOST, self._say, read_carried)
            written = {note.id for _, note in self.canvas.all_notes() if note.keep_id}  # ids the file itself gives
            for _, note in shared.canvas.all_notes():
                note.keep_id = note.id in written
            self.layout = layout_for(self.path.read_bytes(), shared.canvas, str(self.path))  # the file's lines kept
            return shared
        shared = SharedCanvas.host(self.canvas, HOST, self._say, carried_text(self.canvas.template))
        await store.write(shared.doc.get_update())
        return shared

    def _changed(self, event: Event) -> None:
        self._changed_at = time.monotonic()

    def save(self, canvas: Canvas) -> None:
        """Write the canvas over its file, if it changed; a failure is said and the session goes on."""
        if self._changed_at is None:
            return
        self._changed_at = None
        try:
            state, self.layout = save_canvas(canvas, self.path, self.layout)
        except CanvasFileError as error:
            self._changed_at = time.monotonic()  # try again after the next pause
            self._say(f"Could not save {self.path.name}: {error.first.message}")
            return
        self.file_hash = state.sha256
        self.files.remember(self.room, self.key, state.sha256, self.port)
        self._say(f"Saved {self.path.name}.")

    async def _save_when_quiet(self, canvas: Canvas) -> None:
        while True:
            await anyio.sleep(QUIET / 4)
            if self._changed_at is not None and time.monotonic() - self._changed_at >= QUIET:
                self.save(canvas)


def serve(path: Path, address: str, port: int) -> int:
    try:
        host = HeadlessHost(path, address, port)
    except CanvasFileError as error:
        print(error, file=sys.stderr)
        return 1
    failed: list[str] = []
    try:
        anyio.run(host.run)
    except* OSError as errors:
        first = errors.exceptions[0]
        failed.append(first.strerror if isinstance(first, OSError) and first.strerror else str(first))
    if failed:
        print(f"canvas-editor serve: cannot listen on {address}:{port}: {failed[0]}", file=sys.stderr)
        return 1
    return 0
