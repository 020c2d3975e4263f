"""serve: a canvas file shared with no window (`canvas-editor serve FILE`). It prints the link to join, writes what
peers change to the file once they have paused for a moment (the file's own lines kept, saved atomically, as the
window saves), and on Ctrl+C or SIGTERM saves, tells the peers the session is over, and exits."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import TextIO

import anyio

from editor.errors import CanvasFileError
from editor.fileformat import open_canvas, save_canvas
from editor.model import Event
from editor.shared.mirror import SharedCanvas
from editor.shared.server import SessionServer

QUIET = 1.0  # seconds without a change before the file is written
HOST = "host"  # this process's origin in the shared document


class HeadlessHost:
    def __init__(self, path: Path, address: str, port: int, out: TextIO = sys.stdout) -> None:
        """Raises CanvasFileError for a file that is not a canvas."""
        self.path = path
        self.out = out
        canvas, _, self.layout = open_canvas(path)
        self.shared = SharedCanvas.host(canvas, HOST, self._say)
        self.server = SessionServer(self.shared.doc, canvas.block_ids, canvas.fields, address, port, self._say)
        self._changed_at: float | None = None  # when the canvas last changed, while it is not saved
        canvas.subscribe(self._changed)

    def _changed(self, event: Event) -> None:
        self._changed_at = time.monotonic()

    def _say(self, message: str) -> None:
        print(message, file=self.out, flush=True)

    def save(self) -> None:
        """Write the canvas over its file, if it changed; a failure is said and the session goes on."""
        if self._changed_at is None:
            return
        self._changed_at = None
        try:
            _, self.layout = save_canvas(self.shared.canvas, self.path, self.layout)
        except CanvasFileError as error:
            self._changed_at = time.monotonic()  # try again after the next pause
            self._say(f"Could not save {self.path.name}: {error.first.message}")
            return
        self._say(f"Saved {self.path.name}.")

    async def run(self) -> None:
        async with anyio.create_task_group() as group:
            link = await group.start(self.server.run)
            self._say(f"Sharing {self.path.name}. Join with: {link.url}")
            async with anyio.create_task_group() as saving:
                saving.start_soon(self._save_when_quiet)
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for _ in signals:
                        break
                saving.cancel_scope.cancel()
            self.save()
            self._say("The session is over.")
            self.server.stop()  # the server ends, and the peers' connections close with it

    async def _save_when_quiet(self) -> None:
        while True:
            await anyio.sleep(QUIET / 4)
            if self._changed_at is not None and time.monotonic() - self._changed_at >= QUIET:
                self.save()


def serve(path: Path, address: str, port: int) -> int:
    try:
        host = HeadlessHost(path, address, port)
    except CanvasFileError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"canvas-editor serve: cannot listen on {address}:{port}: {error.strerror}", file=sys.stderr)
        return 1
    try:
        anyio.run(host.run)
    except OSError as error:
        print(f"canvas-editor serve: cannot listen on {address}:{port}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
