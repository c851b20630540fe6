"""Goals: a list (active first) and a form that saves itself, with the goal's linked
next steps and notes below it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.model import Goal, GoalStatus, StepStatus, Visibility
from peercoach_desktop.domain.overview import Overview
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.browse import GoalDetail, Page
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, number, percent, translate
from peercoach_desktop.ui.infra.widgets import OptionalDate, OwnerBox, named, status_label
from peercoach_desktop.ui.notebook.notes_view import AUTOSAVE_MS, private_mark
from peercoach_desktop.ui.notebook.paged_model import Column, PagedModel

NEW_GOAL_TEXT = QT_TRANSLATE_NOOP("GoalsView", "New goal")  # a new goal's title


class GoalsView(QWidget):
    goal_changed = Signal()

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.names: dict[str, str] = {}
        self._me: str | None = None
        self.model: PagedModel[Goal] = PagedModel(
            access,
            lambda store, _cursor: Page(browse.goals(store), None),
            [Column(translate("GoalsView", "Goal"), self._label)],
            key=lambda g: g.id,
        )
        self.list = named(QListView(), "goals_list", translate("GoalsView", "Goals"))
        self.list.setModel(self.model)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        new = named(
            QPushButton(translate("GoalsView", "New &goal")), "new_goal", translate("GoalsView", "New goal")
        )
        new.clicked.connect(self.new_goal)

        self.title = named(QLineEdit(), "goal_title", translate("GoalsView", "Goal title"))
        self.owner = named(OwnerBox(), "goal_owner", translate("GoalsView", "Whose goal"))
        self.status = named(QComboBox(), "goal_status", translate("GoalsView", "Goal status"))
        for status in GoalStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.target = OptionalDate(translate("GoalsView", "Target date"), "goal_target_date")
        self.progress = named(QSpinBox(), "goal_progress", translate("GoalsView", "Progress in percent"))
        self.progress.setRange(0, 100)
        self.progress.setSingleStep(10)
        self.progress.setSuffix(translate("GoalsView", " %"))
        self.why = named(QPlainTextEdit(), "goal_why", translate("GoalsView", "Why it matters"))
        self.success = named(
            QPlainTextEdit(), "goal_success", translate("GoalsView", "What success looks like")
        )
        for box in (self.why, self.success):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
        self.linked = named(
            QTextBrowser(), "goal_links", translate("GoalsView", "Linked next steps and notes")
        )
        form = QFormLayout()
        form.addRow(translate("GoalsView", "&Title"), self.title)
        form.addRow(translate("GoalsView", "&Owner"), self.owner)
        form.addRow(translate("GoalsView", "&Status"), self.status)
        form.addRow("", self.target)
        form.addRow(translate("GoalsView", "&Progress"), self.progress)
        form.addRow(translate("GoalsView", "&Why it matters"), self.why)
        form.addRow(translate("GoalsView", "S&uccess looks like"), self.success)
        self.form = QWidget()
        self.form.setLayout(form)

        left = QVBoxLayout()
        left.addWidget(new)
        left.addWidget(self.list)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.linked, 1)
        right_box = QWidget()
        right_box.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setSizes([260, 600])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._goal: Goal | None = None
        self._loading = False
        self._select_when_loaded: str | None = None
        self._focus_when_shown: str | None = None  # a new goal: its title takes the typing
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        for signal in (
            self.title.textEdited,
            self.owner.currentIndexChanged,
            self.status.currentIndexChanged,
            self.target.changed,
            self.progress.valueChanged,
            self.why.textChanged,
            self.success.textChanged,
        ):
            signal.connect(self._edited)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.model.loaded.connect(self._page_loaded)
        self._show(None)

    def _label(self, goal: Goal) -> str:
        owner = self.names.get(goal.owner_id, "?")
        state = "" if goal.status == GoalStatus.ACTIVE else f", {status_label(goal.status.value)}"
        return f"{goal.title} — {owner}, {percent(goal.progress / 100)}{state}"

    # ----- loading and selecting -----------------------------------------------------------

    def reload(self, people: Overview, select: str | None = None) -> None:
        self.flush()
        self.names = {people.me.id: people.me.name, people.partner.id: people.partner.name}
        self._me = people.me.id
        self.owner.set_names(people.me.name, people.partner.name)
        self._select_when_loaded = select or (self._goal.id if self._goal else None)
        self._show(None)
        self.model.reload()

    def _page_loaded(self) -> None:
        if self._select_when_loaded:
            self.select(self._select_when_loaded)

    def select(self, goal_id: str) -> None:
        row = self.model.row_of(goal_id)
        if row is None:
            self._select_when_loaded = goal_id  # the list is still loading
            return
        self._select_when_loaded = None
        self.list.setCurrentIndex(self.model.index(row, 0))

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.flush()
        indexes = selected.indexes()
        self._show(self.model.item(indexes[0].row()) if indexes else None)

    def editing_id(self) -> str | None:
        """The id of the record in the editor, if any."""
        return self._goal.id if self._goal is not None else None

    def let_go(self) -> None:
        """The record in the editor is about to be deleted: empty the editor without saving."""
        self._show(None)

    def _show(self, goal: Goal | None) -> None:
        self._goal = goal
        self._loading = True
        self.title.setText(goal.title if goal else "")
        self.owner.set_owner("partner" if goal and goal.owner_id != self._me else "me")
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status.value if goal else "active")))
        self.target.set_value(goal.target_date if goal else None)
        self.progress.setValue(goal.progress if goal else 0)
        self.why.setPlainText(goal.why if goal else "")
        self.success.setPlainText(goal.success_criteria if goal else "")
        self._loading = False
        self.form.setEnabled(goal is not None)
        if goal is not None and goal.id == self._focus_when_shown:
            self._focus_when_shown = None
            self.title.setFocus()
            self.title.selectAll()
        self.linked.clear()
        self.refresh_links()

    def refresh_links(self) -> None:
        if self._goal is not None:
            goal_id = self._goal.id
            self.access.run(lambda store: browse.goal_detail(store, goal_id), self._show_links)

    def _show_links(self, detail: GoalDetail) -> None:
        if self._goal is None or detail.goal.id != self._goal.id:
            return
        heading = translate("GoalsView", "Next steps ({n})").format(n=number(len(detail.steps)))
        parts = [f"<h3>{heading}</h3><ul>"]
        for step in detail.steps:
            mark = ""
            if step.status in (StepStatus.DONE, StepStatus.DROPPED):
                mark = translate("GoalsView", "{status}: ").format(status=status_label(step.status.value))
            parts.append(f"<li>{mark}{escape(step.text)} — {escape(self.names.get(step.owner_id, '?'))}</li>")
        notes = translate("GoalsView", "Notes ({n})").format(n=number(len(detail.notes)))
        parts.append(f"</ul><h3>{notes}</h3><ul>")
        for note in detail.notes:
            lock = private_mark() if note.visibility == Visibility.PRIVATE else ""
            parts.append(f"<li>{escape(lock + first_line(note.body, 80))}</li>")
        parts.append("</ul>")
        self.linked.setHtml("".join(parts))

    # ----- writing -------------------------------------------------------------------------

    def new_goal(self) -> None:
        """Save and let go of the goal on screen at once: until the new goal is shown the
        form takes no typing, so nothing meant for the new goal overwrites the old one."""
        self.flush()
        self.list.setFocus()  # not a field the disabled form would hand the focus on to
        self.list.clearSelection()
        self._show(None)
        title = translate("GoalsView", NEW_GOAL_TEXT)
        self.access.write(lambda store: store.add_goal("me", title), self._created)

    def _created(self, goal: Goal) -> None:
        self._select_when_loaded = goal.id
        self._focus_when_shown = goal.id
        self.model.reload()

    def _edited(self) -> None:
        if not self._loading and self._goal is not None:
            self._timer.start()

    def _fields(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "owner": self.owner.owner(),
            "status": self.status.currentData(),
            "target_date": self.target.value(),
            "progress": self.progress.value(),
            "why": self.why.toPlainText(),
            "success_criteria": self.success.toPlainText(),
        }

    def flush(self) -> None:
        """Save the form now (before switching goal, locking or closing)."""
        self._timer.stop()
        if self._goal is None:
            return
        goal_id, fields = self._goal.id, self._fields()
        if not self.title.text().strip():
            del fields["title"]  # a goal needs a title: the last saved one stays; the rest is saved
        self.access.run(lambda store: store.update_goal(goal_id, **fields), self._saved)

    def _saved(self, goal: Goal) -> None:
        self.model.replace(goal)
        if self._goal is not None and self._goal.id == goal.id:
            self._goal = goal
        self.goal_changed.emit()

    def clear(self) -> None:
        self._timer.stop()
        self._select_when_loaded = None
        self.names = {}
        self.model.clear()
        self._show(None)
        self.owner.clear()  # it lists the peers' names
