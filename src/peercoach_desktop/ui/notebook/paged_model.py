"""One table model for every list of records in the window, fetched page by page.

The model asks the worker for the first page when it is reset and for the next
page when the view scrolls near the end (Qt's canFetchMore/fetchMore), so a list of
100k notes costs one page of memory and time until someone scrolls through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from peercoach_desktop.storage.browse import Cursor, Page
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.access import NotebookAccess

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    checked: Callable[[T], bool] | None = None  # a checkbox column (next steps: done)
    tooltip: Callable[[T], str] | None = None


class PagedModel(QAbstractTableModel, Generic[T]):
    loaded = Signal()  # a page arrived
    check_requested = Signal(object, bool)  # row object, new state

    def __init__(
        self,
        access: NotebookAccess,
        fetch: Callable[[NotebookStore, Cursor | None], Page[T]],
        columns: list[Column[T]],
        key: Callable[[T], str],
    ) -> None:
        super().__init__()
        self._access = access
        self._fetch = fetch
        self._columns = columns
        self._key = key
        self._rows: list[T] = []
        self._cursor: Cursor | None = None
        self._complete = True
        self._loading = False
        self._generation = 0

    # ----- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._complete = False
        self._loading = False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._complete = True
        self._generation += 1
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and not self._complete and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, cursor, fetch = self._generation, self._cursor, self._fetch
        if not self._access.run(
            lambda store: fetch(store, cursor), lambda page: self._append(generation, page)
        ):
            self._loading = False
            self._complete = True

    def _append(self, generation: int, page: Page[T]) -> None:
        if generation != self._generation:
            return  # a page of a list that has been reloaded since
        self._loading = False
        self._cursor = page.next_cursor
        self._complete = page.next_cursor is None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit()

    # ----- rows ----------------------------------------------------------------------------

    def row_of(self, key: str) -> int | None:
        return next((i for i, row in enumerate(self._rows) if self._key(row) == key), None)

    def item(self, row: int) -> T:
        return self._rows[row]

    def replace(self, item: T) -> None:
        """A record changed: show its new state where it is listed."""
        row = self.row_of(self._key(item))
        if row is not None:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def prepend(self, item: T) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, item)
        self.endInsertRows()

    # ----- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns)
        return self._columns[section].title if horizontal and role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(item)
        if role == Qt.ItemDataRole.CheckStateRole and column.checked is not None:
            return Qt.CheckState.Checked if column.checked(item) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        if role == ROW_ROLE:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._columns[index.column()].checked is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if self._columns[index.column()].checked is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        # The store decides; the row changes when the saved record comes back (replace).
        self.check_requested.emit(self._rows[index.row()], checked)
        return True
