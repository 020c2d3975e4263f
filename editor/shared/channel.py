"""WebsocketChannel: a WebSocket connection as pycrdt's sync code reads a channel (iterate for messages until the
connection closes; send bytes), and the close codes both ends read. The server's guard on each peer and the
client's awareness relay build on it."""

from __future__ import annotations

from websockets.asyncio.connection import Connection
from websockets.exceptions import ConnectionClosed

# WebSocket close codes: the session ended, or the server went away; a peer broke the rules (or was removed).
CLOSE_NORMAL, CLOSE_GOING_AWAY, CLOSE_POLICY_VIOLATION = 1000, 1001, 1008


class WebsocketChannel:
    def __init__(self, connection: Connection, path: str) -> None:
        self.connection = connection
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> WebsocketChannel:
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
