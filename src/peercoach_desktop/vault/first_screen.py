"""The first screen, read ahead by a process of its own while the window starts (Linux).

Before a notebook shows, the window's process must import SQLCipher, the Secret Service's crypto
and the notebook core (~100 ms), read a key and open the notebook, all under the one GIL that
Qt's start-up needs too, so it adds up on one core. A child process started first does that work
on another core while the window paints, and hands back through a pipe what the first screen
shows: the partnerships as listed and the first one's overview. The window shows them, then
opens the notebooks itself behind them, exactly as it does without a read-ahead.

What crosses the pipe is what the overview shows, in memory; never a key. The child opens the
notebooks as the window would (a migration included) and nothing more: no backups, and it never
settles an interrupted key change (that notice and its recovery code belong to the window). It
gives up, sending nothing, wherever the window has more to do than show: a passphrase notebook,
a pending key change, a keyring that is locked or would ask, any error. The window then opens the
notebooks itself. Kept light: the window's process imports this module before Qt, and the
reader's process starts in it (app.main, CHILD_FLAG).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peercoach_desktop.vault.partnership_summary import FirstScreen

# "0": no read-ahead (to compare, or to rule it out); "1": always, and the window waits for it
# (tests that must see it); unset: when a core is free, and the window waits briefly.
ENV = "PEERCOACH_READ_AHEAD"
LIMIT = 4 * 2**20  # an overview of 30 steps and the active goals is a few KiB
# The classes a first screen is made of: the only ones the window will unpickle from the pipe.
ALLOWED = {
    "peercoach_desktop.vault.partnership_summary": {"FirstScreen", "PartnershipSummary"},
    "peercoach_desktop.domain.overview": {"Overview", "GoalProgress"},
    "peercoach_desktop.domain.accountability": {"FollowThrough"},
    "peercoach_desktop.domain.model": {"Peer", "NextStep", "Goal", "GoalStatus", "StepStatus", "Visibility"},
}


class ReadAhead:
    """The window's end: send the data dir, then read the answer without blocking."""

    def __init__(self, pid: int, folder_out: int, screen_in: int, *, insisted: bool = False) -> None:
        self.pid = pid
        self.insisted = insisted  # asked for by ENV=1: worth waiting for, however long it takes
        self._folder_out: int | None = folder_out
        self.fileno = screen_in  # readable when the child has written or ended
        self._chunks: list[bytes] = []
        self._size = 0
        self.done = False

    def send_folder(self, folder: str) -> None:
        """Which data dir to read (known once the preferences are read); the child starts."""
        if self._folder_out is not None:
            with contextlib.suppress(OSError):  # the child is gone: the answer is simply empty
                os.write(self._folder_out, folder.encode("utf-8"))
            os.close(self._folder_out)
            self._folder_out = None

    def read_available(self) -> bool:
        """Take what the pipe holds now; True once the child has ended (or sent too much)."""
        while not self.done:
            try:
                chunk = os.read(self.fileno, 65536)
            except BlockingIOError:
                return False
            except OSError:
                chunk = b""
            if not chunk or self._size + len(chunk) > LIMIT:
                if chunk:
                    self._chunks.clear()  # not a first screen: open the notebooks here instead
                self._finish()
                return True
            self._chunks.append(chunk)
            self._size += len(chunk)
        return True

    def result(self) -> FirstScreen | None:
        """The first screen, or None: the window opens the notebooks itself."""
        if not self.done or not self._chunks:
            return None
        import io
        import pickle

        class Restricted(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> object:
                if name in ALLOWED.get(module, ()):
                    return super().find_class(module, name)
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a first screen")

        try:
            return Restricted(io.BytesIO(b"".join(self._chunks))).load()  # type: ignore[no-any-return]
        except Exception:
            return None
        finally:
            self._chunks.clear()

    def cancel(self) -> None:
        """Not needed (another window answered, or the app quits): stop the child, if running."""
        self.send_folder("")
        if not self.done:
            import signal

            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._chunks.clear()
            self._finish()

    def _finish(self) -> None:
        self.done = True
        os.close(self.fileno)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)  # it has closed its end: exiting, or killed just now


CHILD_FLAG = "--read-first-screen"  # argv[1] of the reader: app.main hands it to child_main
FOLDER_FD, SCREEN_FD = 3, 4  # the reader's ends of the two pipes


def start() -> ReadAhead | None:
    """Start the reader: this program again, spawned (not forked: a forked child shares this
    process's pages, and every page the window then writes before its first paint was copied,
    ~7 ms of its start). None where the read-ahead is turned off or no core is free."""
    wanted = os.environ.get(ENV)
    if not sys.platform.startswith("linux") or wanted == "0":
        return None
    if wanted != "1" and not _a_core_is_free():
        return None  # it would only take CPU from the window's own start
    folder_in, folder_out = os.pipe()
    screen_in, screen_out = os.pipe()
    frozen = getattr(sys, "frozen", False)  # a packaged build: its own binary is the program
    argv = [sys.executable, *([] if frozen else ["-m", "peercoach_desktop.app"]), CHILD_FLAG]
    try:
        pid = os.posix_spawn(
            sys.executable,
            argv,
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, folder_in, FOLDER_FD),
                (os.POSIX_SPAWN_DUP2, screen_out, SCREEN_FD),
            ],
        )
    except OSError:
        pid = None
    os.close(folder_in)
    os.close(screen_out)
    if pid is None:
        os.close(folder_out)
        os.close(screen_in)
        return None
    os.set_blocking(screen_in, False)
    return ReadAhead(pid, folder_out, screen_in, insisted=wanted == "1")


def _a_core_is_free() -> bool:
    """Whether fewer tasks are running right now than this process may use cores (the count
    includes this process): a read-ahead pays only on a core nobody else is using."""
    try:
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            running = int(loadavg.read().split()[3].split("/")[0])
        return running < len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError):
        return False


def child_main() -> None:
    """The reader's process (app.main with CHILD_FLAG): never returns."""
    _child(FOLDER_FD, SCREEN_FD)


def _child(folder_in: int, screen_out: int) -> None:
    status = 1
    try:
        # Below the window's process: where no core is free, its first paint comes first (the
        # window opens the notebooks itself as well when this is late).
        os.nice(10)
        # Import the core while the window's process starts Qt, before the folder is known.
        import pickle
        from pathlib import Path

        from peercoach_desktop.vault.workspace import read_first_screen

        folder = _read_all(folder_in).decode("utf-8")
        screen = read_first_screen(Path(folder)) if folder else None
        if screen is not None:
            data = pickle.dumps(screen, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(screen_out, view) :]
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)  # at once: nothing of this process needs tearing down


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 4096):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
