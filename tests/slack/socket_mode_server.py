"""Slack's side of Socket Mode: a real local WebSocket server (the `websockets` package)."""

from __future__ import annotations

import contextlib
import json
import threading

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

# Slack's first message on a new connection, shaped as in its "Using Socket Mode" docs.
HELLO = {
    "type": "hello",
    "num_connections": 1,
    "connection_info": {"app_id": "A111"},
    "debug_info": {"host": "applink-local", "build_number": 1,
                   "approximate_connection_time": 18060},
}  # fmt: skip


class SocketModeServer:
    """Greets the app's connection as Slack does, sends it envelopes, keeps its acknowledgements."""

    def __init__(self):
        self.connected = threading.Event()
        self.acks: dict[str, dict] = {}  # envelope_id -> what the app sent back
        self._arrived = threading.Condition()
        self._connection: ServerConnection | None = None
        self._server = serve(self._session, "127.0.0.1", 0)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """The WebSocket URL for `apps.connections.open` to hand out (plain ws://, locally)."""
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=local"

    def send(self, envelope: dict) -> None:
        self._connection.send(json.dumps(envelope))

    def acknowledgement(self, envelope_id: str, timeout: float = 10.0) -> dict:
        """What the app sent back for `envelope_id`, once it has."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: envelope_id in self.acks, timeout):
                raise AssertionError(f"envelope {envelope_id} not acknowledged in {timeout} s")
            return self.acks[envelope_id]

    def close(self) -> None:
        self._server.shutdown()

    def _session(self, connection: ServerConnection) -> None:
        """One connection from the app: hello first, then collect acknowledgements until closed."""
        self._connection = connection
        connection.send(json.dumps(HELLO))
        self.connected.set()
        with contextlib.suppress(ConnectionClosed):
            for message in connection:
                ack = json.loads(message)
                with self._arrived:
                    self.acks[ack["envelope_id"]] = ack
                    self._arrived.notify_all()
