"""History of a note, goal or next step: its earlier versions, what changed (side by side),
and "restore this version" (which becomes a new version: nothing is overwritten)."""

from __future__ import annotations

import difflib
import itertools
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

from peercoach_desktop.domain.model import Visibility
from peercoach_desktop.storage.history import KEPT, Version
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import local_time, named
from peercoach_desktop.ui.notebook.notes_view import private_mark

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost

# Marked text in colours that read in light and dark themes alike (text colour set too).
DIFF_STYLE = """
.diff_add { background-color: #1b5e20; color: #ffffff; }
.diff_chg { background-color: #f9a825; color: #000000; }
.diff_sub { background-color: #b71c1c; color: #ffffff; }
td { padding: 2px 4px; vertical-align: top; }
th { text-align: left; padding: 2px 4px; }
"""


def diff_html(earlier: str, now: str) -> str:
    """Side by side, line against line, the changed words marked. Plain cells with ordinary
    spaces, so lines wrap at word boundaries to the dialog's width (difflib's HtmlDiff cut
    words at a fixed column and glued the rest with non-breaking spaces)."""
    before, after = earlier.splitlines() or [""], now.splitlines() or [""]
    then, now_title = translate("HistoryDialog", "This version"), translate("HistoryDialog", "Now")
    rows = [f'<tr><th width="50%">{escape(then)}</th><th width="50%">{escape(now_title)}</th></tr>']
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs = [(escape(a), escape(b)) for a, b in zip(before[i1:i2], after[j1:j2], strict=True)]
        else:
            pairs = [
                _word_diff(a or "", b or "") for a, b in itertools.zip_longest(before[i1:i2], after[j1:j2])
            ]
        rows += [
            f'<tr><td width="50%">{a or "&nbsp;"}</td><td width="50%">{b or "&nbsp;"}</td></tr>'
            for a, b in pairs
        ]
    return f'<table width="100%" cellspacing="0">{"".join(rows)}</table>'


def _word_diff(earlier: str, now: str) -> tuple[str, str]:
    """One line against another: words only in the earlier one marked removed, words only
    in the later one marked added."""
    a, b = re.findall(r"\s+|\S+", earlier), re.findall(r"\s+|\S+", now)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        left.append(f'<span class="diff_sub">{old}</span>' if old.strip() else old)  # spaces stay plain
        right.append(f'<span class="diff_add">{new}</span>' if new.strip() else new)
    return "".join(left), "".join(right)


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
            # a restore brings the Private flag back too: the list says which versions had it
            mark = private_mark() if version.fields.get("visibility") == Visibility.PRIVATE else ""
            self.list.addItem(
                QListWidgetItem(f"{local_time(version.saved_at)}\n{mark}{first_line(version.text(), 40)}")
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
