"""One running app per data dir: a second launch asks the first to come forward, then quits.

A local socket (a Unix socket or a Windows named pipe, never a network port) named by
the user and the data dir, so two test "laptops" on one machine don't collide. On
Unix the check before the window shows uses Python's socket module; QtNetwork, which
costs more to load, only serves the first instance after its window has painted.
"""

from __future__ import annotations

import os
import zlib

from PySide6.QtCore import QObject, Signal, Slot

WAKE = b"raise\n"


def server_name(data_dir: str | os.PathLike[str]) -> str:
    key = f"{os.environ.get('USER') or os.environ.get('USERNAME', '')}\0{os.fspath(data_dir)}".encode()
    digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    if os.name == "posix":  # an absolute path: Qt and Python then agree on the socket file
        folder = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
        return f"{folder}/peercoach-desktop-{os.getuid()}-{digest}"
    return f"peercoach-desktop-{digest}"


def wake_running(data_dir: str | os.PathLike[str], timeout_s: float = 0.5) -> bool:
    """True when another instance answered (and was asked to raise its window)."""
    name = server_name(data_dir)
    if os.name == "posix":
        # The C module: the socket package around it imports selectors and builds enums,
        # several milliseconds before the first paint for one connect.
        import _socket

        client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            client.settimeout(timeout_s)
            client.connect(name)
            client.sendall(WAKE)
        except OSError:
            return False
        finally:
            client.close()
        return True
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(int(timeout_s * 1000)):
        return False
    client.write(WAKE)
    client.waitForBytesWritten(int(timeout_s * 1000))
    client.disconnectFromServer()
    return True


def start_or_wake(data_dir: str | os.PathLike[str]) -> tuple[bool, int | None]:
    """Before the first paint: (True, None) when another instance for this data dir answered
    and was asked to come forward; else (False, the listening descriptor on Unix).

    The socket is bound first, so of two launches at the same moment only one can win; a
    socket file nobody answers on is a crashed instance's and is replaced."""
    if os.name != "posix":
        return wake_running(data_dir), None
    import _socket
    import errno

    name = server_name(data_dir)
    listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    old_mask = os.umask(0o077)  # the socket file: only this user may connect
    try:
        try:
            listener.bind(name)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            if wake_running(data_dir):
                listener.close()
                return True, None
            os.unlink(name)  # nobody answers: left by an instance that crashed
            listener.bind(name)
        listener.listen(4)
    except OSError:
        listener.close()
        return False, None  # run without the single-instance guard rather than not at all
    finally:
        os.umask(old_mask)
    return False, listener.detach()  # the descriptor now belongs to InstanceServer


class InstanceServer(QObject):
    wake_requested = Signal()

    def __init__(
        self, data_dir: str | os.PathLike[str], parent: QObject | None = None, *, claimed: int | None = None
    ) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        if claimed is not None:
            self.listening = self._server.listen(claimed)  # the socket claim() bound before paint
        else:
            self.listening = self._server.listen(server_name(data_dir))

    @Slot()
    def _accept(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(self._read)
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read_from(connection)

    @Slot()
    def _read(self) -> None:
        connection = self.sender()
        if connection is not None and hasattr(connection, "readAll"):
            self._read_from(connection)

    def _read_from(self, connection: QObject) -> None:
        if WAKE.strip() in bytes(connection.readAll().data()):  # type: ignore[attr-defined]
            self.wake_requested.emit()

    def close(self) -> None:
        self._server.close()
