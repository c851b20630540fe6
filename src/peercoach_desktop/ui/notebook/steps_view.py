"""Next steps as a checklist: tick to mark done, drop or reopen, add with owner, due
date and goal. Overdue open steps say so in words, not only in colour."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.model import NextStep, StepStatus
from peercoach_desktop.domain.overview import Overview
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.browse import Cursor, Page
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import (
    OptionalDate,
    OwnerBox,
    is_overdue,
    named,
    short_date,
    status_label,
)
from peercoach_desktop.ui.notebook.paged_model import Column, PagedModel


def due_text(step: NextStep) -> str:
    if step.due_date is None:
        return "—"
    late = step.status == StepStatus.OPEN and is_overdue(step.due_date)
    due = short_date(step.due_date)
    return translate("StepsView", "{date} (overdue)").format(date=due) if late else due


class StepsView(QWidget):
    step_changed = Signal()
    undoable = Signal(str, object)  # what was done, the job (store -> ...) that undoes it

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.names: dict[str, str] = {}
        self._pid: str | None = None
        self._drafts: dict[str, str] = {}  # partnership id -> a next step typed, not yet added
        self.show_all = named(
            QCheckBox(translate("StepsView", "Show &done and dropped")), "show_closed_steps"
        )
        columns: list[Column[NextStep]] = [
            Column(
                translate("StepsView", "Next step"),
                lambda s: s.text,
                checked=lambda s: s.status == StepStatus.DONE,
            ),
            Column(translate("StepsView", "Owner"), lambda s: self.names.get(s.owner_id, "?")),
            Column(translate("StepsView", "Due"), due_text),
            Column(translate("StepsView", "Status"), lambda s: status_label(s.status.value)),
        ]
        self.model: PagedModel[NextStep] = PagedModel(access, self._fetch, columns, key=lambda s: s.id)
        self.model.check_requested.connect(
            lambda step, done: self.set_status(step, "done" if done else "open")
        )
        self.table = named(QTableView(), "steps_table", translate("StepsView", "Next steps"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 170), (3, 90)):
            header.resizeSection(column, width)
        self._include_closed = False  # read by the worker: a plain value, never the widget
        self.show_all.toggled.connect(self._toggle_closed)

        buttons = QHBoxLayout()
        for text, name, status in (
            (translate("StepsView", "Mark d&one"), "step_done", "done"),
            (translate("StepsView", "D&rop"), "step_drop", "dropped"),
            (translate("StepsView", "Re&open"), "step_reopen", "open"),
        ):
            button = named(QPushButton(text), name, text.replace("&", ""))
            button.clicked.connect(lambda _c=False, s=status: self._set_selected(s))
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.show_all)

        self.text = named(QLineEdit(), "new_step_text", translate("StepsView", "New next step"))
        self.text.setPlaceholderText(
            translate("StepsView", "A concrete next step, e.g. Ask Kim to draft the budget")
        )
        self.text.returnPressed.connect(self.add_step)
        self.owner = named(OwnerBox(), "new_step_owner", translate("StepsView", "Owner of the new step"))
        self.due = OptionalDate(translate("StepsView", "Due"), "new_step_due")
        self.goal = named(QComboBox(), "new_step_goal", translate("StepsView", "Goal of the new step"))
        add = named(
            QPushButton(translate("StepsView", "&Add step")),
            "add_step",
            translate("StepsView", "Add next step"),
        )
        add.clicked.connect(self.add_step)
        adder = QHBoxLayout()
        adder.addWidget(self.text, 3)
        adder.addWidget(self.owner, 1)
        adder.addWidget(self.due, 1)
        adder.addWidget(self.goal, 1)
        adder.addWidget(add)

        layout = QVBoxLayout(self)
        layout.addLayout(adder)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self.table, activated=lambda: self._set_selected("done"))

    def _toggle_closed(self, checked: bool) -> None:
        self._include_closed = checked
        self.model.reload()

    def _fetch(self, store: NotebookStore, _cursor: Cursor | None) -> Page[NextStep]:
        steps = browse.all_steps(store) if self._include_closed else browse.open_steps(store)
        return Page(steps, None)

    def reload(self, people: Overview) -> None:
        self.set_people(people)
        self._pid = self.access.partnership_id
        if self._pid in self._drafts and not self.text.text():
            self.text.setText(self._drafts.pop(self._pid))  # typed before a lock or a switch
        self.model.reload()

    def set_people(self, people: Overview) -> None:
        """Owner names and the active goals a new step can belong to."""
        self.names = {people.me.id: people.me.name, people.partner.id: people.partner.name}
        self.owner.set_names(people.me.name, people.partner.name)
        chosen = self.goal.currentData()
        self.goal.clear()
        self.goal.addItem(translate("StepsView", "No goal"), None)
        for progress in people.goals:  # active goals
            self.goal.addItem(progress.goal.title, progress.goal.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(chosen)))

    def select(self, step_id: str) -> None:
        row = self.model.row_of(step_id)
        if row is None and not self.show_all.isChecked():
            self.model.loaded.connect(lambda: self.select(step_id), Qt.ConnectionType.SingleShotConnection)
            self.show_all.setChecked(True)  # a done or dropped step is listed only then
            return
        if row is not None:
            self.table.selectRow(row)
            self.table.setFocus()

    def add_step(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        owner, due, goal = self.owner.owner() or "me", self.due.value(), self.goal.currentData()

        def job(store: NotebookStore) -> NextStep:
            return store.add_step(owner, text, due_date=due, goal=goal)

        self.access.write(job, lambda _step: self._added())

    def _added(self) -> None:
        self.text.clear()
        self.model.reload()
        self.step_changed.emit()

    def _set_selected(self, status: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.set_status(self.model.item(rows[0].row()), status)

    def set_status(self, step: NextStep, status: str) -> None:
        step_id, before = step.id, step.status
        self.access.write(
            lambda store: store.set_step_status(step_id, StepStatus(status)), self._status_saved
        )
        if before.value != status:
            self.undoable.emit(
                f"mark '{step.text[:40]}' {status}", lambda store: store.set_step_status(step_id, before)
            )

    def _status_saved(self, step: NextStep) -> None:
        self.model.replace(step)
        self.step_changed.emit()

    def selected(self) -> NextStep | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def clear(self) -> None:
        self.names = {}
        self.model.clear()
        if self.text.text().strip() and self._pid is not None:
            self._drafts[self._pid] = self.text.text()  # kept in memory only, back after unlock
        self.text.clear()
        self.owner.clear()  # names and goal titles: hidden while locked
        self.goal.clear()
