"""Export a summary: pick the session or the dates, see exactly what will be written, then
save it as Markdown or PDF. Private notes only with the author's own tick."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
)

from peercoach_desktop.coaching import summary
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.ui.infra.dialogs import error_text, show_error, tell
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import date_edit_format, named
from peercoach_desktop.ui.notebook.summary_words import summary_words

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost


class SummaryDialog(QDialog):
    def __init__(self, window: NotebookHost, session_id: str | None) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("SummaryDialog", "Export a summary"))
        self.resize(760, 560)
        self.window_, self.session_id = window, session_id
        self.one = named(
            QRadioButton(translate("SummaryDialog", "The selected &session")),
            "summary_one_session",
            translate("SummaryDialog", "The selected session"),
        )
        self.range = named(
            QRadioButton(translate("SummaryDialog", "Sessions &between")),
            "summary_range",
            translate("SummaryDialog", "Sessions between two dates"),
        )
        self.since = named(
            QDateEdit(QDate.currentDate().addMonths(-3)), "summary_since", translate("SummaryDialog", "From")
        )
        self.until = named(QDateEdit(QDate.currentDate()), "summary_until", translate("SummaryDialog", "To"))
        for field in (self.since, self.until):
            field.setCalendarPopup(True)
            field.setDisplayFormat(date_edit_format())
            field.dateChanged.connect(self.refresh)
        self.one.setEnabled(session_id is not None)
        (self.one if session_id else self.range).setChecked(True)
        self.private = named(
            QCheckBox(translate("SummaryDialog", "Include &my private notes")), "summary_include_private"
        )
        self.preview = named(
            QTextBrowser(), "summary_preview", translate("SummaryDialog", "What will be written")
        )
        self.save_md = named(
            QPushButton(translate("SummaryDialog", "Save as &Markdown…")),
            "summary_save_md",
            translate("SummaryDialog", "Save as Markdown"),
        )
        self.save_pdf = named(
            QPushButton(translate("SummaryDialog", "Save as &PDF…")),
            "summary_save_pdf",
            translate("SummaryDialog", "Save as PDF"),
        )
        self.save_md.clicked.connect(lambda: self._save("md"))
        self.save_pdf.clicked.connect(lambda: self._save("pdf"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        choice = QHBoxLayout()
        for widget in (
            self.one,
            self.range,
            self.since,
            QLabel(translate("SummaryDialog", "to")),
            self.until,
        ):
            choice.addWidget(widget)
        choice.addStretch()
        buttons = QHBoxLayout()
        for widget in (self.save_md, self.save_pdf):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.private)
        layout.addWidget(QLabel(translate("SummaryDialog", "This is exactly what will be written:")))
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        for toggle in (self.one, self.range, self.private):
            toggle.toggled.connect(self.refresh)
        self.markdown = ""
        self.title = ""
        self.refresh()

    def _options(self) -> dict[str, object]:
        if self.one.isChecked() and self.session_id:
            return {"session": self.session_id, "include_private": self.private.isChecked()}
        return {
            "since": self.since.date().toString("yyyy-MM-dd"),
            "until": self.until.date().toString("yyyy-MM-dd"),
            "include_private": self.private.isChecked(),
        }

    def refresh(self) -> None:
        options, words = self._options(), summary_words()

        def job(store: NotebookStore) -> tuple[str, str]:
            built = summary.build(store, **options)  # type: ignore[arg-type]
            return summary.to_markdown(built, words), built.title

        def shown(result: tuple[str, str]) -> None:
            self.markdown, self.title = result
            self.preview.setMarkdown(self.markdown)
            for button in (self.save_md, self.save_pdf):
                button.setEnabled(True)

        for button in (self.save_md, self.save_pdf):
            button.setEnabled(False)  # until the preview matches the choice
        self.preview.setPlainText(translate("SummaryDialog", "Reading the notebook…"))
        workspace, pid = self.window_.workspace, self.window_.access.partnership_id or ""
        self.window_.tasks.run(
            lambda: job(workspace.store(pid)),
            shown,
            lambda error: self.preview.setPlainText(error_text(error)),
        )

    def _save(self, fmt: str) -> None:
        kind = (
            translate("SummaryDialog", "PDF files (*.pdf)")
            if fmt == "pdf"
            else translate("SummaryDialog", "Markdown files (*.md)")
        )
        out = choose_path(
            self, translate("SummaryDialog", "Save the summary"), kind, save=True, suggested=f"summary.{fmt}"
        )
        if not out or not self.markdown:
            return
        markdown = self.markdown
        title = summary_words().title.format(title=self.title)

        def render() -> bytes:
            if fmt != "pdf":
                return markdown.encode("utf-8")
            from peercoach_desktop.coaching.summary_pdf import markdown_to_pdf

            # On the worker: laying out and printing a long summary would freeze the window,
            # and Qt's text document is reentrant (it holds no images: md() escapes them).
            return markdown_to_pdf(markdown, title)

        self.window_.tasks.run(
            lambda: write_atomic(Path(out), render()),
            lambda _r: tell(
                self, translate("SummaryDialog", "Summary saved to {path}.").format(path=out), "saved_message"
            ),
            lambda error: show_error(self, error),
        )


def export_summary(window: NotebookHost) -> None:
    session_id = None
    if window.notebook.has_view("sessions"):
        rows = window.notebook.sessions.table.selectionModel().selectedRows()
        if rows:
            session_id = window.notebook.sessions.model.item(rows[0].row()).session.id
    window.dialogs.keep("summary_dialog", SummaryDialog(window, session_id)).open()
