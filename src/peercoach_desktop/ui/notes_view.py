"""Notes of one partnership: a list, a plain-text editor with autosave, a private toggle."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.core.model import Note, Visibility
from peercoach_desktop.core.search import first_line

AUTOSAVE_MS = 500  # at most this much typing is only in memory
# A word, not an emoji: it renders in every font and a screen reader says it.
PRIVATE_MARK = "[Private] "


def note_label(note: Note) -> str:
    lock = PRIVATE_MARK if note.visibility == Visibility.PRIVATE else ""
    return f"{lock}{first_line(note.body, 60) or '(empty note)'}"


class NotesView(QWidget):
    save_requested = Signal(str, str)  # note id, body
    privacy_requested = Signal(str, bool)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("notes_list")
        self.list.setAccessibleName("Notes")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note_editor")
        self.editor.setAccessibleName("Note text")
        self.editor.setPlaceholderText("Select or create a note. It saves itself as you type.")
        self.private = QCheckBox("&Private: only on this laptop, never shared")
        self.private.setObjectName("note_private")
        self.private.setAccessibleName("Private note")
        new = QPushButton("&New note")
        new.setObjectName("new_note")
        new.setAccessibleName("New note")
        new.clicked.connect(self.new_requested)
        left = QVBoxLayout()
        left.addWidget(new)
        left.addWidget(self.list)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.editor)
        right.addWidget(self.private)
        right_box = QWidget()
        right_box.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setSizes([260, 600])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._notes: dict[str, Note] = {}
        self._current: str | None = None
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.list.currentItemChanged.connect(self._selected)
        self.private.toggled.connect(self._privacy)
        self._set_editing(False)

    def _set_editing(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        self.private.setEnabled(enabled)

    def show_notes(self, notes: list[Note], select: str | None = None) -> None:
        self.flush()
        self._notes = {n.id: n for n in notes}
        self.list.blockSignals(True)
        self.list.clear()
        for note in reversed(notes):  # newest first
            item = QListWidgetItem(note_label(note))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = select or self._current
        self._current = None
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentRow(row)
                return
        self._show(None)

    def note_saved(self, note: Note) -> None:
        self._notes[note.id] = note
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == note.id:
                item.setText(note_label(note))

    def _selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.flush()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _show(self, note_id: str | None) -> None:
        self._current = note_id
        note = self._notes.get(note_id) if note_id else None
        self._loading = True
        self.editor.setPlainText(note.body if note else "")
        self.private.setChecked(bool(note and note.visibility == Visibility.PRIVATE))
        self._loading = False
        self._set_editing(note is not None)

    def _typed(self) -> None:
        if not self._loading and self._current:
            self._timer.start()

    def _privacy(self, checked: bool) -> None:
        if not self._loading and self._current:
            self.privacy_requested.emit(self._current, checked)

    def flush(self) -> None:
        """Save now what is typed but not yet saved (before switching, locking, closing)."""
        self._timer.stop()
        note = self._notes.get(self._current) if self._current else None
        if note is not None and note.body != self.editor.toPlainText():
            self.save_requested.emit(note.id, self.editor.toPlainText())

    def clear(self) -> None:
        self._timer.stop()
        self._notes.clear()
        self._current = None
        self.list.clear()
        self._loading = True
        self.editor.clear()
        self._loading = False
        self._set_editing(False)
