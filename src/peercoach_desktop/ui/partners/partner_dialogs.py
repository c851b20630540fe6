"""Dialogs for pairing and sync: a pairing passphrase, an import preview, conflicts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.model import Goal, NextStep, Note, Record, SessionTemplate
from peercoach_desktop.sync.conflict_choice import Conflict
from peercoach_desktop.sync.exchange import ImportReport
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, number, translate
from peercoach_desktop.ui.infra.widgets import local_time, named, short_date, status_label

MIN_PAIRING_CHARS = 8
RECORD_KINDS = {  # conflict.kind is the record's table (core.rows.TABLE_OF)
    "notes": QT_TRANSLATE_NOOP("PartnerDialogs", "Note"),
    "goals": QT_TRANSLATE_NOOP("PartnerDialogs", "Goal"),
    "steps": QT_TRANSLATE_NOOP("PartnerDialogs", "Next step"),
    "sessions": QT_TRANSLATE_NOOP("PartnerDialogs", "Session"),
    "partnership": QT_TRANSLATE_NOOP("PartnerDialogs", "Partnership"),
    "peers": QT_TRANSLATE_NOOP("PartnerDialogs", "Person"),
    "feedback": QT_TRANSLATE_NOOP("PartnerDialogs", "Feedback"),
    "user_prompts": QT_TRANSLATE_NOOP("PartnerDialogs", "Own prompt"),
    "user_templates": QT_TRANSLATE_NOOP("PartnerDialogs", "Own protocol"),
}


def kind_label(kind: str) -> str:
    text = RECORD_KINDS.get(kind)
    return translate("PartnerDialogs", text) if text else kind[:-1].replace("_", " ").capitalize()


class PairingPassphraseDialog(QDialog):
    """The passphrase that protects an invitation; asked twice when inviting."""

    def __init__(
        self,
        title: str,
        explanation: str,
        *,
        confirm: bool,
        parent: QWidget | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.passphrase = named(
            QLineEdit(), "pairing_passphrase", translate("PartnerDialogs", "Pairing passphrase")
        )
        self.repeat = named(
            QLineEdit(),
            "pairing_passphrase_repeat",
            translate("PartnerDialogs", "Repeat the pairing passphrase"),
        )
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._update)
        self.hint = named(QLabel(""), "pairing_hint", translate("PartnerDialogs", "Passphrase hint"))
        form = QFormLayout()
        form.addRow(translate("PartnerDialogs", "&Pairing passphrase"), self.passphrase)
        if confirm:
            form.addRow(translate("PartnerDialogs", "&Repeat it"), self.repeat)
        else:
            self.repeat.hide()
        self._confirm = confirm
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        # Why it is asked again (the last passphrase did not open the file), in words.
        self.problem = named(QLabel(problem), "pairing_problem", translate("PartnerDialogs", "Problem"))
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        text = self.passphrase.text()
        hint = ""
        if len(text.strip()) < MIN_PAIRING_CHARS:
            hint = translate("PartnerDialogs", "At least {n} characters.").format(n=MIN_PAIRING_CHARS)
        elif self._confirm and text != self.repeat.text():
            hint = translate("PartnerDialogs", "The two passphrases differ.")
        self.hint.setText(hint)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not hint)


def counts_text(report: ImportReport) -> str:
    c = report.counts
    parts = [
        translate("PartnerDialogs", "{n} added").format(n=number(c.added)),
        translate("PartnerDialogs", "{n} updated").format(n=number(c.updated)),
        translate("PartnerDialogs", "{n} deleted").format(n=number(c.deleted)),
        translate("PartnerDialogs", "{n} in conflict").format(n=number(c.conflicted)),
    ]
    if c.kept_private:
        parts.append(translate("PartnerDialogs", "{n} kept private here").format(n=number(c.kept_private)))
    return ", ".join(parts)


class ImportPreviewDialog(QDialog):
    """What an import will change, before anything is written."""

    def __init__(self, sender: str, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PartnerDialogs", "Import from your partner"))
        self.setMinimumWidth(480)
        changes = (
            report.counts.added + report.counts.updated + report.counts.deleted + report.counts.conflicted
        )
        when = escape(local_time(report.written_at))
        summary = (
            "<p>"
            + translate("PartnerDialogs", "File written by <b>{sender}</b> on {when}.").format(
                sender=escape(sender), when=when
            )
            + "</p>"
        )
        if changes:
            changed = translate("PartnerDialogs", "Importing it will change this notebook: {counts}.")
            summary += "<p>" + changed.format(counts=escape(counts_text(report))) + "</p>"
            if report.counts.conflicted:
                both = translate(
                    "PartnerDialogs",
                    "Both of you edited some records: both versions are kept, for you to choose.",
                )
                summary += f"<p>{both}</p>"
        else:
            summary += (
                "<p>"
                + translate(
                    "PartnerDialogs", "Nothing new: this notebook already has everything in the file."
                )
                + "</p>"
            )
        self.summary = named(
            QLabel(summary), "import_preview", translate("PartnerDialogs", "What the import changes")
        )
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply = self.buttons.addButton(
            translate("PartnerDialogs", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply.setEnabled(bool(changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)


def record_text(record: Record) -> str:
    if record.deleted:
        return translate("PartnerDialogs", "(deleted on one laptop)")
    if isinstance(record, Note):
        return record.body
    if isinstance(record, Goal):
        return f"{record.title}\n{record.why}".strip()
    if isinstance(record, NextStep):
        return translate("PartnerDialogs", "{text} ({status}, due {date})").format(
            text=record.text, status=status_label(record.status.value), date=short_date(record.due_date)
        )
    if isinstance(record, SessionTemplate):  # the phases tell two versions apart, not the name
        phases = "\n".join(f"{p.get('name', '?')}: {p.get('minutes', '?')}" for p in record.phases)
        return f"{record.name}\n{phases}"
    return str(getattr(record, "title", "") or getattr(record, "name", "") or record.id)


class ConflictsDialog(QDialog):
    """Records both partners changed: see both versions, keep one or both."""

    resolve_requested = Signal(str, str)  # record id, "current" | "other" | "both"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PartnerDialogs", "Conflicts to resolve"))
        self.resize(760, 480)
        self.list = named(QListWidget(), "conflicts_list", translate("PartnerDialogs", "Conflicts"))
        self.current = named(
            QTextBrowser(), "conflict_current", translate("PartnerDialogs", "The version in place")
        )
        self.other = named(QTextBrowser(), "conflict_other", translate("PartnerDialogs", "The other version"))
        versions = QHBoxLayout()
        # Who wrote each version and when ("Ana, Tue 10:14"), set per conflict in _show.
        self.current_label = named(QLabel(), "conflict_current_by", translate("PartnerDialogs", "Written by"))
        self.other_label = named(QLabel(), "conflict_other_by", translate("PartnerDialogs", "Written by"))
        for label, view in ((self.current_label, self.current), (self.other_label, self.other)):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a name the user typed
            box = QVBoxLayout()
            box.addWidget(label)
            box.addWidget(view)
            versions.addLayout(box)
        buttons = QHBoxLayout()
        for text, keep in (
            (translate("PartnerDialogs", "Keep the one in &place"), "current"),
            (translate("PartnerDialogs", "Keep the &other"), "other"),
            (translate("PartnerDialogs", "Keep &both"), "both"),
        ):
            button = named(QPushButton(text), f"keep_{keep}", text.replace("&", ""))
            button.clicked.connect(lambda _c=False, k=keep: self._resolve(k))
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(versions, 2)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self._conflicts: list[Conflict] = []

    def show_conflicts(self, conflicts: list[Conflict], partner_synced: bool = True) -> None:
        self._conflicts = conflicts
        self.list.clear()
        for conflict in conflicts:
            first = record_text(conflict.current).splitlines()[0] if record_text(conflict.current) else ""
            self.list.addItem(QListWidgetItem(f"{kind_label(conflict.kind)}: {first[:80]}"))
        if not conflicts:
            # Agreement is only known once the partner's changes have come in.
            empty = (
                translate("PartnerDialogs", "No conflicts: both laptops agree.")
                if partner_synced
                else translate(
                    "PartnerDialogs",
                    "No conflicts so far: nothing from your partner has been imported yet, "
                    "so there is nothing to compare.",
                )
            )
            self.list.addItem(QListWidgetItem(empty))
            self.current.clear()
            self.other.clear()
        else:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._conflicts):
            conflict = self._conflicts[row]
            self.current.setPlainText(record_text(conflict.current))
            self.other.setPlainText(record_text(conflict.other))
            for label, by, record in (
                (self.current_label, conflict.current_by, conflict.current),
                (self.other_label, conflict.other_by, conflict.other),
            ):
                label.setText(f"{by}, {local_time(record.updated_at)}")

    def _resolve(self, keep: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._conflicts):
            self.resolve_requested.emit(self._conflicts[row].record_id, keep)
