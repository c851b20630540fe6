"""Notes of one partnership: a lazily fetched list (filterable by goal, session and kind),
a plain-text editor that saves itself, and what the note is about and who may read it,
chosen before its first save.

A new note is a draft with an id of its own until its first words are saved: nothing is
written for an empty note, a private note is never stored as shared first, and later
edits queued behind the first save (one worker, in order) reach the same note."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.model import Goal, Note, NoteKind, Visibility
from peercoach_desktop.domain.overview import Overview
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import local_time
from peercoach_desktop.ui.notebook.note_links import NoteLinks, Subjects
from peercoach_desktop.ui.notebook.paged_model import Column, PagedModel
from peercoach_desktop.ui.notebook.record_list import RecordList

if TYPE_CHECKING:
    from peercoach_desktop.storage.store import NotebookStore

AUTOSAVE_MS = 500  # at most this much typing is only in memory
# A word, not an emoji: it renders in every font and a screen reader says it.
PRIVATE_MARK = QT_TRANSLATE_NOOP("NotesView", "[Private] ")


def private_mark() -> str:
    return translate("NotesView", PRIVATE_MARK)


def note_label(note: Note) -> str:
    lock = private_mark() if note.visibility == Visibility.PRIVATE else ""
    return lock + (first_line(note.body, 60) or translate("NotesView", "(empty note)"))


def kept_mark(note: Note, names: dict[str, str]) -> str:
    """'Copy kept from a conflict · Ana, Tue 10:14': whose version this copy keeps, and when."""
    by, at = note.kept_from.get("by", ""), note.kept_from.get("at")
    return translate("NotesView", "Copy kept from a conflict · {name}, {time}").format(
        name=names.get(by, "?"), time=local_time(at)
    )


class NotesView(QWidget):
    note_changed = Signal()  # saved: the overview's counts may change

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.new_private = False  # the preference: are new notes private?
        self.subjects = Subjects()
        self.filter = NoteLinks("notes_filter", any_choice=True)
        self.model: PagedModel[Note] = PagedModel(
            access,
            lambda store, cursor: browse.notes_page(store, cursor, only=self.filter.as_filter()),
            [Column(translate("NotesView", "Note"), self._label, tooltip=self._label)],  # rows elide
            key=lambda n: n.id,
        )
        self.list = RecordList()  # appends a page in a few ms at any length (a list view: ~35 ms at 5k)
        self.list.setObjectName("notes_list")
        self.list.setAccessibleName(translate("NotesView", "Notes"))
        self.list.setModel(self.model)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note_editor")
        self.editor.setAccessibleName(translate("NotesView", "Note text"))
        self.editor.setPlaceholderText(
            translate("NotesView", "Select or create a note. It saves itself as you type.")
        )
        self.private = QCheckBox(translate("NotesView", "&Private: only on this laptop, never shared"))
        self.private.setObjectName("note_private")
        self.private.setAccessibleName(translate("NotesView", "Private note"))
        self.links = NoteLinks("note", any_choice=False)
        # Above the text, in full (the list's row is cut to its width): a copy kept from a conflict.
        self.kept = QLabel()
        self.kept.setObjectName("note_kept_mark")
        self.kept.setTextFormat(Qt.TextFormat.PlainText)  # a name the user typed
        self.kept.setWordWrap(True)
        self.kept.hide()
        new = QPushButton(translate("NotesView", "&New note"))
        new.setObjectName("new_note")
        new.setAccessibleName(translate("NotesView", "New note"))
        new.clicked.connect(self.new_note)
        left = QVBoxLayout()
        left.addWidget(new)
        left.addWidget(self.filter)
        left.addWidget(self.list)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.links)
        right.addWidget(self.private)  # above the text: chosen before the first words
        right.addWidget(self.kept)
        right.addWidget(self.editor)
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
        self._draft = False  # _note is a new note not saved yet
        self._loading = False
        self._select_when_loaded: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.model.loaded.connect(self._page_loaded)
        self.private.toggled.connect(self._privacy)
        self.links.changed.connect(self._relinked)
        self.filter.changed.connect(lambda: self.reload())
        self._set_editing(False)

    def _set_editing(self, enabled: bool) -> None:
        for widget in (self.editor, self.private, self.links):
            widget.setEnabled(enabled)

    def _label(self, note: Note) -> str:
        about = self.subjects.describe(note)
        if note.kept_from:  # first on the second line: the pair stands out in a long list
            about = f"{kept_mark(note, self.subjects.names)} · {about}"
        return f"{note_label(note)}\n{about}"

    # ----- loading and selecting -----------------------------------------------------------

    def reload(self, people: Overview | None = None, select: str | None = None) -> None:
        self.flush()
        if people is not None:
            self.subjects.names = {people.me.id: people.me.name, people.partner.id: people.partner.name}
        self._select_when_loaded = select or (self._note.id if self._note and not self._draft else None)
        self._show(None)
        self.model.reload()  # the first page first: the goals and sessions can follow it
        self.refresh_subjects()

    def refresh_subjects(self) -> None:
        self.access.run(browse.note_subjects, self._subjects_loaded)

    def _subjects_loaded(self, subjects: tuple[list[Goal], list[tuple[str, str]]]) -> None:
        self.subjects.set(*subjects)
        for links in (self.filter, self.links):
            links.fill(self.subjects)
        if self._note is not None:
            self._show_links(self._note)
        rows = self.model.rowCount()
        if rows:  # the labels name goals and sessions: shown anew
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(rows - 1, 0))

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
        """The id of the saved note in the editor, if any (a draft not yet saved has none)."""
        return self._note.id if self._note is not None and not self._draft else None

    def let_go(self) -> None:
        """The record in the editor is about to be deleted: empty the editor without saving."""
        self._show(None)

    def _show(self, note: Note | None, draft: bool = False) -> None:
        self._note, self._draft = note, draft
        self._loading = True
        self.editor.setPlainText(note.body if note else "")
        self.private.setChecked(bool(note and note.visibility == Visibility.PRIVATE))
        if note is not None:
            self._show_links(note)
        self._show_kept(note)
        self._loading = False
        self._set_editing(note is not None)

    def _show_kept(self, note: Note | None) -> None:
        self.kept.setVisible(bool(note and note.kept_from))
        self.kept.setText(kept_mark(note, self.subjects.names) if note and note.kept_from else "")

    def _show_links(self, note: Note) -> None:
        loading, self._loading = self._loading, True
        self.links.set(note.kind, note.goal_id, note.session_id)
        self._loading = loading

    # ----- writing -------------------------------------------------------------------------

    def new_note(self) -> None:
        """An empty draft at once, in the editor with the focus: what is typed next is the new
        note's, never the previous one's. Its goal and session are the list's filter's."""
        self.flush()
        self.list.clearSelection()
        draft = Note(
            id=new_id(),
            created_at="",
            updated_at="",
            version="",
            author_id="",
            deleted=False,
            body="",
            kind=NoteKind(self.filter.kind_value()),
            visibility=Visibility.PRIVATE if self.new_private else Visibility.SHARED,
            session_id=self.filter.session_id(),
            goal_id=self.filter.goal_id(),
        )
        self._show(draft, draft=True)
        self.editor.setFocus()

    def _typed(self) -> None:
        if not self._loading and self._note:
            self._timer.start()

    def _privacy(self, checked: bool) -> None:
        if self._loading or self._note is None:
            return
        visibility = Visibility.PRIVATE if checked else Visibility.SHARED
        if self._draft:  # chosen before the first save: stored so from the start
            self._note = replace(self._note, visibility=visibility)
            self.flush()
            return
        note_id = self._note.id
        self.access.run(lambda store: store.set_note_private(note_id, checked), self._saved)

    def _relinked(self) -> None:
        if self._loading or self._note is None:
            return
        kind, goal, session = self.links.kind_value(), self.links.goal_id(), self.links.session_id()
        if self._draft:
            self._note = replace(self._note, kind=NoteKind(kind), goal_id=goal, session_id=session)
            self.flush()
            return
        note_id = self._note.id
        self.access.run(
            lambda store: store.set_note_links(note_id, kind=kind, goal=goal, session=session), self._saved
        )

    def flush(self) -> None:
        """Save now what is typed but not yet saved (before switching, locking, closing)."""
        self._timer.stop()
        note, body = self._note, self.editor.toPlainText()
        if note is None or note.body == body:
            return
        if self._draft:
            if not body.strip():
                return  # an empty new note is not worth a record
            self._draft = False
            self._note = replace(note, body=body)

            def create(store: NotebookStore) -> Note:
                return store.add_note(
                    body,
                    kind=note.kind,
                    private=note.visibility == Visibility.PRIVATE,
                    session=note.session_id,
                    goal=note.goal_id,
                    note_id=note.id,
                )

            self.access.run(create, self._created)
            return
        self._note = replace(note, body=body)  # a second flush must not save it again
        self.access.run(lambda store: store.update_note(note.id, body), self._saved)

    def _created(self, note: Note) -> None:
        self.model.prepend(note)
        row = self.model.row_of(note.id)
        if self._note is not None and self._note.id == note.id and row is not None:
            self.list.selectionModel().blockSignals(True)  # the editor already shows it
            self.list.setCurrentIndex(self.model.index(row, 0))
            self.list.selectionModel().blockSignals(False)
            self.list.viewport().update()
        self._saved(note)

    def _saved(self, note: Note) -> None:
        self.model.replace(note)
        if self._note is not None and self._note.id == note.id and note.body == self.editor.toPlainText():
            self._note = note
            self._show_kept(note)  # new words clear the mark
        self.note_changed.emit()

    def clear(self) -> None:
        self._timer.stop()
        self._note = None
        self._select_when_loaded = None
        self.model.clear()
        self.subjects = Subjects()
        self.filter.clear()
        self.links.clear()
        self._show(None)
