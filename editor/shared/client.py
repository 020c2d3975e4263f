"""connect: a document kept in step with a session's server, through the y-websocket protocol, while it lasts, and
this peer's awareness (who it is) with the others'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import anyio
from anyio.abc import TaskStatus
from pycrdt import Awareness, Doc, Provider, YMessageType, create_awareness_message, read_message
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as open_websocket

from editor.shared.channel import CLOSE_GOING_AWAY, CLOSE_NORMAL, CLOSE_POLICY_VIOLATION, WebsocketChannel
from editor.shared.page import session_link

MAX_INCOMING = 256 * 2**20  # bytes the server may send at once: the whole canvas, when one joins
CLOSE_SECONDS = 2  # how long leaving waits for the server to say goodbye


def session_url(text: str) -> str:
    """A session's address as given (ours, ws://HOST:PORT/ROOM?k=KEY or its page's http://HOST:PORT/j/ROOM?k=KEY,
    or any y-websocket server's room, ws[s]://HOST[:PORT]/ROOM). Raises ValueError, saying what is missing."""
    url = session_link(text.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise ValueError(
            "a session's link starts ws:// (or wss://), then the host's address (ws://192.168.1.23:8765/…)"
        )
    if not parts.path.strip("/"):
        raise ValueError("the link names no session: it ends with the session's room, /ROOM (and ?k=KEY for a host's)")
    return url


class _Server(WebsocketChannel):
    """The server's connection, as pycrdt's Provider reads it. Awareness messages, which the Provider leaves alone,
    go to `awareness`."""

    def __init__(self, connection: ClientConnection, path: str, awareness: Awareness | None) -> None:
        super().__init__(connection, path)
        self.awareness = awareness

    async def recv(self) -> bytes:
        data = await super().recv()
        if self.awareness is not None and data[:1] == bytes([YMessageType.AWARENESS]):
            try:
                self.awareness.apply_awareness_update(read_message(data[1:]), "remote")
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:
                pass
        return data


@dataclass(frozen=True, slots=True)
class Closed:
    """How a connection ended: the server's close code and reason (1006 and none: the connection was lost)."""

    code: int | None
    reason: str

    @property
    def lost(self) -> bool:
        """The network went, or the server died, rather than the session ending or refusing this peer: worth
        connecting again."""
        return self.code not in (CLOSE_NORMAL, CLOSE_GOING_AWAY, CLOSE_POLICY_VIOLATION)


async def connect(
    url: str,
    doc: Doc[Any],
    awareness: Awareness | None = None,
    *,
    task_status: TaskStatus[None] = anyio.TASK_STATUS_IGNORED,
) -> Closed:
    """Keep `doc` (and `awareness`, this peer's state and the others', which the caller runs) in step with the
    session at `url` until the connection ends; started once the first sync is done. Returns how it ended. Raises
    websockets' errors for a server that cannot be reached or refuses the key (InvalidStatus, 403)."""
    async with open_websocket(url, max_size=MAX_INCOMING) as connection:
        try:
            async with (
                Provider(doc, _Server(connection, url, awareness)) as provider,
                anyio.create_task_group() as group,
            ):
                if awareness is not None:
                    group.start_soon(_send_awareness, connection, awareness)
                await provider.synced.wait()
                task_status.started()
                await connection.wait_closed()
                group.cancel_scope.cancel()
            return Closed(connection.close_code, connection.close_reason or "")
        finally:  # also when this peer leaves by cancelling: the server hears it go at once
            with anyio.move_on_after(CLOSE_SECONDS, shield=True):
                await connection.close()


async def _send_awareness(connection: ClientConnection, awareness: Awareness) -> None:
    """This peer's state, whenever it changes or is renewed (the others drop a state not renewed for 30 s)."""
    changed = anyio.Event()

    def on_change(kind: str, changes: tuple[dict[str, Any], Any]) -> None:
        if kind == "update" and changes[1] == "local":
            changed.set()

    watching = awareness.observe(on_change)
    # Said anew, with a newer clock: a server that dropped this peer's state when an earlier connection went
    # takes no state with the clock it had then.
    state = awareness.get_local_state()
    if state is not None:
        awareness.set_local_state(state)
    changed.set()
    try:
        while True:
            await changed.wait()
            changed = anyio.Event()
            update = awareness.encode_awareness_update([awareness.client_id])
            await connection.send(create_awareness_message(update))
    finally:
        awareness.unobserve(watching)
