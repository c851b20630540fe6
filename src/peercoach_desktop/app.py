"""Start the desktop app: build QApplication, paint the window, then wire it to the core.

What runs before the first paint is kept small on purpose (no argparse, no pathlib, no
notebook core): bench/bench_window.py holds it to 1.2x a bare PySide6 window. Before Qt loads,
a child process is started to read the first screen meanwhile (vault/first_screen.py).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from peercoach_desktop import APP_ID, APP_NAME, APP_RDNS, __version__

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtWidgets import QApplication, QWidget

    from peercoach_desktop.vault.library import Library

USAGE = """usage: peercoach-desktop [--data-dir DIR] [Qt options]

Opens PeerCoach Desktop. --data-dir (or PEERCOACH_DATA_DIR) chooses the folder of notebooks."""


def parse_args(argv: list[str]) -> tuple[str | None, bool, list[str]]:
    """(--data-dir value, --check-startup, arguments left for Qt). Exits for --help and --version.

    --check-startup (not in the usage: for the packaged-app self-check) starts for real,
    loads and paints, prints one line and quits."""
    data, check, rest = None, False, []
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        if arg == "--version":
            print(f"peercoach-desktop {__version__}")
            raise SystemExit(0)
        if arg == "--data-dir":
            data = next(args, None)
            if not data:
                print("peercoach-desktop: --data-dir needs a folder", file=sys.stderr)
                raise SystemExit(2)
        elif arg.startswith("--data-dir="):
            data = arg.split("=", 1)[1]
        elif arg == "--check-startup":
            check = True
        else:
            rest.append(arg)
    return data, check, rest


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv) if argv is not None else sys.argv[1:]
    from peercoach_desktop.vault import first_screen

    if args[:1] == [first_screen.CHILD_FLAG]:
        first_screen.child_main()  # this process is the window's read-ahead: never returns
    data_arg, check_startup, qt_args = parse_args(args)
    read_ahead = first_screen.start()  # first: it reads the first screen while Qt starts here
    from PySide6.QtWidgets import QApplication

    from peercoach_desktop.system.paths import data_dir_text
    from peercoach_desktop.ui.infra import i18n
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.infra.theme import fusion_arguments
    from peercoach_desktop.ui.shell.main_window import MainWindow
    from peercoach_desktop.ui.shell.single_instance import start_or_wake

    app = QApplication(fusion_arguments([sys.argv[0], *qt_args]))
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_RDNS)  # Wayland matches the window to the installed .desktop file
    preferences = Preferences()
    # Before any window: our translations and Qt's (a mapped .qm each) and the locale's formats.
    i18n.install(preferences.get("language"))
    folder = data_dir_text(data_arg, preferences.get("data_dir"))
    running, claimed = start_or_wake(folder)  # from now on a second launch finds this one
    if running:
        if read_ahead is not None:
            read_ahead.cancel()
        return 0  # the running window for this data dir comes forward instead
    if read_ahead is not None:
        read_ahead.send_folder(folder)
    window = MainWindow(lambda: open_library(folder), preferences)
    install_excepthook(folder, window)

    def after_paint() -> None:  # QtNetwork and the SVG icon load once the notebooks show
        from PySide6.QtGui import QIcon

        from peercoach_desktop.system.resources import resource_path
        from peercoach_desktop.ui.shell.single_instance import InstanceServer

        app.setWindowIcon(QIcon(str(resource_path("icons", f"{APP_RDNS}.svg"))))
        window.instance_server = InstanceServer(folder, window, claimed=claimed)
        window.instance_server.wake_requested.connect(window.bring_forward)
        if sys.platform.startswith("linux") or sys.platform == "win32" or sys.platform == "darwin":
            from peercoach_desktop.ui.shell.screen_lock import ScreenLockWatcher

            window.screen_lock = ScreenLockWatcher(parent=window)  # screensaver, sleep, suspend
            window.screen_lock.lock_now.connect(window.lock)

    window.started.connect(after_paint)
    if check_startup:
        from peercoach_desktop.ui.shell.startup_check import quit_when_started

        quit_when_started(app, window)
    if os.environ.get("PEERCOACH_EXIT_AFTER"):
        from peercoach_desktop.ui.shell import startup_probe

        startup_probe.install(app, window, os.environ["PEERCOACH_EXIT_AFTER"])
    window.show()
    window.load_after_first_paint(read_ahead)  # keys are fetched after the first paint
    code = app.exec()
    if read_ahead is not None:
        read_ahead.cancel()  # quit before it answered (a start-up check, a probe)
    return leave(app, window, code)


def install_excepthook(folder: str, window: QWidget) -> None:
    """An unexpected error in the window: one sentence on screen, the stack frames (no message,
    which may quote a note) in the local errors.log, never a traceback on a terminal."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        from pathlib import Path

        from peercoach_desktop.system.crash_log import record
        from peercoach_desktop.ui.infra.dialogs import show_error

        with contextlib.suppress(OSError):  # a full disk must not turn one error into two
            record(Path(folder), error.with_traceback(tb))
        show_error(window, error)

    sys.excepthook = hook


def leave(app: QApplication, window: QWidget, code: int) -> int:
    """End the process once the window has closed its notebooks (closeEvent) and stopped the
    worker, without Python's interpreter teardown: that destroys the remaining Qt objects
    in an arbitrary order, and glibc aborted there ("double free or corruption") in up to 9
    of 10 runs after a notebook had been open. Nothing is left to save at this point."""
    while window.isVisible() and not window.close():
        code = app.exec()  # still saving (the window said so): run on until it can close
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def open_library(folder: str) -> Library:
    """Runs on the worker after the window has painted: SQLCipher and keyring load there."""
    from pathlib import Path

    from peercoach_desktop.vault.keystore import OsKeyStore
    from peercoach_desktop.vault.library import Library

    return Library(Path(folder), OsKeyStore())


if __name__ == "__main__":
    raise SystemExit(main())
