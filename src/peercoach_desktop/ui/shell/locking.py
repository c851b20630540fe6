"""Locking the window: by hand, after idle time, on screen lock; and what a lock hides.

A mixin of MainWindow. Locking hides everything first and only then queues the saves and
the closing of the notebooks on the worker, so a busy worker never keeps words on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from peercoach_desktop import APP_NAME
from peercoach_desktop.ui.infra.i18n import translate

if TYPE_CHECKING:
    from peercoach_desktop.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

_USER_INPUT = frozenset((QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel))


class LockingMixin(_Base):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT and not self.locked:
            self.idle_timer.start()  # restart the idle countdown on every user input
        return False

    def lock(self) -> None:
        """Hide everything first, then save and close on the worker: a busy worker (a keyring
        prompt, a large import) must never keep a notebook on screen."""
        if self.locked:
            return
        self.locked = True
        self.idle_timer.stop()
        if self._built:
            # Queues the saves of what is typed. The runner waits for its own; if the worker is busy
            # its saves stay queued, ahead of the close below.
            with contextlib.suppress(TimeoutError):
                self.notebook.flush()
        self.access.select(None)
        self.undo_stack.clear()
        if self._built:
            self.notebook.clear()
        self._close_dialogs()
        self._clear_clipboard()
        self.partnerships.blockSignals(True)
        self.partnerships.clear()
        self.partnerships.blockSignals(False)
        self.setWindowTitle(translate("Locking", "{app} — locked").format(app=APP_NAME))
        self.pages.setCurrentWidget(self.lock_page)
        self.sidebar.setEnabled(False)
        self.sidebar.hide()
        access = self.access
        # Queued after the saves, and after a workspace still being opened, which it closes too.
        self.tasks.run(lambda: access.workspace.close_all() if access.workspace else None)

    def when_unlocked(self, show: Callable[[], None], instead: str) -> None:
        """Show a job's result, or, if the window locked meanwhile, only say (after unlock) what
        finished: a recovery code or a notebook never appears over the lock screen."""
        if self.locked:
            self._pending_notices.append(instead)
        else:
            show()

    def _idle_timeout(self) -> None:
        runner = self.notebook.session.view if self._built and "session" in self.notebook._views else None
        if runner is not None and runner.timer is not None and runner.timer.running:
            self.idle_timer.start()  # peers talking during a turn are not idle
            return
        from PySide6.QtWidgets import QDialog

        if any(getattr(d, "keeps_awake", False) for d in self.findChildren(QDialog)):
            self.idle_timer.start()  # a workshop room talking in pairs is not idle either
            return
        self.lock()

    def panic_lock(self) -> None:
        """Lock at once and take the window off the screen."""
        self.lock()
        self.showMinimized()

    def _clipboard_changed(self) -> None:
        # Copied while this app had the focus: text from a note, not from another program.
        self._copied_here = QApplication.activeWindow() is not None

    def _clear_clipboard(self) -> None:
        if not self.preferences.get("clear_clipboard_on_lock"):
            return
        clipboard = QApplication.clipboard()
        if clipboard.ownsClipboard() or self._copied_here:  # never what another program put there
            clipboard.clear()
        self._copied_here = False

    def unlock(self) -> None:
        self.locked = False
        self.sidebar.setEnabled(True)
        self.sidebar.show()
        self.load()
        notices, self._pending_notices = self._pending_notices, []
        self._show_notices(notices)

    def _close_dialogs(self) -> None:
        """Dialogs hold names, passphrases, even a recovery code: none outlives a lock."""
        from PySide6.QtWidgets import QDialog

        for dialog in self.findChildren(QDialog):
            dialog.done(QDialog.DialogCode.Rejected.value)  # done(): even the recovery code dialog
            dialog.setParent(None)
            dialog.deleteLater()
