"""SessionServer: the y-websocket server of a shared canvas, open only to the peers who hold its key.

It listens where the host chose (the local network, or loopback), and refuses a connection that does not name the
session's room and key before a byte of the canvas is sent. Each peer is guarded: a message over MAX_MESSAGE bytes,
a flood of more than RATE messages a second, or an update that would leave a canvas no file could hold closes that
peer's connection, and the document, so the canvas, is unharmed. So does a change of what only the host writes:
the tally of votes, the canvas while the host has made it read-only, a new note while the host has paused adding,
and what everyone's screen shows (the host's awareness state). The host can remove a peer, whose device then cannot
come back in. The rest is the y-websocket protocol (sync and awareness, through pycrdt-websocket's room), so any
Yjs client with the link can take part.

On the same port it serves the participants' web page (a plain HTTP request for /j/ROOM?k=KEY, with the same key),
so that a phone's browser takes part with nothing installed.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import secrets
import socket
import time
import urllib.request
from collections.abc import Callable, Collection
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
from anyio.abc import TaskStatus
from pycrdt import Decoder, Doc, Encoder, YMessageType, YSyncMessageType, create_awareness_message, read_message
from pycrdt.store import BaseYStore
from pycrdt.websocket import YRoom
from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from editor.shared.channel import CLOSE_GOING_AWAY, CLOSE_POLICY_VIOLATION, WebsocketChannel
from editor.shared.guard import Guard
from editor.shared.page import (
    PAGE_PREFIX,
    SHORT,
    Answer,
    ParticipantPage,
    on_this_computer,
    page_link,
    redirect,
    text_answer,
)
from editor.shared.stage import STAGE

MAX_MESSAGE = 8 * 2**20  # bytes a peer may send at once: a canvas of 10,000 long notes, after an hour offline
RATE = 200  # messages a second a peer may send, on average (awareness while dragging is ~30)
BURST = 400  # ... and at once
CLOSE_SECONDS = 2  # how long a closing peer may keep its connection before it is cut
REMOVED = "the host removed you from the session."  # the close reason a removed peer hears
PONG_SECONDS = 2  # how long a connection whose device came back on another may take to show it is still there


@dataclass(frozen=True, slots=True)
class Link:
    """Where a session is and the key to it: ws://HOST:PORT/ROOM?k=KEY."""

    host: str
    port: int
    room: str
    key: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}/{self.room}?k={self.key}"

    @property
    def page_url(self) -> str:
        """The participants' page: http://HOST:PORT/j/ROOM?k=KEY."""
        return page_link(self.url)


