"""The main window: partnerships on the left, the selected notebook's tabs on the right,
a lock page that hides everything, and the window-wide actions and preferences.

Every notebook call is a job on the worker (ui.tasks); widgets render what comes back.
Start-up paints a light shell first: the notebook core (SQLCipher, keyring) is imported
and opened on the worker, and the notebook tabs are built while the keyring answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from peercoach_desktop import APP_NAME
from peercoach_desktop.ui.infra import file_choice
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.infra.theme import follow_system_scheme
from peercoach_desktop.ui.infra.window_host import OpenDialogs
from peercoach_desktop.ui.shell.first_paint import OnFirstPaint
from peercoach_desktop.ui.shell.locking import WindowLock
from peercoach_desktop.ui.shell.window_preferences import WindowPreferences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget

    from peercoach_desktop.ui.notebook.notebook_view import NotebookView
    from peercoach_desktop.ui.shell.first_screen_start import FirstScreenStart
    from peercoach_desktop.ui.shell.main_frame import MainFrame
    from peercoach_desktop.ui.shell.reminders import ReminderController
    from peercoach_desktop.vault.first_screen import ReadAhead
    from peercoach_desktop.vault.library import Library
    from peercoach_desktop.vault.partnership_summary import PartnershipSummary
    from peercoach_desktop.vault.workspace import Workspace


def show_error(parent: QWidget, error: BaseException) -> None:
    from peercoach_desktop.ui.infra.dialogs import show_error as show

    show(parent, error)


class MainWindow(QMainWindow):
    notebook: NotebookView  # built on first load, after the window has painted
    content_shown = Signal()  # a notebook's overview is on screen
    started = Signal()  # the first notebooks are listed: time for the rest of start-up

    def __init__(
        self, library: Library | Callable[[], Library], preferences: Preferences | None = None
    ) -> None:
        super().__init__()
        self.preferences = preferences or Preferences()
        self._library_source = library
        self.tasks = Tasks(self)
        self.tasks.failed.connect(lambda error: show_error(self, error))
        self.access = NotebookAccess(self.tasks, None, self)
        self.setWindowTitle(APP_NAME)
        self._built = False
        self._started = False
        self._finished_start = False
        self._backups_due = False
        self.undo_stack: list[tuple[str, object]] = []
        self.sync_folders: Any = None  # SyncFolders, made when the window has started
        self.dialogs = OpenDialogs()  # the last dialog of each kind, by name (window parts keep them)
        # Set by the app once the notebooks show (app.after_paint): kept alive with the window.
        self.instance_server: QObject | None = None
        self.screen_lock: QObject | None = None
        self._frame: MainFrame | None = None
        self._read_ahead: ReadAhead | None = None
        self.first_screen: FirstScreenStart | None = None  # start-up with a read-ahead
        self.shown_ahead = False  # the first screen came from the read-ahead, not opened here yet

        self.setCentralWidget(QWidget())  # the frame comes right after the first paint
        bar = self.menuBar()
        self._menus = (
            bar.addMenu(translate("MainWindow", "&Notebook")),
            bar.addMenu(translate("MainWindow", "&Edit")),
            bar.addMenu(translate("MainWindow", "&Partner")),
        )
        # Window parts as controllers: each sees the window only through its small Protocol.
        self.locking = WindowLock(self, self)
        self.idle_timer = self.locking.idle_timer
        self.window_preferences = WindowPreferences(self, self.idle_timer)
        self.window_preferences.restore_window_state()
        file_choice.remember_folders_in(self.preferences)  # file dialogs reopen the last folder
        self.window_preferences.apply()

        self.reminders: ReminderController | None = None
        self.started.connect(self._start_reminders)

    def _start_reminders(self) -> None:
        """With the first notebooks listed, not before: start-up does not wait for its imports."""
        from peercoach_desktop.ui.shell.reminders import ReminderController

        if self.reminders is None:
            self.reminders = ReminderController(self)
            self.reminders.start()

    # ----- what the controllers offer the rest of the app -------------------------------------

    @property
    def locked(self) -> bool:
        return self.locking.locked

    @property
    def built(self) -> bool:
        return self._built

    @property
    def actions_built(self) -> bool:
        return self._finished_start

    def lock(self) -> None:
        self.locking.lock()

    def panic_lock(self) -> None:
        self.locking.panic_lock()

    def unlock(self) -> None:
        self.locking.unlock()

    def when_unlocked(self, show: Callable[[], None], instead: str) -> None:
        self.locking.when_unlocked(show, instead)

    def open_preferences(self) -> None:
        self.window_preferences.open_dialog()

    def apply_preferences(self) -> None:
        self.window_preferences.apply()

    def splitter_state(self) -> QByteArray | None:
        return self._frame.saveState() if self._frame is not None else None

    # ----- actions -------------------------------------------------------------------------

    def in_notebook(self, act: Callable[[], object]) -> None:
        """Run a notebook action only when a notebook is open and shown."""
        if self._built and self.access.partnership_id is not None and not self.locked:
            self.pages.setCurrentWidget(self.notebook)
            act()

    # ----- the frame -----------------------------------------------------------------------

    def _build_frame(self) -> MainFrame:
        if self._frame is None:
            from peercoach_desktop.ui.shell.main_frame import MainFrame

            frame = MainFrame()
            frame.partnerships.currentItemChanged.connect(self._partnership_selected)
            frame.new_requested.connect(lambda: self.new_partnership())
            frame.unlock_requested.connect(self.unlock)
            state = self.preferences.window_state("splitter")
            if state is not None:
                frame.restoreState(state)
            self.setCentralWidget(frame)
            self._frame = frame
        return self._frame

    @property
    def splitter(self) -> MainFrame:
        return self._build_frame()

    @property
    def partnerships(self) -> QListWidget:
        return self._build_frame().partnerships

    @property
    def pages(self) -> QStackedWidget:
        return self._build_frame().pages

    @property
    def sidebar(self) -> QWidget:
        return self._build_frame().sidebar

    @property
    def welcome_page(self) -> QWidget:
        return self._build_frame().welcome_page

    @property
    def lock_page(self) -> QWidget:
        return self._build_frame().lock_page

    def _finish_start(self) -> None:
        """After the first notebooks show: menus' shortcuts (~15 ms to parse the first one),
        the scheme the desktop asks for, and whatever the app hooked on `started`. Once: the
        timer that also calls it covers a notebook whose overview never arrives."""
        if self._finished_start:
            return
        self._finished_start = True
        from peercoach_desktop.ui.partners.sync_folder import SyncFolders
        from peercoach_desktop.ui.shell.window_actions import build_actions

        # Watching every event for the idle lock: from here, not while the first notebook is
        # built and shown (each event class Python first sees has its type set up).
        self.locking.watch_input()
        self.sync_folders = SyncFolders(self)  # before the menus, which offer it
        build_actions(self, self._menus)
        self.window_preferences.apply_history_policy()
        self.locking.watch_clipboard()
        follow_system_scheme(QApplication.instance(), self.preferences.get("theme"))
        self.started.emit()

    def _finish_after_paint(self) -> None:
        """The rest of start-up (~60 ms on this thread) once the overview has painted its
        content, not between handing it the content and its paint."""
        viewport = self.notebook.overview.viewport()
        viewport.installEventFilter(OnFirstPaint(viewport, self._finish_start))

    def _after_content(self) -> None:
        """Once per load, when a notebook is on screen: today's backups (skipped when taken)."""
        if self._backups_due and self.access.workspace is not None:
            self._backups_due = False
            self.tasks.run(self.access.workspace.take_daily_backups, self.show_notices)

    def show_notices(self, notices: list[str]) -> None:
        if notices:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, "\n\n".join(notices), parent=self)
            box.setObjectName("notices")
            box.open()

    def load_after_first_paint(self, read_ahead: ReadAhead | None = None) -> None:
        """Start-up: let the window paint first, then build the frame and open the notebooks.

        With a read-ahead (vault.first_screen), its first screen shows as soon as it arrives,
        and this process opens the notebooks behind it."""
        self._read_ahead = read_ahead
        self._first_paint = OnFirstPaint(self, self._painted)
        self.installEventFilter(self._first_paint)

    def _painted(self) -> None:
        if self._read_ahead is None:
            self.load()  # the worker starts on the keyring while this thread builds the frame
            return
        from peercoach_desktop.ui.shell.first_screen_start import FirstScreenStart

        read_ahead, self._read_ahead = self._read_ahead, None
        self.first_screen = FirstScreenStart(self, read_ahead, self)

    @property
    def first_screen_read_ahead(self) -> bool:
        """For --check-startup: whether the first screen came from the read-ahead."""
        return self.first_screen is not None and self.first_screen.shown

    def show_frame(self) -> None:
        self._build_frame()

    def build_notebook(self) -> None:
        self._build()

    def bring_forward(self) -> None:
        """Another launch for this data dir asked us to come forward."""
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    # ----- loading -------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        assert self.access.workspace is not None, "load() first"
        return self.access.workspace

    def load(self) -> None:
        """Open the notebooks (keyring reads happen here, after the window has painted).

        The first time, the worker also imports the notebook core and builds the workspace,
        while this thread builds the frame and the notebook tabs."""
        self._backups_due = True
        if self.access.workspace is None:
            source, access = self._library_source, self.access

            def first_open() -> list[PartnershipSummary]:
                from peercoach_desktop.vault.workspace import Workspace

                library = source() if callable(source) else source
                access.workspace = Workspace(library, defer_daily_backups=True)
                return access.workspace.open_all()

            self.tasks.run(first_open, self._show_partnerships)
            self._build_frame()
            QTimer.singleShot(0, self._build)
        else:
            self._build_frame()
            self.tasks.run(self.workspace.open_all, self._show_partnerships)
        self.idle_timer.start()

    def _build(self) -> None:
        if self._built:
            return
        from peercoach_desktop.ui.notebook.notebook_view import NotebookView

        self.notebook = NotebookView(self.access)
        self.notebook.meeting_planned.connect(self.refresh_sidebar)
        self.notebook.content_shown.connect(self.content_shown)
        self.notebook.undoable.connect(self._remember)
        self.content_shown.connect(self._after_content)
        self.pages.addWidget(self.notebook)
        self._built = True
        self.notebook.set_turn_minutes(self.preferences.get("turn_minutes"))

    def refresh_sidebar(self) -> None:
        if not self.locked:
            self.tasks.run(self.workspace.open_all, self._show_partnerships)

    def _show_partnerships(self, summaries: list[PartnershipSummary]) -> None:
        from PySide6.QtCore import Qt

        if self.locked:
            return
        self._build()
        if not self._started:  # after the first notebook shows (or right away, with none)
            self._started = True
            if any(not summary.problem for summary in summaries):
                self.content_shown.connect(self._finish_after_paint, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(0 if all(s.problem for s in summaries) else 1000, self._finish_start)
        target = self.access.partnership_id
        shown_ahead, self.shown_ahead = self.shown_ahead, False
        self._build_frame().show_summaries(summaries)
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
        if shown_ahead and self.access.partnership_id == target:
            # Still the notebook the read-ahead showed: its overview again, from this process's
            # notebook now (the same words), which also fills any tab opened meanwhile.
            self.notebook.load()

    def _summary(self, row: int) -> PartnershipSummary:
        return self._build_frame().summary(self.partnerships.item(row))

    def _partnership_selected(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        summary = self._build_frame().summary(item) if item else None
        if summary is not None and summary.problem:
            # The list must keep showing which notebook is on screen: back to the previous row.
            self._restore_row(previous)
            if summary.needs_passphrase:
                self._ask_passphrase(summary.partnership_id)
            else:
                from peercoach_desktop.domain.errors import KeyringError

                error = summary.error or KeyringError(summary.problem)
                show_error(self, KeyringError(error.template, **error.fields))
            return
        self._select(summary.partnership_id if summary else None)

    def _restore_row(self, previous: QListWidgetItem | None) -> None:
        partnerships = self.partnerships
        partnerships.blockSignals(True)
        if previous is not None and self.access.partnership_id is not None:
            partnerships.setCurrentItem(previous)
        else:
            partnerships.setCurrentRow(-1)
        partnerships.blockSignals(False)

    def _select(self, partnership_id: str | None) -> None:
        if partnership_id == self.access.partnership_id:
            return
        self.notebook.flush()
        self.notebook.clear()
        self.access.select(partnership_id)
        self.undo_stack.clear()
        if partnership_id is not None:
            self.notebook.load()
        else:
            self.setWindowTitle(APP_NAME)

    def _ask_passphrase(self, partnership_id: str) -> None:
        from peercoach_desktop.ui.partners import partnership_flow

        partnership_flow.ask_passphrase(self, partnership_id)

    def new_partnership(self, keyring_problem: str | None = None) -> None:
        if self.locked or self.access.workspace is None:
            return  # still opening: the notebooks come first
        from peercoach_desktop.ui.partners import partnership_flow

        partnership_flow.new_partnership(self, keyring_problem)

    def _remember(self, what: str, job: object) -> None:
        from peercoach_desktop.ui.notebook_tools.trash_actions import remember

        remember(self, what, job)  # type: ignore[arg-type]

    def reload_notebook(self) -> None:
        """After a change made outside the tabs (trash, undo, history, conflicts): re-read the
        open notebook, keeping the tab and the record on screen."""
        if self._built and self.access.partnership_id is not None and not self.locked:
            self.notebook.flush()
            self.notebook.load()
            self.refresh_sidebar()

    def show_partnership(self, partnership_id: str) -> None:
        """Select and show a notebook that was just created, joined, restored or unlocked."""
        if partnership_id != self.access.partnership_id:
            self.undo_stack.clear()  # undo belongs to the notebook it was done in
        self._build()
        self.notebook.flush()
        self.notebook.clear()
        self.access.select(partnership_id)
        self.notebook.load()
        self.refresh_sidebar()

    # ----- lock and close ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        access = self.access
        try:
            if self._built:
                self.notebook.flush()
            # Waits for the last save first; a workspace still being opened is closed too.
            self.tasks.run_and_wait(lambda: access.workspace.close_all() if access.workspace else None, 60.0)
        except TimeoutError:
            event.ignore()  # still busy (a keyring prompt?): closing now could cut a save short
            from peercoach_desktop.domain.errors import PeerCoachError

            busy = translate("MainWindow", "Still saving your notebook. Try closing again in a moment.")
            show_error(self, PeerCoachError(busy))
            return
        self.window_preferences.save_window_state()
        self.tasks.shutdown()
        self.locking.stop_watching()
        super().closeEvent(event)
