"""Protocols: the bundled session templates, and the user's own copies to edit.

Bundled protocols are read-only; "Copy" makes one the user owns, kept in the notebook
(so it syncs to the partner). Phases are edited one at a time in a small form under
the list, so everything works from the keyboard and a screen reader reads one field at
a time. Saving runs on the worker and is validated by core.templates; a refused save
shows the one-sentence reason and keeps every edit in the form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from peercoach_desktop.coaching import catalog, templates
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.dialogs import error_text
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.session.protocol_form import (
    DEFAULT_PROMPTS,
    PhaseForm,
    edit_problem,
    outline,
    phase_line,
)
from peercoach_desktop.ui.session.session_widgets import ask_yes_no


class ProtocolsDialog(QDialog):
    """Emits `saved` after a protocol was copied, changed or deleted (the chooser reloads)."""

    saved = Signal()

    def __init__(self, access: NotebookAccess, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProtocolsDialog", "Session protocols"))
        self.language = language
        named(self, "protocols_dialog", translate("ProtocolsDialog", "Session protocols"))
        self.access = access
        self.templates: list[templates.Template] = []
        self.current: templates.Template | None = None
        self.phases: list[dict[str, Any]] = []  # the editable copy of the selected own protocol
        self.dirty = False

        self.list = named(QListWidget(), "protocol_list", translate("ProtocolsDialog", "Protocols"))
        self.list.currentRowChanged.connect(self._selected)
        self.copy = named(
            QPushButton(translate("ProtocolsDialog", "&Copy")),
            "copy_protocol",
            translate("ProtocolsDialog", "Copy the protocol to edit it"),
        )
        self.delete = named(
            QPushButton(translate("ProtocolsDialog", "&Delete")),
            "delete_protocol",
            translate("ProtocolsDialog", "Delete your protocol"),
        )
        self.copy.clicked.connect(self._copy)
        self.delete.clicked.connect(self._delete)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy)
        row.addWidget(self.delete)
        left.addLayout(row)

        self.hint = named(QLabel(), "protocol_hint", translate("ProtocolsDialog", "About this protocol"))
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.name = named(QLineEdit(), "protocol_name", translate("ProtocolsDialog", "Protocol name"))
        self.description = named(
            QLineEdit(), "protocol_description", translate("ProtocolsDialog", "Protocol description")
        )
        self.phase_list = named(QListWidget(), "phase_list", translate("ProtocolsDialog", "Phases"))
        self.phase_list.currentRowChanged.connect(self._phase_selected)
        self.form = PhaseForm()
        self.form.edited.connect(self._phase_edited)
        self.name.textEdited.connect(self._touched)
        self.description.textEdited.connect(self._touched)
        moves = QHBoxLayout()
        self.add = named(
            QPushButton(translate("ProtocolsDialog", "&Add phase")),
            "add_phase",
            translate("ProtocolsDialog", "Add a phase after the selected one"),
        )
        self.remove = named(
            QPushButton(translate("ProtocolsDialog", "&Remove phase")),
            "remove_phase",
            translate("ProtocolsDialog", "Remove the selected phase"),
        )
        self.up = named(
            QPushButton(translate("ProtocolsDialog", "Move &up")),
            "phase_up",
            translate("ProtocolsDialog", "Move the selected phase earlier"),
        )
        self.down = named(
            QPushButton(translate("ProtocolsDialog", "Move do&wn")),
            "phase_down",
            translate("ProtocolsDialog", "Move the selected phase later"),
        )
        for button, slot in (
            (self.add, self._add_phase),
            (self.remove, self._remove_phase),
            (self.up, lambda: self._move(-1)),
            (self.down, lambda: self._move(1)),
        ):
            button.clicked.connect(slot)
            moves.addWidget(button)
        self.save = named(
            QPushButton(translate("ProtocolsDialog", "&Save")),
            "save_protocol",
            translate("ProtocolsDialog", "Save the protocol"),
        )
        self.save.clicked.connect(self._save)
        self.status = named(QLabel(), "protocol_status", translate("ProtocolsDialog", "Protocol status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QWidget()
        fields = QFormLayout(self.editor)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow(translate("ProtocolsDialog", "Na&me"), self.name)
        fields.addRow(translate("ProtocolsDialog", "Descri&ption"), self.description)
        fields.addRow(translate("ProtocolsDialog", "P&hases"), self.phase_list)
        fields.addRow(moves)
        fields.addRow(self.form)
        fields.addRow(self.save)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.editor, 1)
        right.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(820, 560)
        self.reload()

    # ----- loading ---------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        language = self.language
        self.access.run(
            lambda store: catalog.available(store, language), lambda found: self._loaded(found, select)
        )

    def _loaded(self, found: tuple[list[templates.Template], list[str]], select: str | None) -> None:
        if not isValid(self):
            return  # closed and deleted (a lock) while the worker read
        self.templates, problems = found
        self.list.blockSignals(True)
        self.list.clear()
        for template in self.templates:
            mark = (
                translate("ProtocolsDialog", "{name} (yours)")
                if template.own
                else translate("ProtocolsDialog", "{name} (built in)")
            )
            self.list.addItem(mark.format(name=template.name))
        self.list.blockSignals(False)
        ids = [t.id for t in self.templates]
        self.list.setCurrentRow(ids.index(select) if select in ids else 0)
        if problems:
            self.status.setText(
                translate("ProtocolsDialog", "Not usable: {problems}").format(problems=" ".join(problems))
            )

    def _selected(self, row: int) -> None:
        if self.dirty and self.current is not None and self.current.own:
            # Leaving a protocol with edits: they are saved, then the list comes back on the new row.
            chosen = self.templates[row].id if 0 <= row < len(self.templates) else None
            self.list.blockSignals(True)  # stay on the edited one until it is saved (or refused)
            self.list.setCurrentRow([t.id for t in self.templates].index(self.current.id))
            self.list.blockSignals(False)
            self._save(then=lambda: self.reload(chosen))
            return
        self.current = self.templates[row] if 0 <= row < len(self.templates) else None
        self.phases = [p.to_dict() for p in self.current.phases] if self.current else []
        self.dirty = False
        own = bool(self.current and self.current.own)
        self.editor.setEnabled(own)
        self.delete.setEnabled(own)
        if self.current is not None:
            self.hint.setText(
                outline(self.current)
                if own
                else outline(self.current)
                + "\n"
                + translate("ProtocolsDialog", "Built-in protocols stay as they are: copy one to change it.")
            )
            self.name.setText(self.current.name)
            self.description.setText(self.current.description)
        self._fill_phases(0)

    def _fill_phases(self, row: int) -> None:
        self.phase_list.blockSignals(True)
        self.phase_list.clear()
        self.phase_list.addItems([phase_line(p) for p in self.phases])
        self.phase_list.blockSignals(False)
        self.phase_list.setCurrentRow(min(row, len(self.phases) - 1))
        self._phase_selected(self.phase_list.currentRow())

    # ----- editing the phases ----------------------------------------------------------------

    def _phase_selected(self, row: int) -> None:
        self.form.show_phase(self.phases[row] if 0 <= row < len(self.phases) else None)
        self.remove.setEnabled(len(self.phases) > 1)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < len(self.phases) - 1)

    def _touched(self) -> None:
        self.dirty = True

    def _phase_edited(self) -> None:
        row = self.phase_list.currentRow()
        if 0 <= row < len(self.phases):
            self.form.read_into(self.phases[row])
            self.phase_list.item(row).setText(phase_line(self.phases[row]))
            self.dirty = True

    def _add_phase(self) -> None:
        row = self.phase_list.currentRow() + 1
        names = {p["name"] for p in self.phases}
        pattern = translate("ProtocolsDialog", "Phase {n}")
        name = next(
            pattern.format(n=n) for n in range(len(names) + 1, 99) if pattern.format(n=n) not in names
        )
        phase = {
            "name": name,
            "kind": "talk",
            "speaker": "a",
            "minutes": 5,
            "prompts": DEFAULT_PROMPTS["talk"],
        }
        self.phases.insert(row, phase)
        self.dirty = True
        self._fill_phases(row)
        self.form.name.setFocus()
        self.form.name.selectAll()

    def _remove_phase(self) -> None:
        row = self.phase_list.currentRow()
        if len(self.phases) > 1 and 0 <= row < len(self.phases):
            del self.phases[row]
            self.dirty = True
            self._fill_phases(row)

    def _move(self, step: int) -> None:
        row = self.phase_list.currentRow()
        to = row + step
        if 0 <= row < len(self.phases) and 0 <= to < len(self.phases):
            self.phases[row], self.phases[to] = self.phases[to], self.phases[row]
            self.dirty = True
            self._fill_phases(to)

    # ----- saving ----------------------------------------------------------------------------

    def _copy(self) -> None:
        if self.dirty:
            self._save(then=self._copy)  # the copy takes the edits along
            return
        template = self.current
        if template is not None:
            copy_name = translate("ProtocolsDialog", "{name} (copy)").format(name=template.name)
            self._write(
                lambda store: templates.copy_template(store, template, copy_name),
                translate("ProtocolsDialog", "Copied: you can edit the copy."),
            )

    def _delete(self) -> None:
        template = self.current
        question = translate(
            "ProtocolsDialog",
            "Delete the protocol “{name}”? It is deleted on your partner's laptop too after the next sync.",
        )
        if (
            template is not None
            and template.own
            and ask_yes_no(
                self, translate("ProtocolsDialog", "Delete protocol"), question.format(name=template.name)
            )
        ):
            template_id = template.id
            self._write(
                lambda store: templates.delete_template(store, template_id),
                translate("ProtocolsDialog", "Deleted."),
            )

    def _save(self, then: Any = None) -> None:
        template = self.current
        if template is None or not template.own:
            return
        tid, name, text = template.id, self.name.text(), self.description.text()
        phases = [dict(p) for p in self.phases]
        problem = edit_problem(name, phases)
        if problem:
            self.status.setText(problem)  # the edits stay in the form
            return
        self._write(
            lambda store: templates.save_template(store, tid, name, text, phases),
            translate("ProtocolsDialog", "Saved."),
            then,
        )

    def _write(self, job: Any, done_text: str, then: Any = None) -> None:
        def done(result: Any) -> None:
            if not isValid(self):
                return
            self.dirty = False
            self.status.setText(done_text)
            self.saved.emit()
            if then is not None:
                then()
            else:
                self.reload(result.id if isinstance(result, templates.Template) else None)

        def failed(error: BaseException) -> None:
            if isValid(self):
                self.status.setText(error_text(error))  # one sentence naming the field; the edits stay

        store_of = self.access.workspace.store if self.access.workspace else None
        pid = self.access.partnership_id
        if store_of is None or pid is None:
            return
        self.access.tasks.run(lambda: job(store_of(pid)), done, failed)

    def flush(self) -> None:
        """Queue the save of edits not saved yet (a lock or a switch follows)."""
        if self.dirty and self.current is not None and self.current.own:
            self._save()
            self.dirty = False

    def reject(self) -> None:
        """Closing keeps the edits: they are saved first (a refused save keeps the dialog open)."""
        if self.dirty and self.current is not None and self.current.own:
            self._save(then=super().reject)
        else:
            super().reject()
