"""KeptSession: a session hosted from a window, kept beside its canvas's file while it lasts (SessionFiles), so
that if the app crashes, sharing the same file again resumes the session under the same link, and the others'
windows, which keep trying, come back by themselves. A session that ends as it should is forgotten."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from pycrdt import Doc

    from editor.gui.document import Document
    from editor.gui.network_thread import Kept


class KeptSession:
    def __init__(self, document: Document, address: str) -> None:
        """Where a session of `document` on `address` is kept (nowhere for a canvas with no file), and the stored
        document of the one it resumes (`stored`, None for a new session)."""
        from pycrdt import Doc

        from editor.fileformat.session_files import SessionFiles
        from editor.gui.network_thread import Kept
        from editor.shared.server import free_or_any

        self.document = document
        self.kept: Kept | None = None
        self.stored: Doc[Any] | None = None
        self.link = ""
        path, state = document.path, document.disk_state
        if path is None or state is None or not os.access(path.parent, os.W_OK):  # nowhere to keep it: not kept
            return
        self.files = SessionFiles(path)
        resumed = self.files.resumable(state.sha256)
        if resumed is not None:
            stored: Doc[Any] = Doc()
            try:
                self.files.load(stored)
            except Exception:  # a store that cannot be read: a new session, from the canvas as it is
                resumed = None
            else:
                self.stored = stored
        if resumed is None:
            self.files.forget()
            self.kept = Kept(self.files.store())
        else:
            port = free_or_any(address, resumed.port)
            self.kept = Kept(self.files.store(), resumed.room, resumed.key, port)
        document.saved.connect(self._remember)

    @property
    def resumed(self) -> bool:
        return self.stored is not None

    def started(self, link: str) -> None:
        """The session is up at `link`: what to resume it by, from now on."""
        self.link = link
        self._remember()

    def _remember(self) -> None:
        state = self.document.disk_state
        if self.kept is None or not self.link or state is None:
            return
        parts = urlsplit(self.link)
        key = parse_qs(parts.query).get("k", [""])[0]
        self.files.remember(parts.path.strip("/"), key, state.sha256, parts.port or 0)

    def forget(self) -> None:
        """The session ended as it should: nothing of it is resumed."""
        if self.kept is not None:
            self.document.saved.disconnect(self._remember)
            self.files.forget()
            self.kept = None
