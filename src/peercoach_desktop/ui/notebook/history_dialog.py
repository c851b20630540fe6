"""History of a note, goal or next step: its earlier versions, what changed (side by side),
and "restore this version" (which becomes a new version: nothing is overwritten)."""

from __future__ import annotations

import difflib
import re
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from peercoach_desktop.storage.history import KEPT, Version
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import local_time, named

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost

# Marked text in colours that read in light and dark themes alike (text colour set too).
DIFF_STYLE = """
.diff_add { background-color: #1b5e20; color: #ffffff; }
.diff_chg { background-color: #f9a825; color: #000000; }
.diff_sub { background-color: #b71c1c; color: #ffffff; }
td { padding: 0 4px; }
"""


def diff_html(earlier: str, now: str) -> str:
    table = difflib.HtmlDiff(wrapcolumn=60).make_table(
        earlier.splitlines() or [""],
        now.splitlines() or [""],
        escape(translate("HistoryDialog", "This version")),
        escape(translate("HistoryDialog", "Now")),
        context=False,
    )
    # difflib's "next change" links column means nothing in a dialog, and a reader reads it out.
    return re.sub(r'<td class="diff_next"[^>]*>.*?</td>', "", table)


def current_text(store: NotebookStore, record_id: str) -> str:
    """The record's words as they are now, in the same form as a version's."""
    for cls, fields in KEPT.items():
        found = store.where(cls, id=record_id)
        if found:
            return Version(0, record_id, "", {name: getattr(found[0], name) for name in fields}).text()
    return ""


class HistoryDialog(QDialog):
    def __init__(self, window: NotebookHost, record_id: str) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("HistoryDialog", "Earlier versions"))
        self.resize(860, 520)
        self.window_, self.record_id = window, record_id
        self.list = named(QListWidget(), "history_versions", translate("HistoryDialog", "Earlier versions"))
        self.diff = named(QTextBrowser(), "history_diff", translate("HistoryDialog", "What changed"))
        self.diff.document().setDefaultStyleSheet(DIFF_STYLE)
        self.restore = named(
            QPushButton(translate("HistoryDialog", "&Restore this version")),
            "history_restore",
            translate("HistoryDialog", "Restore this version"),
        )
        self.restore.clicked.connect(self._restore)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([240, 620])
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self._versions: list[Version] = []
        self._now = ""
        window.access.run(lambda s: (s.versions(record_id), current_text(s, record_id)), self._loaded)

    def _loaded(self, result: tuple[list[Version], str]) -> None:
        self._versions, self._now = result
        self.list.clear()
        for version in self._versions:
            self.list.addItem(
                QListWidgetItem(f"{local_time(version.saved_at)}\n{first_line(version.text(), 40)}")
            )
        self.restore.setEnabled(bool(self._versions))
        if self._versions:
            self.list.setCurrentRow(0)
        else:
            self.diff.setPlainText(
                translate("HistoryDialog", "No earlier versions: this is how it was first written.")
            )

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._versions):
            self.diff.setHtml(diff_html(self._versions[row].text(), self._now))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._versions):
            rid, record_id = self._versions[row].rid, self.record_id
            self.window_.access.write(lambda s: s.restore_version(record_id, rid), lambda _r: self._done())

    def _done(self) -> None:
        self.accept()
        self.window_.reload_notebook()


def show_history(window: NotebookHost) -> None:
    record_id = window.notebook.current_record_id()
    if record_id is None:
        return
    window.notebook.flush()  # what was just typed is the "now" the versions compare with
    window.dialogs.keep("history_dialog", HistoryDialog(window, record_id)).open()