def local_address() -> str:
    """This machine's address on its local network (the interface its traffic leaves by), else loopback's."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # a documentation address: a UDP "connect" sends nothing
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def free_or_any(address: str, port: int) -> int:
    """`port` if it can be listened on now (a resumed session's, so that its old link works), else 0 (any)."""
    if not 0 < port < 65536:
        return 0
    try:
        with socket.create_server((address, port)):
            return port
    except OSError:
        return 0


def reach(link: Link, timeout: float = 3.0) -> str:
    """Whether a session shared on the local network answers at the address it gives out, asked from this computer
    (a firewall here, or an address no longer this computer's, shows): '' when it does, else a sentence of what to
    do. (Whether phones reach it depends on the Wi-Fi too: guest networks often keep devices apart.)"""
    if on_this_computer(link.url):
        return (
            "this computer is on no network, so no one else can reach it: connect it to the room's Wi-Fi "
            "or to a phone's hotspot, then share again."
        )
    try:
        with urllib.request.urlopen(link.page_url, timeout=timeout) as answer:
            answer.read(1)
    except (OSError, ValueError) as error:
        return f"the session's address {link.host}:{link.port} does not answer ({error}): a firewall may block it."
    return ""


class _Peer(WebsocketChannel):
    """One peer's connection, as the room reads it: what breaks the rules ends it."""

    def __init__(self, connection: ServerConnection, server: SessionServer) -> None:
        super().__init__(connection, server.link.room)
        self.server = server
        self._allowance = float(BURST)
        self._checked = time.monotonic()
        self.clients: set[int] = set()  # the awareness client ids this peer speaks for

    async def recv(self) -> bytes:
        message = await self.connection.recv()
        problem = self._problem(message)
        if not problem and isinstance(message, bytes) and message[:1] == bytes([YMessageType.AWARENESS]):
            if not self.clients:
                await self.server.settle(self, _clients(message))
            problem, message = self._awareness(message)
        if problem:
            self.server.refused(f"A participant was disconnected: {problem}")
            await self.connection.close(CLOSE_POLICY_VIOLATION, problem[:120])
            raise StopAsyncIteration
        assert isinstance(message, bytes)
        return message

    def _problem(self, message: str | bytes) -> str:
        now = time.monotonic()
        self._allowance = min(float(BURST), self._allowance + (now - self._checked) * RATE)
        self._checked = now
        if self._allowance < 1:
            return f"it sent more than {RATE} messages a second."
        self._allowance -= 1
        if not isinstance(message, bytes) or len(message) < 2:
            return "it sent something that is not the y-websocket protocol."
        if message[0] == YMessageType.SYNC and message[1] in (
            YSyncMessageType.SYNC_STEP2,
            YSyncMessageType.SYNC_UPDATE,
        ):
            try:
                update = read_message(message[2:])
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:
                return "it sent an update that cannot be read."
            return self.server.check(update)
        return ""

    async def send(self, message: bytes) -> None:
        """Send, or drop the message when this peer's connection is closing: the room sends to every peer from the
        task of the one whose message it relays, or from its own, and a peer that was just removed or went must
        not end another's connection, or the room, with its ConnectionClosed (its own loop ends it anyway)."""
        with contextlib.suppress(ConnectionClosed):
            await self.connection.send(message)

    @property
    def address(self) -> str:
        return str(self.connection.remote_address[0]) if self.connection.remote_address else ""

    def _awareness(self, message: bytes) -> tuple[str, bytes]:
        """What is wrong with an awareness message, and the message as the room takes it: the states of clients
        this peer speaks for (those the first of its messages to name any names, that no other peer speaks for),
        noted so that they leave the list when this peer goes. States it passes on of the host or of other peers
        (a y-websocket browser client sends on every state it hears, also of someone whose connection was just
        lost) are left out; its own may not say what only the host says (what everyone's screen shows)."""
        try:
            decoder = Decoder(read_message(message[1:]))
            states = []
            for _ in range(decoder.read_var_uint()):
                client, clock, text = decoder.read_var_uint(), decoder.read_var_uint(), decoder.read_var_string()
                states.append((client, clock, text, json.loads(text)))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            return "it sent an awareness message that cannot be read.", message
        kept = Encoder()
        if not self.clients:  # the first that names a client of its own says who it is (a Yjs client sends its
            # own state first, then passes on what it hears, also of someone whose connection was just lost)
            self.clients = {entry[0] for entry in states if self.server.speaks_for(self, entry[0])}
        own = [entry for entry in states if entry[0] in self.clients]
        kept.write_var_uint(len(own))
        for client, clock, text, state in own:
            if isinstance(state, dict) and STAGE in state:
                return "it tried to set what everyone's screen shows, which only the host does.", message
            kept.write_var_uint(client)
            kept.write_var_uint(self.server.clock_for(client, clock, state))
            kept.write_var_string(text)
        return "", create_awareness_message(kept.to_bytes())


class SessionServer:
    """Serve `doc` (the host's shared canvas) to the peers that have the link. Run it with `run` in an anyio task
    group; `link` is set once it listens. `refused` hears a sentence for each peer it disconnects."""

    def __init__(
        self,
        doc: Doc[Any],
        block_ids: Collection[str],
        field_ids: Collection[str],
        host: str = "127.0.0.1",
        port: int = 0,
        refused: Callable[[str], None] = lambda _: None,
        *,
        store: BaseYStore | None = None,
        room: str = "",
        key: str = "",
        peers: Callable[[int], None] = lambda _: None,
        page: ParticipantPage | None = None,
    ) -> None:
        """`store` keeps every update (a session that resumes gives the room and key it had); `peers` hears how
        many are connected whenever one comes or goes; `page` is served to browsers (none: only Yjs peers)."""
        self.doc = doc
        self.block_ids, self.field_ids = tuple(block_ids), tuple(field_ids)
        self.refused = refused
        self.peers = peers
        self.page = page
        self._host, self._port = host, port
        self._room_name, self._key = room or secrets.token_urlsafe(6), key or secrets.token_urlsafe(16)
        self.link = Link(self._shown_host(), port, self._room_name, self._key)
        self.room = YRoom(ydoc=doc, ystore=store)
        self.guard = Guard(doc, block_ids, field_ids)
        self._peers: set[_Peer] = set()
        self._banned: set[str] = set()  # the addresses of devices the host removed
        self.read_only = False  # only the host changes the canvas; peers still vote
        self.paused = False  # only the host adds notes
        self.stopped = anyio.Event()  # set once the server has closed every connection and its room
        self._stop = anyio.Event()

    def check(self, update: bytes) -> str:
        return self.guard.check(update, self.read_only, self.paused)

    def speaks_for(self, peer: _Peer, client: int) -> bool:
        """Whether `peer` speaks for the awareness `client`: not the host's, and not one another connected peer
        named first (a peer back from a lost network whose old connection the server has not yet seen die gets its
        clients once that connection gives no pong: see `settle`)."""
        if client == self.room.awareness.client_id:
            return False
        return not any(client in other.clients for other in self._peers if other is not peer)

    def clock_for(self, client: int, clock: int, state: object) -> int:
        """The clock a peer's own awareness state goes on with: newer than the room's for that client. A device
        back from a lost network sends the clock it had, and the room, which counted up when it marked the client
        gone, would take its state for an old one (for 30 s, until the device's clock passed it)."""
        known = self.room.awareness.meta.get(client, {}).get("clock", -1)
        return clock if state is None else max(clock, known + 1)

    async def settle(self, peer: _Peer, clients: set[int]) -> None:
        """A peer's first awareness message names clients another connection speaks for: a device back from a lost
        network, whose old connection the server has not yet seen die (a browser keeps its client id). The old
        connection is asked for a pong; one that gives none within PONG_SECONDS is closed, and the clients are the
        newcomer's. A live one keeps them (so no one takes over another's name by naming their client)."""
        for other in [other for other in self._peers if other is not peer and other.clients & clients]:
            try:
                with anyio.fail_after(PONG_SECONDS):
                    await (await other.connection.ping())
            except (TimeoutError, ConnectionClosed):
                other.clients.clear()
                with anyio.move_on_after(CLOSE_SECONDS):
                    await other.connection.close(CLOSE_GOING_AWAY, "a newer connection took over")

    async def remove(self, client: int) -> bool:
        """Disconnect the peer that speaks for `client`; its device cannot come back in while the session lasts.
        False when no peer does (it went already)."""
        for peer in list(self._peers):
            if client in peer.clients:
                self._banned.add(peer.address)
                await peer.connection.close(CLOSE_POLICY_VIOLATION, REMOVED)
                return True
        return False

    async def run(self, *, task_status: TaskStatus[Link] = anyio.TASK_STATUS_IGNORED) -> None:
        async with anyio.create_task_group() as group:
            await group.start(self.room.start)
            async with serve(
                self._serve,
                self._host,
                self._port,
                process_request=self._admit,
                max_size=MAX_MESSAGE,
                close_timeout=CLOSE_SECONDS,
            ) as server:
                port = next(iter(server.sockets)).getsockname()[1]
                self.link = Link(self._shown_host(), port, self._room_name, self._key)
                task_status.started(self.link)
                await self._stop.wait()
            await self.room.stop()
        self.stopped.set()

    def stop(self) -> None:
        self._stop.set()

    def _shown_host(self) -> str:
        """The address peers reach: listening on every interface, this machine's on the local network."""
        return local_address() if self._host in ("", "0.0.0.0") else self._host

    def _admit(self, connection: ServerConnection, request: Request) -> Response | None:
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return _response(self._http(connection, request))
        refusal = self._refusal(connection, urlsplit(request.path).path.strip("/"), request.path)
        return None if refusal is None else _response(refusal)

    def _refusal(self, connection: ServerConnection, room: str, path: str) -> Answer | None:
        """Why a request for `room` (with the key in `path`'s query) is refused, or None when it is let in."""
        key = parse_qs(urlsplit(path).query).get("k", [""])[0]
        right_room = hmac.compare_digest(room.encode(), self._room_name.encode())
        if not (right_room and hmac.compare_digest(key.encode(), self._key.encode())):
            return text_answer(HTTPStatus.FORBIDDEN, "This link's session key is not the session's.")
        if connection.remote_address and str(connection.remote_address[0]) in self._banned:
            return text_answer(HTTPStatus.FORBIDDEN, "The host removed this device from the session.")
        return None

    def _http(self, connection: ServerConnection, request: Request) -> Answer:
        """A browser's request: the participants' page (for the session's room and key), its script or style."""
        path = urlsplit(request.path).path
        if self.page is not None:
            if path.startswith(PAGE_PREFIX):
                refusal = self._refusal(connection, path[len(PAGE_PREFIX) :].strip("/"), request.path)
                return self.page.page() if refusal is None else refusal
            asset = self.page.asset(path)
            if asset is not None:
                return asset
            if len(path) == SHORT + 1 and hmac.compare_digest(path[1:].encode(), self._key[:SHORT].encode()):
                return redirect(f"{PAGE_PREFIX}{self._room_name}?k={self._key}")
        return text_answer(
            HTTPStatus.NOT_FOUND,
            "This is a Canvas Editor session. Scan the join code on the board, or ask the facilitator for the link.",
        )

    async def _serve(self, connection: ServerConnection) -> None:
        peer = _Peer(connection, self)
        awareness = self.room.awareness
        if awareness.states:  # who is there already, as y-websocket's own server tells a newcomer
            await peer.send(create_awareness_message(awareness.encode_awareness_update(list(awareness.states))))
        self._peers.add(peer)
        self.peers(len(self._peers))
        try:
            await self.room.serve(peer)
        finally:
            self._peers.discard(peer)
            self.peers(len(self._peers))
            await self._gone(peer)

    async def _gone(self, peer: _Peer) -> None:
        """A peer went (or was cut off): who it spoke for leaves everyone's list at once, not 30 s later."""
        gone = [client for client in peer.clients if client in self.room.awareness.states]
        if not gone or self._stop.is_set():  # the session is ending: everyone goes
            return
        self.room.awareness.remove_awareness_states(gone, "gone")
        message = create_awareness_message(self.room.awareness.encode_awareness_update(gone))
        with anyio.move_on_after(CLOSE_SECONDS, shield=True):
            for client in list(self.room.clients):
                with contextlib.suppress(ConnectionClosed):
                    await client.send(message)


def _clients(message: bytes) -> set[int]:
    """The client ids an awareness message gives states of (none, when it cannot be read: it is refused later)."""
    try:
        decoder = Decoder(read_message(message[1:]))
        clients = set()
        for _ in range(decoder.read_var_uint()):
            clients.add(decoder.read_var_uint())
            decoder.read_var_uint()
            decoder.read_var_string()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return set()
    return clients


def _response(answer: Answer) -> Response:
    headers = Headers(answer.headers)
    headers["Content-Length"] = str(len(answer.body))
    headers["Connection"] = "close"
    return Response(answer.status.value, answer.status.phrase, headers, answer.body)
