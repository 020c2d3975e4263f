"""connect: a document kept in step with a session's server, through the y-websocket protocol, while it lasts."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import anyio
from anyio.abc import TaskStatus
from pycrdt import Doc, Provider
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as open_websocket
from websockets.exceptions import ConnectionClosed

MAX_INCOMING = 256 * 2**20  # bytes the server may send at once: the whole canvas, when one joins


def session_url(text: str) -> str:
    """A session's address as given (ours, ws://HOST:PORT/ROOM?k=KEY, or any y-websocket server's room,
    ws[s]://HOST[:PORT]/ROOM). Raises ValueError, saying what is missing."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise ValueError(
            "a session's link starts ws:// (or wss://), then the host's address (ws://192.168.1.23:8765/…)"
        )
    if not parts.path.strip("/"):
        raise ValueError("the link names no session: it ends with the session's room, /ROOM (and ?k=KEY for a host's)")
    return url


class _Server:
    """The server's connection, as pycrdt's Provider reads it (a Channel)."""

    def __init__(self, connection: ClientConnection, path: str) -> None:
        self.connection = connection
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> _Server:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        await self.connection.send(message)

    async def recv(self) -> bytes:
        message = await self.connection.recv()
        return message if isinstance(message, bytes) else message.encode()


async def connect(url: str, doc: Doc[Any], *, task_status: TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:
    """Keep `doc` in step with the session at `url` until the connection ends; started once the first sync is done.
    Raises websockets' errors for a server that cannot be reached or refuses the key (InvalidStatus, 403)."""
    async with (
        open_websocket(url, max_size=MAX_INCOMING) as connection,
        Provider(doc, _Server(connection, url)) as provider,
    ):
        await provider.synced.wait()
        task_status.started()
        await connection.wait_closed()
