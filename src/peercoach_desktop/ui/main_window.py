"""The main window: partnerships on the left; overview, notes and search on the right.

Every notebook call is a job on the worker (ui.tasks); widgets render what comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop import APP_NAME
from peercoach_desktop.core.library import Library
from peercoach_desktop.core.model import Note, NotebookSnapshot, SearchHit
from peercoach_desktop.core.search import MARK_END, MARK_START
from peercoach_desktop.core.workspace import PartnershipSummary, Workspace
from peercoach_desktop.ui.dialogs import NewPartnershipDialog, RecoveryCodeDialog, show_error
from peercoach_desktop.ui.notes_view import PRIVATE_MARK, NotesView
from peercoach_desktop.ui.overview import meeting_label, overview_html
from peercoach_desktop.ui.tasks import Tasks

ROLE_ID = Qt.ItemDataRole.UserRole
DEFAULT_IDLE_LOCK_MINUTES = 5
WELCOME = (
    "<h2>Welcome to PeerCoach Desktop</h2>"
    "<p>It keeps the goals, sessions, notes and next steps of each peer-coaching partnership in its own "
    "notebook on this laptop, encrypted with a key held by your system keyring.</p>"
    "<p>Nothing is sent anywhere. Start with a new partnership (Ctrl+N).</p>"
)


def _page(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch()
    return page


class MainWindow(QMainWindow):
    def __init__(self, library: Library, idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES) -> None:
        super().__init__()
        self.workspace = Workspace(library)
        self.tasks = Tasks(self)
        self.tasks.failed.connect(lambda error: show_error(self, error))
        self.setWindowTitle(APP_NAME)
        self.resize(1000, 640)
        self.locked = False
        self._current: str | None = None

        self.partnerships = QListWidget()
        self.partnerships.setObjectName("partnerships")
        self.partnerships.setAccessibleName("Partnerships")
        self.partnerships.currentItemChanged.connect(self._partnership_selected)
        new_button = QPushButton("&New partnership")
        new_button.setAccessibleName("New partnership")
        new_button.clicked.connect(self.new_partnership)
        self.sidebar = sidebar = QWidget()
        side = QVBoxLayout(sidebar)
        side.addWidget(QLabel("Partnerships"))
        side.addWidget(self.partnerships)
        side.addWidget(new_button)

        self.overview = QTextBrowser()
        self.overview.setObjectName("overview")
        self.overview.setAccessibleName("Overview")
        self.notes = NotesView()
        self.notes.save_requested.connect(self._save_note)
        self.notes.privacy_requested.connect(self._set_private)
        self.notes.new_requested.connect(self.new_note)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("search_field")
        self.search_field.setAccessibleName("Search this notebook")
        self.search_field.setPlaceholderText("Search notes, goals and next steps")
        self.search_field.textChanged.connect(self._search)
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setAccessibleName("Search results")
        self.results.itemActivated.connect(self._jump)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("notebook_tabs")
        self.tabs.addTab(self.overview, "&Overview")
        self.tabs.addTab(self.notes, "No&tes")
        self.tabs.addTab(_page(self.search_field, self.results), "&Search")

        welcome = QLabel(WELCOME)
        welcome.setWordWrap(True)
        welcome.setObjectName("welcome")
        unlock = QPushButton("&Unlock")
        unlock.setObjectName("unlock")
        unlock.setAccessibleName("Unlock")
        unlock.clicked.connect(self.unlock)
        self.lock_label = QLabel("Locked. Notebooks are closed; unlocking reads the keys from your keyring.")
        self.lock_label.setObjectName("lock_message")
        self.pages = QStackedWidget()
        self.welcome_page = _page(welcome)
        self.lock_page = _page(self.lock_label, unlock)
        for page in (self.welcome_page, self.tabs, self.lock_page):
            self.pages.addWidget(page)

        self.splitter = QSplitter()
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setSizes([260, 740])
        self.setCentralWidget(self.splitter)
        self._build_actions()

        self.idle_timer = QTimer(self, singleShot=True, interval=idle_lock_minutes * 60_000)
        self.idle_timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)

    # ----- actions -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&Notebook")
        for text, shortcut, slot in (
            ("&New partnership…", QKeySequence.StandardKey.New, self.new_partnership),
            ("New &note", QKeySequence("Ctrl+Shift+N"), self.new_note),
            ("&Find…", QKeySequence.StandardKey.Find, self.focus_search),
            ("&Lock", QKeySequence("Ctrl+L"), self.lock),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        user_input = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
        if event.type() in user_input and not self.locked:
            self.idle_timer.start()  # restart the idle countdown on every user input
        return False

    # ----- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """Open the notebooks (keyring reads happen here, after the window has painted)."""
        self.tasks.run(self.workspace.open_all, self._show_partnerships)
        self.idle_timer.start()

    def _show_partnerships(self, summaries: list[PartnershipSummary]) -> None:
        self.partnerships.clear()
        for summary in summaries:
            if summary.problem:
                item = QListWidgetItem(f"[Locked] notebook {summary.partnership_id[:8]}")
                item.setToolTip(summary.problem)
            else:
                when = f"\nnext: {meeting_label(summary.next_meeting)}" if summary.next_meeting else ""
                item = QListWidgetItem(f"{summary.title}\nwith {summary.partner}{when}")
            item.setData(ROLE_ID, None if summary.problem else summary.partnership_id)
            self.partnerships.addItem(item)
        self.pages.setCurrentWidget(self.tabs if summaries else self.welcome_page)
        target = self._current
        rows = [i for i in range(self.partnerships.count()) if self.partnerships.item(i).data(ROLE_ID)]
        chosen = next(
            (i for i in rows if self.partnerships.item(i).data(ROLE_ID) == target), rows[0] if rows else None
        )
        if chosen is not None:
            self.partnerships.setCurrentRow(chosen)

    def _partnership_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.notes.flush()
        self._current = item.data(ROLE_ID) if item else None
        self.refresh()

    def refresh(self, select_note: str | None = None) -> None:
        pid = self._current
        if pid is None:
            self.overview.clear()
            self.notes.clear()
            return
        workspace = self.workspace

        def job() -> tuple[NotebookSnapshot, str | None]:
            store = workspace.store(pid)
            return store.snapshot(), workspace.next_meeting(store)

        self.tasks.run(job, lambda result: self._show_snapshot(pid, *result, select_note))

    def _show_snapshot(
        self, pid: str, snap: NotebookSnapshot, next_meeting: str | None, select_note: str | None
    ) -> None:
        if pid != self._current or self.locked:
            return
        self.overview.setHtml(overview_html(snap, next_meeting))
        self.notes.show_notes(snap.notes, select_note)
        self.setWindowTitle(f"{snap.title} — {APP_NAME}")

    # ----- editing -------------------------------------------------------------------------

    def new_partnership(self) -> None:
        dialog = NewPartnershipDialog(self)
        dialog.setObjectName("new_partnership_dialog")
        dialog.accepted.connect(
            lambda: self._create(dialog.me.text(), dialog.partner.text(), dialog.title.text())
        )
        dialog.open()
        self.new_partnership_dialog = dialog

    def _create(self, me: str, partner: str, title: str) -> None:
        library, workspace = self.workspace.library, self.workspace

        def job() -> tuple[str, str]:
            created = library.create(me, partner, title)
            workspace.add(created.store)
            return created.recovery_code, created.store.partnership_id

        def done(result: tuple[str, str]) -> None:
            code, self._current = result
            self.tasks.run(workspace.open_all, self._show_partnerships)
            self.recovery_dialog = RecoveryCodeDialog(code, self)
            self.recovery_dialog.setObjectName("recovery_code_dialog")
            self.recovery_dialog.open()

        self.tasks.run(job, done)

    def new_note(self) -> None:
        pid = self._current
        if pid is None or self.locked:
            return
        store_of = self.workspace.store
        self.tabs.setCurrentWidget(self.notes)
        self.tasks.run(lambda: store_of(pid).add_note("New note"), lambda note: self._note_created(note))

    def _note_created(self, note: Note) -> None:
        self.refresh(select_note=note.id)
        self.notes.editor.setFocus()
        self.notes.editor.selectAll()

    def _save_note(self, note_id: str, body: str) -> None:
        pid, store_of = self._current, self.workspace.store
        if pid is None:
            return
        self.tasks.run(lambda: store_of(pid).update_note(note_id, body), self.notes.note_saved)

    def _set_private(self, note_id: str, private: bool) -> None:
        pid, store_of = self._current, self.workspace.store
        if pid is not None:
            self.tasks.run(lambda: store_of(pid).set_note_private(note_id, private), self.notes.note_saved)

    # ----- search --------------------------------------------------------------------------

    def focus_search(self) -> None:
        if self._current and not self.locked:
            self.tabs.setCurrentIndex(2)
            self.search_field.setFocus()
            self.search_field.selectAll()

    def _search(self, text: str) -> None:
        pid, store_of = self._current, self.workspace.store
        if pid is None:
            return
        self.tasks.run(lambda: store_of(pid).search(text), lambda hits: self._show_hits(text, hits))

    def _show_hits(self, text: str, hits: list[SearchHit]) -> None:
        if text != self.search_field.text():
            return  # an older answer arriving after newer typing
        self.results.clear()
        for hit in hits:
            snippet = " ".join(hit.snippet.replace(MARK_START, "«").replace(MARK_END, "»").split())
            lock = PRIVATE_MARK if hit.private else ""
            item = QListWidgetItem(f"{lock}{hit.kind}: {snippet}")
            item.setData(ROLE_ID, (hit.kind, hit.record_id))
            self.results.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(ROLE_ID)
        if kind == "note":
            self.tabs.setCurrentWidget(self.notes)
            self.refresh(select_note=record_id)
        else:
            self.tabs.setCurrentWidget(self.overview)

    # ----- lock and close ------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.notes.flush()
        self.locked = True
        self.idle_timer.stop()
        self.tasks.run_and_wait(self.workspace.close_all)
        self.notes.clear()
        self.overview.clear()
        self.results.clear()
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.partnerships.blockSignals(True)
        self.partnerships.clear()
        self.partnerships.blockSignals(False)
        self.setWindowTitle(f"{APP_NAME} — locked")
        self.pages.setCurrentWidget(self.lock_page)
        self.sidebar.setEnabled(False)

    def unlock(self) -> None:
        self.locked = False
        self.sidebar.setEnabled(True)
        self.load()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes.flush()
        self.tasks.run_and_wait(self.workspace.close_all)  # waits for the last save first
        self.tasks.shutdown()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
