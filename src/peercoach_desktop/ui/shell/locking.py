"""Locking the window: by hand, after idle time, on screen lock; and what a lock hides.

WindowLock is a controller the main window owns; it needs only what LockHost lists. Locking hides
everything first, before anything else happens, and only then queues the saves and the closing of
the notebooks on the worker, without waiting for them: a busy worker (a keyring prompt, a large
import) must never keep a notebook on screen. The worker runs jobs in order, so the saves still
land before the notebooks close.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from peercoach_desktop import APP_NAME
from peercoach_desktop.ui.infra.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

    from peercoach_desktop.ui.infra.access import NotebookAccess
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.infra.tasks import Tasks
    from peercoach_desktop.ui.notebook.notebook_view import NotebookView

_USER_INPUT = frozenset((QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel))


class LockHost(Protocol):
    access: NotebookAccess
    tasks: Tasks
    preferences: Preferences
    undo_stack: list[tuple[str, object]]
    notebook: NotebookView
    sync_folders: Any  # ui.partners.sync_folder.SyncFolders, once the window has started

    @property
    def built(self) -> bool: ...  # the notebook tabs exist

    @property
    def partnerships(self) -> QListWidget: ...

    @property
    def pages(self) -> QStackedWidget: ...

    @property
    def lock_page(self) -> QWidget: ...

    @property
    def sidebar(self) -> QWidget: ...

    def setWindowTitle(self, title: str) -> None: ...

    def showMinimized(self) -> None: ...

    def repaint(self) -> None: ...

    def findChildren(self, kind: Any) -> list[Any]: ...

    def load(self) -> None: ...

    def show_notices(self, notices: list[str]) -> None: ...


class WindowLock(QObject):
    """The window's lock state, the idle countdown and the clipboard it may clear."""

    def __init__(self, window: LockHost, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self.locked = False
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self._idle_timeout)
        self._pending_notices: list[str] = []
        self._copied_here = False

    def watch_input(self) -> None:
        """Restart the idle countdown on user input from now on. The window calls this once its
        first notebook is on screen (an app-wide filter sees every event, and PySide sets up the
        type of each event class it first hands to Python: tens of ms while the tabs are built);
        the countdown restarts here too, so input before this moment counts as input."""
        QApplication.instance().installEventFilter(self)
        if self.idle_timer.isActive() and not self.locked:
            self.idle_timer.start()

    def stop_watching(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def watch_clipboard(self) -> None:
        QApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT and not self.locked:
            self.idle_timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        window = self._window
        self.locked = True
        self.idle_timer.stop()
        # 1. Hide, and paint the lock page now: nothing below may keep words on screen.
        window.setWindowTitle(translate("Locking", "{app} — locked").format(app=APP_NAME))
        window.pages.setCurrentWidget(window.lock_page)
        window.sidebar.setEnabled(False)
        window.sidebar.hide()
        window.repaint()
        # 2. Queue the saves of what is typed (never waiting on the worker), then forget it all.
        if window.built:
            window.notebook.flush(wait=False)
        window.access.select(None)
        window.undo_stack.clear()
        if window.built:
            window.notebook.clear()
        self._close_dialogs()
        self._clear_clipboard()
        window.partnerships.blockSignals(True)
        window.partnerships.clear()
        window.partnerships.blockSignals(False)
        access = window.access
        if window.sync_folders is not None:  # after the saves: the last edits reach the sync folder
            window.sync_folders.run_round(closing=True)
        # 3. Queued after the saves, and after a workspace still being opened, which it closes too.
        window.tasks.run(lambda: access.workspace.close_all() if access.workspace else None)

    def panic_lock(self) -> None:
        """Lock at once and take the window off the screen."""
        self.lock()
        self._window.showMinimized()

    def unlock(self) -> None:
        window = self._window
        self.locked = False
        window.sidebar.setEnabled(True)
        window.sidebar.show()
        window.load()
        notices, self._pending_notices = self._pending_notices, []
        window.show_notices(notices)

    def when_unlocked(self, show: Callable[[], None], instead: str) -> None:
        """Show a job's result, or, if the window locked meanwhile, only say (after unlock) what
        finished: a recovery code or a notebook never appears over the lock screen."""
        if self.locked:
            self._pending_notices.append(instead)
        else:
            show()

    def _idle_timeout(self) -> None:
        window = self._window
        runner = (
            window.notebook.session.view if window.built and window.notebook.has_view("session") else None
        )
        if runner is not None and runner.timer is not None and runner.timer.running:
            self.idle_timer.start()  # peers talking during a turn are not idle
            return
        if any(getattr(d, "keeps_awake", False) for d in window.findChildren(QDialog)):
            self.idle_timer.start()  # a workshop room talking in pairs is not idle either
            return
        self.lock()

    def _clipboard_changed(self) -> None:
        # Copied while this app had the focus: text from a note, not from another program.
        self._copied_here = QApplication.activeWindow() is not None

    def _clear_clipboard(self) -> None:
        if not self._window.preferences.get("clear_clipboard_on_lock"):
            return
        clipboard = QApplication.clipboard()
        if clipboard.ownsClipboard() or self._copied_here:  # never what another program put there
            clipboard.clear()
        self._copied_here = False

    def _close_dialogs(self) -> None:
        """Dialogs hold names, passphrases, even a recovery code: none outlives a lock."""
        for dialog in self._window.findChildren(QDialog):
            dialog.done(QDialog.DialogCode.Rejected.value)  # done(): even the recovery code dialog
            dialog.setParent(None)
            dialog.deleteLater()
