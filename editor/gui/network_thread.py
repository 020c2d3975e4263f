"""NetworkThread: a shared canvas's network side (the session's server, or the link to a session) in a thread of
its own with its own copy of the document, so that the window never waits on the network. Updates cross between
that copy and the window's as bytes: to the window by a queued Qt signal, to the network by the loop's thread-safe
call. Yjs updates can be applied twice and in any order, so neither side needs to know where one came from."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any

import anyio
from anyio.abc import TaskStatus
from pycrdt import Awareness, Doc, TransactionEvent
from pycrdt.store import BaseYStore
from PySide6.QtCore import QObject, Signal

from editor.shared import presence
from editor.shared.client import Closed, connect
from editor.shared.page import ParticipantPage
from editor.shared.server import SessionServer, reach
from editor.shared.stage import Stage, hosts_stage


@dataclass(frozen=True, slots=True)
class Kept:
    """Where a hosted session is kept, to be resumed after a crash: its store, and the room, key and port of its
    link (empty and 0: new ones)."""

    store: BaseYStore
    room: str = ""
    key: str = ""
    port: int = 0


READ_ONLY_GRACE = 2.0  # seconds between the others hearing the canvas is read-only and the server holding them to it
RETRY_FIRST, RETRY_MOST = 0.5, 5.0  # seconds between tries to connect again after the network went


class NetworkThread(QObject):
    updated = Signal(bytes)  # an update from the network, for the window's copy of the document
    started = Signal(str)  # the session is up: its link (hosting), or the address joined
    ended = Signal(str)  # the session ended, or could not start: why, in a sentence ('' when it was asked to)
    refused = Signal(str)  # a peer was disconnected for breaking the rules, or a change of theirs not taken
    participants = Signal(list)  # who takes part now (Participant, this window's first), as it changes
    stage = Signal(object)  # what the host shows everyone (a Stage, or None), when it changes
    linked = Signal(bool)  # joined: the connection was lost (False; trying again), or is back (True)
    checked = Signal(str)  # hosting on the local network: whether it answers there ('': it does; else what to do)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Doc[Any] = Doc()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ended_by = ""  # why the session ended, when the other end ended it
        self._awareness: Awareness | None = None
        self._presence: dict[str, Any] | None = None  # this window's state, for when the session is up
        self._server: SessionServer | None = None
        self._serving = False  # hosting: the server's room is up
        self._rules = (False, False)  # read-only, and adding paused, as the host last asked
        self._rules_later: asyncio.TimerHandle | None = None
        self._stage: Stage | None = None

    def host(
        self,
        state: bytes,
        block_ids: Collection[str],
        field_ids: Collection[str],
        address: str,
        kept: Kept | None = None,
        page: ParticipantPage | None = None,
    ) -> None:
        """Serve the document `state` holds on `address` ("0.0.0.0": the local network); with `kept`, every update
        goes to its store too, under its room, key and port (a session resumed after a crash keeps its link); with
        `page`, the participants' web page too, on the same port."""
        self._doc.apply_update(state)
        store = kept.store if kept is not None else None
        room, key, port = (kept.room, kept.key, kept.port) if kept is not None else ("", "", 0)
        server = SessionServer(
            self._doc,
            block_ids,
            field_ids,
            address,
            port,
            self.refused.emit,
            store=store,
            room=room,
            key=key,
            page=page,
        )
        self._server = server
        self._watch(server.room.awareness)

        async def run(stop: asyncio.Event) -> None:
            async with anyio.create_task_group() as group:
                if store is not None:
                    await group.start(store.start)
                    await store.write(self._doc.get_update())  # all of it: an update written twice is harmless
                link = await group.start(server.run)
                self._serving = True
                self._show_presence()
                self.started.emit(link.url)
                if address == "0.0.0.0" and page is not None:
                    self.checked.emit(await anyio.to_thread.run_sync(reach, link))
                await stop.wait()
                server.stop()
                await server.stopped.wait()
                if store is not None:
                    await store.stop()

        self._start(run)

    def join(self, url: str, state: bytes = b"") -> None:
        """Take part in the session at `url` (bringing the document `state` holds, when sharing through a server):
        `updated` brings the whole document once it is synced."""
        if state:
            self._doc.apply_update(state)
        awareness = self._watch(Awareness(self._doc))

        async def run(stop: asyncio.Event) -> None:
            async with anyio.create_task_group() as group:

                async def until_stopped() -> None:
                    await stop.wait()
                    group.cancel_scope.cancel()

                await group.start(awareness.start)
                group.start_soon(until_stopped)
                self._show_presence()
                await group.start(self._stay_linked, url, awareness, group.cancel_scope.cancel)
                self.updated.emit(self._doc.get_update())
                self.started.emit(url)

        self._start(run)

    async def _stay_linked(
        self, url: str, awareness: Awareness, ended: Callable[[], object], *, task_status: TaskStatus[None]
    ) -> None:
        """Linked to the session until it ends (then `ended()`). A connection the network lost (or a host that
        died) is made again, and again, waiting a little longer each time: the window goes on editing meanwhile,
        and the document merges what both sides changed once it is back. Errors before the first sync are the
        caller's: the link did not work."""
        first = _FirstSync(task_status, back=lambda: self.linked.emit(True))
        wait = RETRY_FIRST
        while True:
            try:
                closed = await connect(url, self._doc, awareness, task_status=first)
            except Exception as error:
                if not first.done or not _lost(error):
                    raise
            else:
                if not closed.lost:
                    break
            self.linked.emit(False)
            await anyio.sleep(wait)
            wait = min(RETRY_MOST, wait * 2)
        self._ended_by = closed.reason or "the host ended the session."
        ended()

    def present(self, state: dict[str, Any]) -> None:
        """Who this window is (its name and colour), for the others (from the window's thread)."""
        self._presence = state
        if self._loop is not None and not self._loop.is_closed() and self._awareness is not None:
            self._in_loop(self._show_presence)

    def remove(self, client: int) -> None:
        """Disconnect the participant with this client id, and keep their device out (hosting only)."""
        server = self._server
        if server is not None and self._loop is not None and not self._loop.is_closed():
            asyncio.run_coroutine_threadsafe(server.remove(client), self._loop)

    def set_rules(self, read_only: bool, paused: bool) -> None:
        """Whether the server takes changes of the canvas from the others (hosting only; they can still vote), and
        new notes. A rule is held READ_ONLY_GRACE seconds after the others' windows hear of it: what someone was
        typing, or a drag on its way, still comes in, rather than getting them disconnected. One lifted is lifted
        at once."""
        server, loop = self._server, self._loop
        rules = (read_only, paused)
        if server is None or loop is None or loop.is_closed() or rules == self._rules:
            return  # (the host's stage is sent again every second of a countdown: the grace is not put off)
        self._rules = rules

        def hold() -> None:
            server.read_only, server.paused = rules

        def switch() -> None:
            if self._rules_later is not None:
                self._rules_later.cancel()
                self._rules_later = None
            server.read_only, server.paused = server.read_only and read_only, server.paused and paused
            if (server.read_only, server.paused) != rules:
                self._rules_later = loop.call_later(READ_ONLY_GRACE, hold)

        self._in_loop(switch)

    def _show_presence(self) -> None:
        # A room that has not started, or has stopped, sends nothing: the state waits for the room.
        ending = self._stop is not None and self._stop.is_set()
        waiting = self._server is not None and not self._serving
        if self._presence is not None and self._awareness is not None and not (ending or waiting):
            self._awareness.set_local_state(self._presence)

    def _watch(self, awareness: Awareness) -> Awareness:
        self._awareness = awareness

        def changed(kind: str, changes: tuple[dict[str, Any], Any]) -> None:
            if kind == "change":
                self.participants.emit(presence.participants(awareness.states, awareness.client_id))
                stage = hosts_stage(awareness.states)
                if stage != self._stage:
                    self._stage = stage
                    self.stage.emit(stage)

        awareness.observe(changed)
        return awareness

    def send(self, update: bytes) -> None:
        """An update made in the window, for the network (from the window's thread)."""
        if self._loop is not None and not self._loop.is_closed():
            self._in_loop(self._doc.apply_update, update)

    def _in_loop(self, function: Callable[..., object], *args: Any) -> None:
        """Call `function(*args)` in the network's loop (from the window's thread), in a task of its own, in the
        order asked: what it sets off (the room's sends) starts tasks, which anyio refuses outside a task when
        sniffio is installed (a plain callback of the loop has no current task)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return

        async def call() -> None:
            function(*args)

        asyncio.run_coroutine_threadsafe(call(), loop)

    def stop(self, wait: float = 5.0) -> None:
        """End the session (the server closes, or this peer leaves) and wait for the thread."""
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(wait)

    def _start(self, run: Callable[[asyncio.Event], Awaitable[None]]) -> None:
        ready = threading.Event()

        async def main() -> None:
            self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
            self._doc.observe(self._forward)
            ready.set()
            await run(self._stop)

        def thread() -> None:
            why = ""
            try:
                asyncio.run(main())
            except OSError as error:
                why = f"the network could not be used ({error.strerror or error})."
            except Exception as error:
                why = _why(error)
            finally:
                ready.set()
            self.ended.emit(why or self._ended_by)

        self._thread = threading.Thread(target=thread, name="canvas-session", daemon=True)
        self._thread.start()
        ready.wait(5)

    def _forward(self, event: TransactionEvent) -> None:
        self.updated.emit(event.update)


class _FirstSync(TaskStatus[None]):
    """What `connect` tells when it has synced: the first time, the session's start; after that, that it is back."""

    def __init__(self, task_status: TaskStatus[None], back: Callable[[], object]) -> None:
        self._task_status = task_status
        self.done = False
        self.back = back

    def started(self, value: None = None) -> None:
        if not self.done:
            self.done = True
            self._task_status.started()
        else:
            self.back()


def _lost(error: BaseException) -> bool:
    """Whether an error connecting again is the network's (or a host not back yet), not the session refusing."""
    from websockets.exceptions import ConnectionClosedError, InvalidMessage, InvalidStatus

    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    if isinstance(error, InvalidStatus):
        return error.response.status_code >= 500
    if isinstance(error, ConnectionClosedError) and error.rcvd is not None:  # the server closed it, saying why
        return Closed(error.rcvd.code, error.rcvd.reason).lost
    return isinstance(error, OSError | TimeoutError | ConnectionClosedError | InvalidMessage | EOFError)


def _why(error: BaseException) -> str:
    """A sentence for what ended a session, from websockets' and anyio's errors (a group holds the first)."""
    from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI

    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    if isinstance(error, InvalidStatus) and error.response.status_code == 403:
        if b"removed" in (error.response.body or b""):
            return "the host removed this device from the session."
        return "the session did not let this link in: its key is not the session's (ask the host for the link again)."
    if isinstance(error, InvalidURI):
        return "the link is not a session's address."
    if isinstance(error, ConnectionClosed):
        return "the host ended the session, or the network went."
    if isinstance(error, OSError):
        return f"the host could not be reached ({error.strerror or error})."
    return f"the session ended: {error}."
