"""The main window: partnerships on the left, the selected notebook's tabs on the right,
a lock page that hides everything, and the window-wide actions and preferences.

Every notebook call is a job on the worker (ui.tasks); widgets render what comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop import APP_NAME
from peercoach_desktop.core.errors import KeyringError
from peercoach_desktop.core.library import Library
from peercoach_desktop.core.workspace import PartnershipSummary, Workspace
from peercoach_desktop.ui.access import NotebookAccess
from peercoach_desktop.ui.dialogs import (
    NewPartnershipDialog,
    PassphraseDialog,
    RecoveryCodeDialog,
    show_error,
)
from peercoach_desktop.ui.notebook_view import NotebookView
from peercoach_desktop.ui.preferences_dialog import PreferencesDialog
from peercoach_desktop.ui.settings import Preferences
from peercoach_desktop.ui.tasks import Tasks
from peercoach_desktop.ui.theme import apply_theme
from peercoach_desktop.ui.widgets import local_time, named

ROLE_SUMMARY = Qt.ItemDataRole.UserRole
WELCOME = (
    "<h2>Welcome to PeerCoach Desktop</h2>"
    "<p>It keeps the goals, sessions, notes and next steps of each peer-coaching partnership in its own "
    "notebook on this laptop, encrypted with a key held by your system keyring.</p>"
    "<p>Nothing is sent anywhere. Start with a new partnership (Ctrl+N).</p>"
)


def _page(*widgets: QWidget, centred: bool = False) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    if centred:
        layout.addStretch()
    for widget in widgets:
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag(0))
    layout.addStretch()
    return page


class MainWindow(QMainWindow):
    def __init__(self, library: Library, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.preferences = preferences or Preferences()
        self.workspace = Workspace(library)
        self.tasks = Tasks(self)
        self.tasks.failed.connect(lambda error: show_error(self, error))
        self.access = NotebookAccess(self.tasks, self.workspace, self)
        self.setWindowTitle(APP_NAME)
        self.locked = False

        self.partnerships = named(QListWidget(), "partnerships", "Partnerships")
        self.partnerships.currentItemChanged.connect(self._partnership_selected)
        new_button = named(QPushButton("&New partnership"), "new_partnership", "New partnership")
        new_button.clicked.connect(lambda: self.new_partnership())
        self.sidebar = sidebar = QWidget()
        side = QVBoxLayout(sidebar)
        heading = QLabel("&Partnerships")
        heading.setBuddy(self.partnerships)
        side.addWidget(heading)
        side.addWidget(self.partnerships)
        side.addWidget(new_button)

        self.notebook = NotebookView(self.access, library.clock)
        self.notebook.meeting_planned.connect(self.refresh_sidebar)
        welcome = named(QLabel(WELCOME), "welcome", "Welcome")
        welcome.setWordWrap(True)
        unlock = named(QPushButton("&Unlock"), "unlock", "Unlock")
        unlock.clicked.connect(self.unlock)
        self.lock_label = named(
            QLabel("Locked. Notebooks are closed; unlocking reads the keys from your keyring."),
            "lock_message",
            "Locked",
        )
        self.pages = QStackedWidget()
        self.welcome_page = _page(welcome)
        unlock.setMinimumWidth(160)
        self.lock_page = _page(self.lock_label, unlock, centred=True)
        for page in (self.welcome_page, self.notebook, self.lock_page):
            self.pages.addWidget(page)

        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setSizes([260, 840])
        self.setCentralWidget(self.splitter)
        self._build_actions()
        self._restore_window_state()

        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self.lock)
        self.apply_preferences()
        QApplication.instance().installEventFilter(self)

    # ----- actions -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        notebook = self.menuBar().addMenu("&Notebook")
        edit = self.menuBar().addMenu("&Edit")
        view = self.notebook
        for menu, text, shortcut, slot in (
            (notebook, "&New partnership…", QKeySequence.StandardKey.New, lambda: self.new_partnership()),
            (notebook, "&Lock", QKeySequence("Ctrl+L"), self.lock),
            (notebook, "&Preferences…", QKeySequence("Ctrl+,"), self.open_preferences),
            (notebook, "&Quit", QKeySequence.StandardKey.Quit, self.close),
            (edit, "New &note", QKeySequence("Ctrl+Shift+N"), lambda: self._in_notebook(view.notes.new_note)),
            (edit, "New &goal", QKeySequence("Ctrl+Shift+G"), lambda: self._in_notebook(view.goals.new_goal)),
            (edit, "New next &step", QKeySequence("Ctrl+Shift+S"), lambda: self._in_notebook(self._new_step)),
            (edit, "&Find…", QKeySequence.StandardKey.Find, lambda: self._in_notebook(view.focus_search)),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.addAction(action)
        for number in range(6):  # Alt+1…6 also reach the tabs
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{number + 1}"))
            action.triggered.connect(
                lambda _c=False, n=number: self._in_notebook(lambda: view.setCurrentIndex(n))
            )
            self.addAction(action)

    def _in_notebook(self, act: object) -> None:
        if self.access.partnership_id is not None and not self.locked:
            self.pages.setCurrentWidget(self.notebook)
            act()  # type: ignore[operator]

    def _new_step(self) -> None:
        self.notebook.setCurrentWidget(self.notebook.steps)
        self.notebook.steps.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        user_input = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
        if event.type() in user_input and not self.locked:
            self.idle_timer.start()  # restart the idle countdown on every user input
        return False

    # ----- preferences and window state ----------------------------------------------------

    def open_preferences(self) -> None:
        self.preferences_dialog = PreferencesDialog(self.preferences, self)
        self.preferences_dialog.setObjectName("preferences_dialog")
        self.preferences_dialog.accepted.connect(self.apply_preferences)
        self.preferences_dialog.open()

    def apply_preferences(self) -> None:
        self.idle_timer.setInterval(self.preferences.get("idle_lock_minutes") * 60_000)
        if self.idle_timer.isActive():
            self.idle_timer.start()
        self.notebook.sessions.turn_minutes = self.preferences.get("turn_minutes")
        apply_theme(QApplication.instance(), self.preferences.get("theme"))

    def _restore_window_state(self) -> None:
        geometry = self.preferences.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)
        splitter = self.preferences.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _save_window_state(self) -> None:
        self.preferences.save_window_state("geometry", self.saveGeometry())
        self.preferences.save_window_state("splitter", self.splitter.saveState())
        self.preferences.sync()

    def bring_forward(self) -> None:
        """Another launch for this data dir asked us to come forward."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    # ----- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """Open the notebooks (keyring reads happen here, after the window has painted)."""
        self.tasks.run(self.workspace.open_all, self._show_partnerships)
        self.idle_timer.start()

    def refresh_sidebar(self) -> None:
        if not self.locked:
            self.tasks.run(self.workspace.open_all, self._show_partnerships)

    def _show_partnerships(self, summaries: list[PartnershipSummary]) -> None:
        if self.locked:
            return
        target = self.access.partnership_id
        self.partnerships.blockSignals(True)
        self.partnerships.clear()
        for summary in summaries:
            if summary.problem:
                item = QListWidgetItem(f"[Locked] notebook {summary.partnership_id[:8]}")
                item.setToolTip(summary.problem)
            else:
                when = f"\nnext: {local_time(summary.next_meeting)}" if summary.next_meeting else ""
                item = QListWidgetItem(f"{summary.title}\nwith {summary.partner}{when}")
            item.setData(ROLE_SUMMARY, summary)
            self.partnerships.addItem(item)
        self.partnerships.blockSignals(False)
        self.pages.setCurrentWidget(self.notebook if summaries else self.welcome_page)
        usable = [i for i in range(self.partnerships.count()) if not self._summary(i).problem]
        chosen = next((i for i in usable if self._summary(i).partnership_id == target), None)
        if chosen is None and usable:
            chosen = usable[0]
        if chosen is not None:
            self.partnerships.setCurrentRow(chosen)
        elif summaries and summaries[0].needs_passphrase and len(summaries) == 1:
            self.partnerships.setCurrentRow(0)  # the only notebook: ask for its passphrase now
        else:
            self._select(None)

    def _summary(self, row: int) -> PartnershipSummary:
        return self.partnerships.item(row).data(ROLE_SUMMARY)

    def _partnership_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        summary: PartnershipSummary | None = item.data(ROLE_SUMMARY) if item else None
        if summary is not None and summary.needs_passphrase:
            self._ask_passphrase(summary.partnership_id)
            return
        if summary is not None and summary.problem:
            show_error(self, KeyringError(summary.problem))
            return
        self._select(summary.partnership_id if summary else None)

    def _select(self, partnership_id: str | None) -> None:
        if partnership_id == self.access.partnership_id:
            return
        self.notebook.flush()
        self.notebook.clear()
        self.access.select(partnership_id)
        if partnership_id is not None:
            self.notebook.load()
        else:
            self.setWindowTitle(APP_NAME)

    def _ask_passphrase(self, partnership_id: str) -> None:
        dialog = PassphraseDialog(f"Passphrase for notebook {partnership_id[:8]}:", self)
        dialog.setObjectName("passphrase_dialog")
        self.passphrase_dialog = dialog
        workspace = self.workspace

        def opened(summary: PartnershipSummary) -> None:
            self.access.partnership_id = None  # so the refresh selects the opened notebook
            self._select(summary.partnership_id)
            self.refresh_sidebar()

        def unlock() -> None:
            passphrase = dialog.passphrase.text()
            dialog.passphrase.clear()
            self.tasks.run(lambda: workspace.open_with_passphrase(partnership_id, passphrase), opened)

        dialog.accepted.connect(unlock)
        dialog.open()

    # ----- creating ------------------------------------------------------------------------

    def new_partnership(self, keyring_problem: str | None = None) -> None:
        if self.locked:
            return
        dialog = NewPartnershipDialog(self, keyring_problem=keyring_problem)
        dialog.setObjectName("new_partnership_dialog")
        dialog.accepted.connect(
            lambda: self._create(
                dialog.me.text(), dialog.partner.text(), dialog.title.text(), dialog.chosen_passphrase()
            )
        )
        dialog.open()
        self.new_partnership_dialog = dialog

    def _create(self, me: str, partner: str, title: str, passphrase: str | None) -> None:
        library, workspace = self.workspace.library, self.workspace

        def job() -> tuple[str, str]:
            created = library.create(me, partner, title, passphrase=passphrase)
            workspace.add(created.store)
            return created.recovery_code, created.store.partnership_id

        def done(result: tuple[str, str]) -> None:
            code, partnership_id = result
            self.notebook.flush()
            self.notebook.clear()
            self.access.select(partnership_id)
            self.notebook.load()
            self.refresh_sidebar()
            self.recovery_dialog = RecoveryCodeDialog(code, self)
            self.recovery_dialog.setObjectName("recovery_code_dialog")
            self.recovery_dialog.open()

        def failed(error: BaseException) -> None:
            if isinstance(error, KeyringError):
                self.new_partnership(keyring_problem=str(error))  # offer the passphrase notebook
            else:
                show_error(self, error)

        self.tasks.run(job, done, failed)

    # ----- lock and close ------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.notebook.flush()
        self.locked = True
        self.idle_timer.stop()
        self.tasks.run_and_wait(self.workspace.close_all)  # the flushed saves run first
        self.access.select(None)
        self.notebook.clear()
        self.partnerships.blockSignals(True)
        self.partnerships.clear()
        self.partnerships.blockSignals(False)
        self.setWindowTitle(f"{APP_NAME} — locked")
        self.pages.setCurrentWidget(self.lock_page)
        self.sidebar.setEnabled(False)
        self.sidebar.hide()

    def unlock(self) -> None:
        self.locked = False
        self.sidebar.setEnabled(True)
        self.sidebar.show()
        self.load()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notebook.flush()
        self._save_window_state()
        self.tasks.run_and_wait(self.workspace.close_all)  # waits for the last save first
        self.tasks.shutdown()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
