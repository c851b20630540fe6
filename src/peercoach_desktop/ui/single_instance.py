"""One running app per data dir: a second launch asks the first to come forward, then quits.

A local socket (a Unix socket or a Windows named pipe, never a network port) named by
the user and the data dir, so two test "laptops" on one machine don't collide.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAKE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(f"{getpass.getuser()}\0{data_dir}".encode()).hexdigest()[:16]
    return f"peercoach-desktop-{digest}"


def wake_running(data_dir: Path, timeout_ms: int = 500) -> bool:
    """True when another instance answered (and was asked to raise its window)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(WAKE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    wake_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crashed instance
        self.listening = self._server.listen(name)

    @Slot()
    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read_from(socket)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: QLocalSocket) -> None:
        if WAKE.strip() in bytes(socket.readAll().data()):
            self.wake_requested.emit()

    def close(self) -> None:
        self._server.close()
