"""One window per data folder: a second start hands over to the first (QLocalServer).

Wiring in app.run(), before the workspace is opened:

    name = single_instance.server_name_for(root)
    if not single_instance.acquire_or_signal(name):
        return 0                      # the running window was asked to come forward
    single_instance.on_activate(lambda: bring_forward(window))

`bring_forward` should call window.showNormal(), window.raise_(), window.activateWindow().
The local socket is only a courtesy: the writer lock (trainer.store.lock), taken by
Workspace.open(root, writer=True), is what really keeps a second process away from
the database, so a lost race here can never open the database twice.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500


def server_name_for(root: Path) -> str:
    """A per-user, per-data-folder name (short: Unix socket paths are limited)."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    key = f"{user}\0{Path(root).expanduser().resolve()}".encode()
    return "complaint-trainer-" + hashlib.sha256(key).hexdigest()[:16]


class SingleInstance(QObject):
    """The first instance's server; emits `activated` when another start knocks."""

    activated = Signal()

    def __init__(self, server_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_name = server_name
        self.server: QLocalServer | None = None

    def signal_running(self) -> bool:
        """Knock on a running instance's door; True when one answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            # Nobody answered a moment ago, so this is a stale socket left by a
            # crashed instance (Unix): remove it and try once more.
            QLocalServer.removeServer(self.server_name)
            if not server.listen(self.server_name):
                return False
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def acquire_or_signal(self) -> bool:
        """True: we are the first instance (now listening). False: the first was told."""
        if self.signal_running():
            return False
        self.listen()  # if even this fails, run anyway: the writer lock still protects
        return True

    def _on_connection(self) -> None:
        # Read the knock right here (a few bytes, already sent): no per-socket signal
        # connections means no Python callbacks on sockets Qt may already have freed.
        assert self.server is not None
        knocked = False
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            if not socket.bytesAvailable():
                socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
            knocked |= ACTIVATE.strip() in bytes(socket.readAll().data())
            socket.abort()
            socket.deleteLater()
        if knocked:
            self.activated.emit()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


_current: SingleInstance | None = None


def acquire_or_signal(server_name: str) -> bool:
    """Module-level form for app.run(): see the module docstring."""
    global _current
    if _current is not None and _current.server_name == server_name and _current.server:
        return True
    candidate = SingleInstance(server_name)
    first = candidate.acquire_or_signal()
    if first:
        _current = candidate
    return first


def on_activate(callback: Callable[[], None]) -> None:
    """Call `callback` whenever a second start asks this window to come forward."""
    if _current is None:
        raise RuntimeError("acquire_or_signal() must succeed before on_activate()")
    _current.activated.connect(callback)


def release() -> None:
    global _current
    if _current is not None:
        _current.close()
        _current = None
