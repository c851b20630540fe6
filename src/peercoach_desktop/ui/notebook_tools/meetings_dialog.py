"""Plan meetings: the first one, how often (weekly, every N weeks, monthly on the same
weekday, or once), how long, in which zone; skip or move one meeting; export the calendar.

The dialog only shows and asks; coaching/schedule.py decides (a past time, an hour the clocks
skip, an unknown zone are refused there, in one sentence) and runs on the notebook worker.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from peercoach_desktop.coaching import calendar_file, schedule
from peercoach_desktop.domain.meeting_plan import (
    DEFAULT_MINUTES,
    MAX_EVERY_WEEKS,
    MAX_MINUTES,
    MIN_MINUTES,
    MeetingPlan,
    Repeat,
    local_text,
)
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.local_zone import local_zone_name
from peercoach_desktop.ui.infra.dialogs import show_error, tell
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.notebook.meeting_words import meeting_in_words

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost

SHOWN = 8  # coming meetings listed
LOCAL_EDIT_FORMAT = "yyyy-MM-dd HH:mm"


class MeetingsDialog(QDialog):
    def __init__(self, window: NotebookHost) -> None:
        super().__init__(window)
        self.setObjectName("meetings_dialog")
        self.setWindowTitle(translate("MeetingsDialog", "Plan meetings"))
        self.resize(620, 560)
        self.window_ = window
        self.zone = named(QComboBox(), "meetings_zone", translate("MeetingsDialog", "Time zone"))
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.first = named(QDateTimeEdit(), "meetings_first", translate("MeetingsDialog", "Next meeting"))
        self.first.setDisplayFormat(LOCAL_EDIT_FORMAT)
        self.first.setCalendarPopup(True)
        self.repeat = named(QComboBox(), "meetings_repeat", translate("MeetingsDialog", "Repeat"))
        for text, value in (
            (translate("MeetingsDialog", "Every week or every few weeks"), Repeat.WEEKLY),
            (translate("MeetingsDialog", "Monthly, on the same weekday"), Repeat.MONTHLY),
            (translate("MeetingsDialog", "Once"), Repeat.NONE),
        ):
            self.repeat.addItem(text, value)
        self.every = named(QSpinBox(), "meetings_every", translate("MeetingsDialog", "Every how many weeks"))
        self.every.setRange(1, MAX_EVERY_WEEKS)
        self.every.setSuffix(translate("MeetingsDialog", " week(s)"))
        self.repeat.currentIndexChanged.connect(
            lambda: self.every.setEnabled(self.repeat.currentData() == Repeat.WEEKLY)
        )
        self.minutes = named(QSpinBox(), "meetings_minutes", translate("MeetingsDialog", "Duration"))
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(translate("MeetingsDialog", " min"))
        self.minutes.setValue(DEFAULT_MINUTES)
        self.save = named(QPushButton(translate("MeetingsDialog", "&Save plan")), "meetings_save")
        self.save.clicked.connect(self.save_plan)

        self.coming = named(QListWidget(), "meetings_coming", translate("MeetingsDialog", "Coming meetings"))
        self.coming.currentItemChanged.connect(self._selected)
        self.skip = named(QPushButton(translate("MeetingsDialog", "S&kip this one")), "meetings_skip")
        self.move_to = named(QDateTimeEdit(), "meetings_move_to", translate("MeetingsDialog", "Move it to"))
        self.move_to.setDisplayFormat(LOCAL_EDIT_FORMAT)
        self.move_to.setCalendarPopup(True)
        self.move = named(QPushButton(translate("MeetingsDialog", "&Move it")), "meetings_move")
        self.skip.clicked.connect(self.skip_selected)
        self.move.clicked.connect(self.move_selected)
        self.export = named(QPushButton(translate("MeetingsDialog", "&Export calendar…")), "meetings_export")
        self.export.clicked.connect(self.export_calendar)

        form = QFormLayout()
        form.addRow(translate("MeetingsDialog", "Next meeting:"), self.first)
        every = QHBoxLayout()
        every.addWidget(self.repeat, 1)
        every.addWidget(self.every)
        form.addRow(translate("MeetingsDialog", "Repeat:"), every)
        form.addRow(translate("MeetingsDialog", "Duration:"), self.minutes)
        form.addRow(translate("MeetingsDialog", "Time zone:"), self.zone)
        note = QLabel(
            translate(
                "MeetingsDialog",
                "Meetings stay at this time in this zone when the clocks change; "
                "your partner sees them in their own time.",
            )
        )
        note.setWordWrap(True)
        one = QHBoxLayout()
        for widget in (self.skip, QLabel(translate("MeetingsDialog", "or")), self.move_to, self.move):
            one.addWidget(widget)
        one.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export)
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(translate("MeetingsDialog", "Coming meetings (your time):")))
        layout.addWidget(self.coming, 1)
        layout.addLayout(one)
        layout.addLayout(bottom)
        self.plan: MeetingPlan | None = None
        self._selected()
        self.reload()

    # ----- reading --------------------------------------------------------------------------

    def _run(self, job: object, done: object) -> None:
        workspace, pid = self.window_.workspace, self.window_.access.partnership_id or ""
        self.window_.tasks.run(
            lambda: job(workspace.store(pid)),  # type: ignore[operator]
            done,  # type: ignore[arg-type]
            lambda error: show_error(self, error),
        )

    def _now(self) -> datetime:
        return self.window_.workspace.library.clock.now()

    def reload(self) -> None:
        now = self._now()

        def job(store: NotebookStore) -> tuple[MeetingPlan | None, list[schedule.Meeting]]:
            return schedule.plan_of(store), schedule.upcoming(store, now, SHOWN)

        self._run(job, self._show)

    def _show(self, result: tuple[MeetingPlan | None, list[schedule.Meeting]]) -> None:
        plan, meetings = result
        self.plan = plan
        zone = plan.zone if plan else local_zone_name()
        self.zone.setCurrentText(zone)
        if plan is not None:
            # The series' next meeting, not its first (which may be long past): saving it
            # unchanged keeps the series, its skipped and moved meetings (coaching/schedule.py).
            nxt = next((m.original for m in meetings if m.original is not None), plan.first)
            self.first.setDateTime(_qt(nxt))
            self.repeat.setCurrentIndex(self.repeat.findData(plan.repeat))
            self.every.setValue(plan.every)
            self.minutes.setValue(plan.minutes)
        else:
            soon = self._now().astimezone().replace(minute=0, second=0, microsecond=0, tzinfo=None)
            self.first.setDateTime(_qt(soon).addDays(7))
        self.coming.clear()
        now = self._now()
        for meeting in meetings:
            text = meeting_in_words(meeting.at.isoformat(), now)
            if not meeting.in_series:
                text += translate("MeetingsDialog", " (one-off)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, meeting.original and local_text(meeting.original))
            self.coming.addItem(item)
        if not meetings:
            self.coming.addItem(translate("MeetingsDialog", "No meetings planned."))

    def _selected(self) -> None:
        item = self.coming.currentItem()
        original = item.data(Qt.ItemDataRole.UserRole) if item else None
        for widget in (self.skip, self.move, self.move_to):
            widget.setEnabled(bool(original))
        if original:
            self.move_to.setDateTime(QDateTime.fromString(original, "yyyy-MM-ddTHH:mm"))

    # ----- changing -------------------------------------------------------------------------

    def save_plan(self) -> None:
        repeat = self.repeat.currentData()
        every, minutes = self.every.value(), self.minutes.value()
        first, zone = self.first.dateTime().toString("yyyy-MM-ddTHH:mm"), self.zone.currentText().strip()
        clock = self.window_.workspace.library.clock

        def job(store: NotebookStore) -> MeetingPlan:
            return schedule.plan_meetings(
                store, clock, repeat, every_weeks=every, next_at=first, zone_name=zone, minutes=minutes
            )

        self._run(job, self._changed)

    def skip_selected(self) -> None:
        original = self._original()
        if original:
            self._run(lambda store: schedule.skip(store, original), self._changed)

    def move_selected(self) -> None:
        original, clock = self._original(), self.window_.workspace.library.clock
        new = self.move_to.dateTime().toString("yyyy-MM-ddTHH:mm")
        if original:
            self._run(lambda store: schedule.move(store, clock, original, new), self._changed)

    def _original(self) -> str | None:
        item = self.coming.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _changed(self, _plan: object) -> None:
        self.window_.access.changed.emit()  # the overview and the sidebar show the next meeting
        self.window_.notebook.meeting_planned.emit()
        self.reload()

    def export_calendar(self) -> None:
        out = choose_path(
            self,
            translate("MeetingsDialog", "Export the calendar"),
            translate("MeetingsDialog", "Calendar files (*.ics)"),
            save=True,
            suggested="peer-coaching.ics",
        )
        if not out:
            return
        clock, alarm = (
            self.window_.workspace.library.clock,
            self.window_.preferences.get("calendar_alarm_minutes"),
        )

        def job(store: NotebookStore) -> int:
            return calendar_file.write_ics(store, clock, Path(out), alarm_minutes=alarm or None)

        self._run(
            job,
            lambda _n: tell(
                self,
                translate(
                    "MeetingsDialog", "Calendar saved to {path}. It holds no names and no notes."
                ).format(path=out),
                "saved_message",
            ),
        )


def _qt(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def plan_meetings(window: NotebookHost) -> None:
    dialog = MeetingsDialog(window)
    window.dialogs.keep("meetings_dialog", dialog)
    dialog.open()
