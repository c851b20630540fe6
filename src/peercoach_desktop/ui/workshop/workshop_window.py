"""A workshop's own window: the roster (typed, imported from a CSV or pasted from a
spreadsheet), who is present today, the pairs by table, swaps, and the way into the room view.

Every notebook call is a job on the worker (ui/infra/tasks); each returns a fresh `Snapshot`
the window renders. The store is opened, used and closed on the worker only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.workshop import agenda, roster, rounds
from peercoach_desktop.domain.workshop import Participant, Round
from peercoach_desktop.storage.workshop_store import WorkshopStore
from peercoach_desktop.ui.infra.dialogs import show_error
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import language, plural, translate
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.workshop.report_panel import ReportPanel
from peercoach_desktop.ui.workshop.room_view import RoomView
from peercoach_desktop.vault.workshops import WorkshopDescriptor, WorkshopLibrary

PRESENT, NAME, UNIT = range(3)


@dataclass(frozen=True)
class Snapshot:
    title: str
    participants: list[Participant]
    tables: list[rounds.Table]
    current: Round | None
    last: Round | None  # the current round, else the last one held (for the report-out)


class WorkshopWindow(QDialog):
    def __init__(
        self, tasks: Tasks, workshops: WorkshopLibrary, descriptor: WorkshopDescriptor, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workshop_window")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(translate("WorkshopWindow", "Workshop"))
        self.resize(1100, 720)
        self.tasks, self.workshops, self.descriptor = tasks, workshops, descriptor
        self.clock = workshops.clock
        self._store: WorkshopStore | None = None  # worker only
        self.snapshot: Snapshot | None = None
        self.room: RoomView | None = None
        self.phases = agenda.load(language())
        self._rendering = False

        self.heading = named(QLabel(), "workshop_title", translate("WorkshopWindow", "Workshop title"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)

        # ----- roster -----
        self.roster = named(QTableWidget(0, 3), "roster_table", translate("WorkshopWindow", "Roster"))
        self.roster.setHorizontalHeaderLabels(
            [
                translate("WorkshopWindow", "Present"),
                translate("WorkshopWindow", "Name"),
                translate("WorkshopWindow", "Unit"),
            ]
        )
        self.roster.horizontalHeader().setStretchLastSection(True)
        self.roster.verticalHeader().hide()
        self.roster.itemChanged.connect(self._roster_edited)
        self.new_name = named(
            QLineEdit(), "new_participant_name", translate("WorkshopWindow", "New participant's name")
        )
        self.new_name.setPlaceholderText(translate("WorkshopWindow", "Name"))
        self.new_unit = named(
            QLineEdit(), "new_participant_unit", translate("WorkshopWindow", "New participant's unit")
        )
        self.new_unit.setPlaceholderText(translate("WorkshopWindow", "Unit (team, department)"))
        self.add_button = named(QPushButton(translate("WorkshopWindow", "&Add")), "add_participant")
        self.add_button.clicked.connect(self.add_participant)
        self.new_unit.returnPressed.connect(self.add_participant)
        self.import_button = named(QPushButton(translate("WorkshopWindow", "&Import CSV…")), "import_roster")
        self.import_button.clicked.connect(self.import_file)
        self.paste_button = named(
            QPushButton(translate("WorkshopWindow", "&Paste from a spreadsheet")), "paste_roster"
        )
        self.paste_button.clicked.connect(self.paste)
        self.all_present = named(QPushButton(translate("WorkshopWindow", "Everyone is &here")), "all_present")
        self.all_present.clicked.connect(
            lambda: self._run(lambda s: s.set_present([p.id for p in s.participants()], True))
        )
        self.count = named(QLabel(), "present_count", translate("WorkshopWindow", "Present today"))

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 2)
        add_row.addWidget(self.new_unit, 2)
        add_row.addWidget(self.add_button)
        import_row = QHBoxLayout()
        for widget in (self.import_button, self.paste_button, self.all_present):
            import_row.addWidget(widget)
        import_row.addStretch(1)
        roster_box = QGroupBox(translate("WorkshopWindow", "Roster"))
        roster_layout = QVBoxLayout(roster_box)
        roster_layout.addLayout(import_row)
        roster_layout.addWidget(self.roster, 1)
        roster_layout.addLayout(add_row)
        roster_layout.addWidget(self.count)

        # ----- pairs -----
        self.pair_button = named(QPushButton(translate("WorkshopWindow", "P&air who is here")), "pair")
        self.pair_button.clicked.connect(lambda: self._run(lambda s: rounds.pair(s)))
        self.fit_button = named(
            QPushButton(translate("WorkshopWindow", "&Fit in late arrivals and no-shows")), "fit_arrivals"
        )
        self.fit_button.clicked.connect(lambda: self._run(rounds.fit_arrivals))
        self.pairs = named(QListWidget(), "pairs_list", translate("WorkshopWindow", "Pairs by table"))
        self.pairs.setWordWrap(True)
        self.swap_a = named(QComboBox(), "swap_first", translate("WorkshopWindow", "Swap this participant"))
        self.swap_b = named(QComboBox(), "swap_second", translate("WorkshopWindow", "with this participant"))
        self.swap_button = named(QPushButton(translate("WorkshopWindow", "S&wap")), "swap")
        self.swap_button.clicked.connect(self.swap)
        swap_row = QHBoxLayout()
        swap_row.addWidget(self.swap_a, 1)
        swap_row.addWidget(QLabel("⇄"))
        swap_row.addWidget(self.swap_b, 1)
        swap_row.addWidget(self.swap_button)

        self.minutes: dict[str, QSpinBox] = {}
        agenda_form = QFormLayout()
        for phase in self.phases:
            spin = named(
                QSpinBox(),
                f"minutes_{phase.key}",
                translate("WorkshopWindow", "Minutes: {phase}").format(phase=phase.name),
            )
            spin.setRange(1, 60)
            spin.setValue(phase.minutes)
            spin.setSuffix(translate("WorkshopWindow", " min"))
            agenda_form.addRow(phase.name, spin)
            self.minutes[phase.key] = spin
        self.room_button = named(QPushButton(translate("WorkshopWindow", "Open the room &view")), "open_room")
        self.room_button.clicked.connect(self.open_room)
        self.finish_button = named(
            QPushButton(translate("WorkshopWindow", "Fi&nish this workshop")), "finish_round"
        )
        self.finish_button.clicked.connect(lambda: self._run(rounds.finish))

        pair_row = QHBoxLayout()
        pair_row.addWidget(self.pair_button)
        pair_row.addWidget(self.fit_button)
        pair_row.addStretch(1)
        pairs_box = QGroupBox(translate("WorkshopWindow", "Pairs"))
        pairs_layout = QVBoxLayout(pairs_box)
        pairs_layout.addLayout(pair_row)
        pairs_layout.addWidget(self.pairs, 1)
        pairs_layout.addLayout(swap_row)
        agenda_page = QWidget()
        agenda_page.setLayout(agenda_form)
        self.report = ReportPanel(self._run, lambda: agenda.with_minutes(self.phases, self.phase_minutes()))
        self.end_tabs = named(
            QTabWidget(), "workshop_tabs", translate("WorkshopWindow", "Agenda and report-out")
        )
        self.end_tabs.addTab(agenda_page, translate("WorkshopWindow", "Agenda"))
        self.end_tabs.addTab(self.report, translate("WorkshopWindow", "Report-out"))
        right = QVBoxLayout()
        right.addWidget(pairs_box, 3)
        right.addWidget(self.end_tabs, 2)
        end_row = QHBoxLayout()
        end_row.addWidget(self.room_button)
        end_row.addWidget(self.finish_button)
        right.addLayout(end_row)

        body = QHBoxLayout()
        body.addWidget(roster_box, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self._run(lambda _store: None)

    # ----- the worker side -------------------------------------------------------------------

    def _store_on_worker(self) -> WorkshopStore:
        if self._store is None:
            self._store = self.workshops.open(self.descriptor)
        return self._store

    def _run(
        self, change: Callable[[WorkshopStore], object], after: Callable[[object], None] | None = None
    ) -> None:
        """Run a change on the worker, render the workshop as it now is, then hand `after` what
        the change returned."""

        def job() -> tuple[object, Snapshot]:
            store = self._store_on_worker()
            result = change(store)
            held = store.current_round()
            snapshot = Snapshot(
                store.title(),
                store.participants(),
                rounds.tables(store, held),
                held,
                rounds.last_round(store),
            )
            return result, snapshot

        def done(answer: tuple[object, Snapshot]) -> None:
            result, snapshot = answer
            self.render(snapshot)
            if after is not None:
                after(result)

        self.tasks.run(job, done, lambda error: show_error(self, error))

    def done(self, result: int) -> None:
        if self.room is not None:
            self.room.done(result)
        self.tasks.run(self._close_on_worker)
        super().done(result)

    def _close_on_worker(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # ----- actions ---------------------------------------------------------------------------

    def add_participant(self) -> None:
        name, unit = self.new_name.text(), self.new_unit.text()
        self._run(lambda s: s.add_participants([(name, unit)], present=True), self._clear_new)

    def _clear_new(self, _added: object = None) -> None:
        self.new_name.clear()
        self.new_unit.clear()
        self.new_name.setFocus()

    def _add_entries(self, read: Callable[[], list[roster.RosterEntry]]) -> None:
        def change(store: WorkshopStore) -> None:
            entries = read()  # nothing is added unless the whole roster reads
            store.add_participants([(e.name, e.unit) for e in entries], lines=[e.line for e in entries])

        self._run(change)

    def import_file(self) -> None:
        path = choose_path(
            self,
            translate("WorkshopWindow", "Import a roster"),
            translate("WorkshopWindow", "Roster (*.csv *.txt *.tsv);;All files (*)"),
            save=False,
        )
        if path:
            self._add_entries(lambda: roster.read_file(Path(path)))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        self._add_entries(lambda: roster.parse_text(text))

    def swap(self) -> None:
        a, b = self.swap_a.currentData(), self.swap_b.currentData()
        if a and b and a != b:
            self._run(lambda s: rounds.swap_people(s, a, b))

    def _roster_edited(self, item: QTableWidgetItem) -> None:
        if self._rendering or self.snapshot is None:
            return
        person = self.snapshot.participants[item.row()]
        if item.column() == PRESENT:
            present = item.checkState() == Qt.CheckState.Checked
            self._run(lambda s: s.set_present([person.id], present))
        else:
            name = self.roster.item(item.row(), NAME).text()
            unit = self.roster.item(item.row(), UNIT).text()
            self._run(lambda s: s.update_participant(person.id, name, unit))

    def phase_minutes(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.minutes.items()}

    def open_room(self) -> None:
        if self.room is not None:
            self.room.done(0)  # saves its clock first: the worker runs jobs in order
        self._run(lambda _store: None, lambda _result: self._show_room())

    def _show_room(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        minutes = self.phase_minutes()
        phases = agenda.with_minutes(self.phases, minutes)

        def keep(state: dict[str, object]) -> None:
            self._run(lambda s: _save_timer(s, minutes, state))

        saved = snapshot.current.timer_state if snapshot.current else None
        self.room = RoomView(snapshot.title, phases, snapshot.tables, self.clock, self, keep, saved)
        self.room.resize(1280, 800)
        self.room.show()

    # ----- rendering -------------------------------------------------------------------------

    def render(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.setWindowTitle(translate("WorkshopWindow", "Workshop: {title}").format(title=snapshot.title))
        self.heading.setText(snapshot.title)
        self._rendering = True
        try:
            self.roster.setRowCount(len(snapshot.participants))
            for row, person in enumerate(snapshot.participants):
                present = QTableWidgetItem()
                present.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                present.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
                self.roster.setItem(row, PRESENT, present)
                self.roster.setItem(row, NAME, QTableWidgetItem(person.name))
                self.roster.setItem(row, UNIT, QTableWidgetItem(person.unit))
            self.roster.resizeColumnToContents(PRESENT)
            self.roster.resizeColumnToContents(NAME)
        finally:
            self._rendering = False
        here = sum(p.present for p in snapshot.participants)
        self.count.setText(
            translate("WorkshopWindow", "{here} of {total} present today.").format(
                here=here, total=len(snapshot.participants)
            )
        )
        self.pairs.clear()
        trio = agenda.trio_turn_minutes(agenda.with_minutes(self.phases, self.phase_minutes()))
        for table in snapshot.tables:
            people = " · ".join(
                translate("WorkshopWindow", "{name} ({unit})").format(name=p.name, unit=p.unit)
                for p in table.people
            )
            line = translate("WorkshopWindow", "Table {number}: {people}").format(
                number=table.number, people=people
            )
            if len(table.people) == 3:
                line += "  " + translate("WorkshopWindow", "(three turns of {minutes} min)").format(
                    minutes=trio
                )
            self.pairs.addItem(line)
        seated = [p for t in snapshot.tables for p in t.people]
        for box in (self.swap_a, self.swap_b):
            box.clear()
            for person in seated:
                box.addItem(person.name, person.id)
        self.report.show_round(snapshot.last)
        self.report.setEnabled(snapshot.last is not None)
        paired = bool(snapshot.tables)
        self.pair_button.setText(
            translate("WorkshopWindow", "&Reshuffle")
            if paired
            else translate("WorkshopWindow", "P&air who is here")
        )
        for widget in (self.fit_button, self.swap_button, self.room_button, self.finish_button):
            widget.setEnabled(paired)
        self.pairs.setAccessibleDescription(
            plural(
                len(snapshot.tables),
                translate("WorkshopWindow", "{n} table"),
                translate("WorkshopWindow", "{n} tables"),
            )
        )


def _save_timer(store: WorkshopStore, minutes: dict[str, int], state: dict[str, object]) -> None:
    held = store.current_round()
    if held is not None:
        store.save_round(dataclasses.replace(held, phase_minutes=minutes, timer_state=dict(state)))
