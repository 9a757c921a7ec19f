"""A TCP proxy in front of PostgreSQL that can freeze (accept, then never answer) or go down.

A frozen server is what SIGSTOP does to PostgreSQL: connections open, bytes are taken by the
kernel, no answer ever comes. Doing it in a proxy freezes only this test's store, not the
server every other test shares.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class StoreProxy:
    """`start()`, then point a database URL at `port`; `freeze()`, `down()` and `heal()`."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.state = "open"  # "open" | "frozen" | "down"
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def start(self) -> StoreProxy:
        threading.Thread(target=self._accept, daemon=True).start()
        threading.Thread(target=self._relay, daemon=True).start()
        return self

    def url(self, database_url: str) -> str:
        """`database_url` with its host and port replaced by the proxy's."""
        scheme, rest = database_url.split("://", 1)
        user, _, tail = rest.rpartition("@")
        database = tail.split("/", 1)[1]
        return f"{scheme}://{user + '@' if user else ''}127.0.0.1:{self.port}/{database}"

    def freeze(self) -> None:
        self.state = "frozen"

    def down(self) -> None:
        """Every connection reset, new ones refused."""
        self.state = "down"
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
                    end.close()

    def heal(self) -> None:
        self.state = "open"

    def stop(self) -> None:
        self._stop.set()
        self.down()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.state == "down":
                client.close()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))

    def _relay(self) -> None:
        """Copy bytes both ways while open; while frozen, read nothing (the kernel buffers)."""
        while not self._stop.is_set():
            if self.state != "open":
                self._stop.wait(0.02)
                continue
            with self._lock:
                pairs = list(self._pairs)
            selector = selectors.DefaultSelector()
            for client, server in pairs:
                with contextlib.suppress(ValueError, OSError):
                    selector.register(client, selectors.EVENT_READ, server)
                    selector.register(server, selectors.EVENT_READ, client)
            for key, _ in selector.select(timeout=0.02):
                try:
                    data = key.fileobj.recv(65536)
                    if data:
                        key.data.sendall(data)
                        continue
                except OSError:
                    pass
                self._drop(key.fileobj)
            selector.close()

    def _drop(self, end: socket.socket) -> None:
        with self._lock:
            for pair in [p for p in self._pairs if end in p]:
                self._pairs.remove(pair)
                for sock in pair:
                    sock.close()
