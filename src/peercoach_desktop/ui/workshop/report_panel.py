"""The end of the hour: the report-out (themes the room voices, a tally of the common ones, how
many want to continue) and the summary and pair cards, previewed before they are saved.

The panel writes through the workshop window's worker jobs; the words of the summary come from
here, translated, and the core (coaching/workshop/summary) fills them in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.workshop import rounds, summary
from peercoach_desktop.coaching.workshop.agenda import Phase
from peercoach_desktop.domain.workshop import Round
from peercoach_desktop.storage.workshop_store import WorkshopStore
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.ui.infra.dialogs import show_error
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named

Run = Callable[[Callable[[WorkshopStore], object], Callable[[object], None] | None], None]


def words() -> summary.WorkshopWords:
    return summary.WorkshopWords(
        title=translate("WorkshopSummary", "{title}: workshop summary"),
        date=translate("WorkshopSummary", "Date: {date}"),
        agenda=translate("WorkshopSummary", "Agenda"),
        phase=translate("WorkshopSummary", "{name}: planned {planned} min, took {actual} min"),
        phase_not_run=translate("WorkshopSummary", "{name}: planned {planned} min"),
        pairs=translate("WorkshopSummary", "Pairs"),
        table=translate("WorkshopSummary", "Table {number}: {names}"),
        report=translate("WorkshopSummary", "Report-out"),
        no_report=translate("WorkshopSummary", "No report-out was recorded."),
        continuing=translate("WorkshopSummary", "Want to continue as peer-coaching partners: {count}"),
        not_unique=translate("WorkshopSummary", "“My problem was not unique”: {count}"),
        efficiency=translate("WorkshopSummary", "“15 focused minutes got me far”: {count}"),
        almost_doing=translate("WorkshopSummary", "“We are already almost doing it”: {count}"),
        card_title=translate("WorkshopSummary", "Table {number}: {names}"),
        card_start=translate(
            "WorkshopSummary",
            "Start your own partnership in PeerCoach Desktop: one of you creates it (Notebook ▸ New "
            "partnership…) and invites the other (Partner ▸ Invite partner…); the other joins with the "
            "invitation file and its passphrase (Partner ▸ Join a partnership…).",
        ),
        card_step=translate(
            "WorkshopSummary",
            "Before you leave the room, agree on a first next step: when and where you meet next "
            "(within two weeks), and who creates the partnership.",
        ),
    )


class ReportPanel(QWidget):
    def __init__(self, run: Run, phases: Callable[[], list[Phase]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self._phases = run, phases
        self.themes = named(
            QPlainTextEdit(), "report_themes", translate("ReportPanel", "Themes the room voiced")
        )
        self.themes.setPlaceholderText(
            translate("ReportPanel", "What the room said in the report-out (no one's topic).")
        )
        labels = {
            "not_unique": translate("ReportPanel", "“My problem was not unique”"),
            "efficiency": translate("ReportPanel", "“15 focused minutes got me far”"),
            "almost_doing": translate("ReportPanel", "“We are already almost doing it”"),
        }
        self.tally: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for key in rounds.TALLY_KEYS:
            spin = named(QSpinBox(), f"tally_{key}", labels[key])
            spin.setRange(0, 1000)
            form.addRow(labels[key], spin)
            self.tally[key] = spin
        self.continuing = named(
            QSpinBox(), "report_continuing", translate("ReportPanel", "Want to continue as partners")
        )
        self.continuing.setRange(0, 1000)
        form.addRow(translate("ReportPanel", "Want to continue as partners"), self.continuing)
        self.save = named(QPushButton(translate("ReportPanel", "Sa&ve the report-out")), "save_report")
        self.save.clicked.connect(self.save_report)
        self.summary_button = named(
            QPushButton(translate("ReportPanel", "Su&mmary and pair cards…")), "summary"
        )
        self.summary_button.clicked.connect(self.open_summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.summary_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.themes, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.dialog: WorkshopSummaryDialog | None = None

    def show_round(self, held: Round | None) -> None:
        if held is None:
            return
        if not self.themes.hasFocus():
            self.themes.setPlainText(held.themes)
        for key, spin in self.tally.items():
            spin.setValue(held.tally.get(key, 0))
        self.continuing.setValue(held.continuing)

    def save_report(self) -> None:
        themes = self.themes.toPlainText()
        tally = {key: spin.value() for key, spin in self.tally.items()}
        continuing = self.continuing.value()
        self._run(lambda s: rounds.record_report(s, themes, tally, continuing), None)

    def open_summary(self) -> None:
        phases, w = self._phases(), words()

        def build(store: WorkshopStore) -> tuple[str, str, str]:
            return store.title(), summary.to_markdown(store, phases, w), summary.cards_markdown(store, w)

        def show(result: object) -> None:
            title, text, cards = result  # type: ignore[misc]
            self.dialog = WorkshopSummaryDialog(title, text, cards, self)
            self.dialog.open()

        self._run(build, show)


class WorkshopSummaryDialog(QDialog):
    """Shows exactly what will be written, then saves the summary or the cards (Markdown or PDF)."""

    def __init__(self, title: str, text: str, cards: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshop_summary_dialog")
        self.setWindowTitle(translate("ReportPanel", "Workshop summary"))
        self.resize(760, 600)
        self.title, self.text, self.cards = title, text, cards
        self.preview = named(QTextBrowser(), "summary_preview", translate("ReportPanel", "Preview"))
        self.preview.setOpenLinks(False)
        self.preview.setMarkdown(text)
        save_summary = named(QPushButton(translate("ReportPanel", "Save the &summary…")), "save_summary")
        save_summary.clicked.connect(lambda: self.save(self.text))
        save_cards = named(QPushButton(translate("ReportPanel", "Save the pair &cards…")), "save_cards")
        save_cards.clicked.connect(lambda: self.save(self.cards))
        show_cards = named(QPushButton(translate("ReportPanel", "&Preview the cards")), "preview_cards")
        show_cards.clicked.connect(lambda: self.preview.setMarkdown(self.cards))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (save_summary, save_cards, show_cards):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)

    def save(self, text: str) -> None:
        path = choose_path(
            self,
            translate("ReportPanel", "Save as Markdown or PDF"),
            translate("ReportPanel", "PDF (*.pdf);;Markdown (*.md)"),
            save=True,
        )
        if not path:
            return
        if Path(path).suffix.lower() == ".pdf":
            from peercoach_desktop.coaching.summary_pdf import markdown_to_pdf

            data = markdown_to_pdf(text, self.title)
        else:
            data = text.encode("utf-8")
        try:
            write_atomic(Path(path), data)  # a few KiB: not worth a trip to the worker
        except OSError as exc:
            show_error(self, exc)
            return
        self.saved = path
