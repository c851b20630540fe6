"""Search across one notebook: results with the matched words marked, Enter jumps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from peercoach_desktop.domain.model import SearchHit
from peercoach_desktop.storage.search import MARK_END, MARK_START
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.notebook.notes_view import private_mark

KIND_LABEL = {
    "note": QT_TRANSLATE_NOOP("SearchView", "Note"),
    "goal": QT_TRANSLATE_NOOP("SearchView", "Goal"),
    "step": QT_TRANSLATE_NOOP("SearchView", "Next step"),
}


def hit_label(hit: SearchHit) -> str:
    snippet = " ".join(hit.snippet.replace(MARK_START, "«").replace(MARK_END, "»").split())
    lock = private_mark() if hit.private else ""
    kind = translate("SearchView", KIND_LABEL[hit.kind]) if hit.kind in KIND_LABEL else hit.kind
    return f"{lock}{kind}: {snippet}"


class SearchView(QWidget):
    jump_requested = Signal(str, str)  # kind, record id

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.field = named(QLineEdit(), "search_field", translate("SearchView", "Search this notebook"))
        self.field.setPlaceholderText(translate("SearchView", "Search notes, goals and next steps"))
        self.field.setClearButtonEnabled(True)
        self.results = named(QListWidget(), "search_results", translate("SearchView", "Search results"))
        self.results.itemActivated.connect(self._activated)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self._first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)

    def _search(self, text: str) -> None:
        if not text.strip():
            self.results.clear()
            return
        self.access.run(lambda store: store.search(text), lambda hits: self._show(text, hits))

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        if text != self.field.text():
            return  # an older answer arriving after newer typing
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(hit_label(hit))
            item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.record_id))
            self.results.addItem(item)
        if not hits:
            self.results.addItem(QListWidgetItem(translate("SearchView", "No matches.")))

    def _first(self) -> None:
        if self.results.count():
            self.results.setCurrentRow(0)
            self._activated(self.results.item(0))

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.jump_requested.emit(*target)

    def clear(self) -> None:
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.results.clear()
