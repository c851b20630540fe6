"""Reminders while the app runs: before a meeting and on the morning a next step is due.

Offline: a tray notification where the desktop has a tray, else a line in the window's status
bar. The texts carry times and counts only ("A meeting starts in 10 minutes."), never a name,
a goal or a note: the desktop may keep notifications in a history on disk, and the window may be
locked. The agenda (times only) is read from the open notebooks on the worker and kept, so
reminders still come while the notebooks are closed behind the lock screen.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from peercoach_desktop import APP_NAME
from peercoach_desktop.coaching import reminders
from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.ui.infra.i18n import plural, translate

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost

CHECK_MS = 30_000  # a reminder is at most half a minute late
REFRESH_EVERY = 10  # checks between re-reading the agenda (also re-read after every change)


class ReminderController(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window_ = window
        self.agenda = reminders.Agenda()
        self.reminded = reminders.Reminded()
        self.checks = 0
        self.shown: list[str] = []  # what was shown this run (tests read it; texts hold no secret)
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        window.access.changed.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def _clock_now(self):  # type: ignore[no-untyped-def]
        workspace = self.window_.access.workspace
        return workspace.library.clock.now() if workspace else None

    def refresh(self) -> None:
        """Re-read the agenda of every open notebook (not while locked: they are closed)."""
        workspace = self.window_.access.workspace
        if workspace is None or self.window_.locked:
            return
        now = workspace.library.clock.now()

        def job() -> reminders.Agenda:
            found = []
            for descriptor in workspace.library.descriptors():
                try:
                    store = workspace.store(descriptor.partnership_id)
                except PeerCoachError:
                    continue  # locked with a passphrase, or failed to open: nothing to remind of
                found.append(reminders.agenda_of(store, now))
            return reminders.combined(found)

        self.window_.tasks.run(job, self._read, lambda _error: None)  # a failed read keeps the last agenda

    def _read(self, agenda: reminders.Agenda) -> None:
        self.agenda = agenda
        self.check()

    def tick(self) -> None:
        self.checks += 1
        if self.checks % REFRESH_EVERY == 0:
            self.refresh()
        self.check()

    def check(self) -> None:
        now = self._clock_now()
        if now is None or not self.window_.preferences.get("reminders"):
            return
        before = timedelta(minutes=self.window_.preferences.get("reminder_minutes"))
        for reminder in reminders.due_now(self.agenda, now, before, self.reminded):
            self.show(text_of(reminder))

    def show(self, text: str) -> None:
        self.shown.append(text)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                self.tray.setToolTip(APP_NAME)
                self.tray.show()
            self.tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information)
        else:
            self.window_.statusBar().showMessage(text)


def text_of(reminder: reminders.Reminder) -> str:
    if reminder.kind == "meeting":
        return plural(
            reminder.count,
            translate("Reminders", "A meeting starts in {n} minute."),
            translate("Reminders", "A meeting starts in {n} minutes."),
        )
    return plural(
        reminder.count,
        translate("Reminders", "{n} of your next steps is due today or overdue."),
        translate("Reminders", "{n} of your next steps are due today or overdue."),
    )
