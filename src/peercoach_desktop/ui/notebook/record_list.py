"""A long list of records, two lines each, that stays quick to grow page by page.

A QListView lays out every row again whenever rows are appended, asking the (Python) model
for an index per row: at 5,000 notes each page of 200 cost ~35 ms on the window's thread,
and more with every page. A one-column table with fixed row heights appends in ~4 ms at any
length, so this is a table that looks and behaves like the list it replaces: no headers or
grid, one row selected at a time, Tab leaving the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

LINES = 2
PADDING = 4  # around the two lines, as the list's spacing of 2 was


class RecordList(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)  # the label's own line break is kept; long lines are elided
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control, as from a list
        self.setAlternatingRowColors(True)  # two lines a record: where one ends shows at a glance
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fit_rows()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Home and End go to the first and last record, as in a list (a table's go along the row).
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(LINES * self.fontMetrics().lineSpacing() + PADDING)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()  # a larger font (preferences, the desktop's) keeps both lines
