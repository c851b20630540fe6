"""Notes of one partnership: a lazily fetched list, a plain-text editor that saves
itself, and a private toggle that is visible at a glance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.model import Note, Visibility
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.notebook.paged_model import Column, PagedModel

AUTOSAVE_MS = 500  # at most this much typing is only in memory
# A word, not an emoji: it renders in every font and a screen reader says it.
PRIVATE_MARK = QT_TRANSLATE_NOOP("NotesView", "[Private] ")
NEW_NOTE_TEXT = QT_TRANSLATE_NOOP("NotesView", "New note")  # the new note's first words


def private_mark() -> str:
    return translate("NotesView", PRIVATE_MARK)


def note_label(note: Note) -> str:
    lock = private_mark() if note.visibility == Visibility.PRIVATE else ""
    return lock + (first_line(note.body, 60) or translate("NotesView", "(empty note)"))


class NotesView(QWidget):
    note_changed = Signal()  # saved: the overview's counts may change

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.model: PagedModel[Note] = PagedModel(
            access,
            browse.notes_page,
            [Column(translate("NotesView", "Note"), note_label)],
            key=lambda n: n.id,
        )
        self.list = QListView()
        self.list.setObjectName("notes_list")
        self.list.setAccessibleName(translate("NotesView", "Notes"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # lets a long list scroll without measuring every row
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note_editor")
        self.editor.setAccessibleName(translate("NotesView", "Note text"))
        self.editor.setPlaceholderText(
            translate("NotesView", "Select or create a note. It saves itself as you type.")
        )
        self.private = QCheckBox(translate("NotesView", "&Private: only on this laptop, never shared"))
        self.private.setObjectName("note_private")
        self.private.setAccessibleName(translate("NotesView", "Private note"))
        new = QPushButton(translate("NotesView", "&New note"))
        new.setObjectName("new_note")
        new.setAccessibleName(translate("NotesView", "New note"))
        new.clicked.connect(self.new_note)
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

        self._note: Note | None = None  # the note in the editor, as last saved
        self._loading = False
        self._select_when_loaded: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.model.loaded.connect(self._page_loaded)
        self.private.toggled.connect(self._privacy)
        self._set_editing(False)

    def _set_editing(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        self.private.setEnabled(enabled)

    # ----- loading and selecting -----------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.flush()
        self._select_when_loaded = select or (self._note.id if self._note else None)
        self._show(None)
        self.model.reload()

    def _page_loaded(self) -> None:
        if self._select_when_loaded:
            self.select(self._select_when_loaded)

    def select(self, note_id: str) -> None:
        """Show a note: from the list when it is loaded, else fetched on its own (search jumps)."""
        row = self.model.row_of(note_id)
        self._select_when_loaded = None
        if row is not None:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
            return
        self.flush()
        self.list.clearSelection()
        # None when the note is gone meanwhile (deleted, or trashed by the partner's sync).
        self.access.run(lambda store: next(iter(store.where(Note, id=note_id)), None), self._show)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.flush()
        indexes = selected.indexes()
        self._show(self.model.item(indexes[0].row()) if indexes else None)

    def editing_id(self) -> str | None:
        """The id of the record in the editor, if any."""
        return self._note.id if self._note is not None else None

    def let_go(self) -> None:
        """The record in the editor is about to be deleted: empty the editor without saving."""
        self._show(None)

    def _show(self, note: Note | None) -> None:
        self._note = note
        self._loading = True
        self.editor.setPlainText(note.body if note else "")
        self.private.setChecked(bool(note and note.visibility == Visibility.PRIVATE))
        self._loading = False
        self._set_editing(note is not None)

    # ----- writing -------------------------------------------------------------------------

    def new_note(self) -> None:
        self.flush()
        first_words = translate("NotesView", NEW_NOTE_TEXT)
        self.access.write(lambda store: store.add_note(first_words), self._created)

    def _created(self, note: Note) -> None:
        self.model.prepend(note)
        self.select(note.id)
        self.editor.setFocus()
        self.editor.selectAll()

    def _typed(self) -> None:
        if not self._loading and self._note:
            self._timer.start()

    def _privacy(self, checked: bool) -> None:
        if not self._loading and self._note:
            note_id = self._note.id
            self.access.run(lambda store: store.set_note_private(note_id, checked), self._saved)

    def flush(self) -> None:
        """Save now what is typed but not yet saved (before switching, locking, closing)."""
        self._timer.stop()
        if self._note is not None and self._note.body != self.editor.toPlainText():
            note_id, body = self._note.id, self.editor.toPlainText()
            self._note = replace(self._note, body=body)  # a second flush must not save it again
            self.access.run(lambda store: store.update_note(note_id, body), self._saved)

    def _saved(self, note: Note) -> None:
        self.model.replace(note)
        if self._note is not None and self._note.id == note.id and note.body == self.editor.toPlainText():
            self._note = note
        self.note_changed.emit()

    def clear(self) -> None:
        self._timer.stop()
        self._note = None
        self._select_when_loaded = None
        self.model.clear()
        self._show(None)
