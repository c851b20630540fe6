"""The main window's body: the partnerships sidebar and the stacked pages (welcome,
notebook, lock). Built right after the window's first paint, so the frame appears at
once and this fills it a few milliseconds later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import local_time, named

if TYPE_CHECKING:
    from peercoach_desktop.vault.partnership_summary import PartnershipSummary

ROLE_SUMMARY = Qt.ItemDataRole.UserRole

WELCOME = QT_TRANSLATE_NOOP(
    "MainFrame",
    "<h2>Welcome to PeerCoach Desktop</h2>"
    "<p>It keeps the goals, sessions, notes and next steps of each peer-coaching partnership in its own "
    "notebook on this laptop, encrypted with a key held by your system keyring.</p>"
    "<p>Nothing is sent anywhere. Start with a new partnership (Ctrl+N).</p>",
)
LOCKED = QT_TRANSLATE_NOOP(
    "MainFrame", "Locked. Notebooks are closed; unlocking reads the keys from your keyring."
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


class MainFrame(QSplitter):
    new_requested = Signal()
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_splitter")
        self.partnerships = named(QListWidget(), "partnerships", translate("MainFrame", "Partnerships"))
        new_button = named(
            QPushButton(translate("MainFrame", "&New partnership")),
            "new_partnership",
            translate("MainFrame", "New partnership"),
        )
        new_button.clicked.connect(self.new_requested)
        self.sidebar = QWidget()
        side = QVBoxLayout(self.sidebar)
        heading = QLabel(translate("MainFrame", "&Partnerships"))
        heading.setBuddy(self.partnerships)
        side.addWidget(heading)
        side.addWidget(self.partnerships)
        side.addWidget(new_button)

        welcome = named(QLabel(translate("MainFrame", WELCOME)), "welcome", translate("MainFrame", "Welcome"))
        welcome.setWordWrap(True)
        unlock = named(
            QPushButton(translate("MainFrame", "&Unlock")), "unlock", translate("MainFrame", "Unlock")
        )
        unlock.setMinimumWidth(160)
        unlock.clicked.connect(self.unlock_requested)
        self.lock_label = named(
            QLabel(translate("MainFrame", LOCKED)), "lock_message", translate("MainFrame", "Locked")
        )
        self.pages = QStackedWidget()
        self.opening_page = QWidget()
        self.welcome_page = _page(welcome)
        self.lock_page = _page(self.lock_label, unlock, centred=True)
        for page in (self.opening_page, self.welcome_page, self.lock_page):
            self.pages.addWidget(page)
        self.addWidget(self.sidebar)
        self.addWidget(self.pages)
        self.setSizes([260, 840])

    def show_summaries(self, summaries: list[PartnershipSummary]) -> None:
        """List the partnerships; a notebook that did not open shows no title, only why."""
        self.partnerships.blockSignals(True)
        self.partnerships.clear()
        for summary in summaries:
            if summary.problem:
                # Here, not at the top: the dialogs module's Qt types are set up on first use,
                # and the frame is built between the first paint and the first notebook.
                from peercoach_desktop.ui.infra.dialogs import message_text

                item = QListWidgetItem(
                    translate("MainFrame", "[Locked] notebook {id}").format(id=summary.partnership_id[:8])
                )
                item.setToolTip(message_text(summary.error) if summary.error else summary.problem)
            else:
                when = ""
                if summary.next_meeting:
                    when = "\n" + translate("MainFrame", "next: {when}").format(
                        when=local_time(summary.next_meeting)
                    )
                with_partner = translate("MainFrame", "with {partner}").format(partner=summary.partner)
                item = QListWidgetItem(f"{summary.title}\n{with_partner}{when}")
            item.setData(ROLE_SUMMARY, summary)
            self.partnerships.addItem(item)
        self.partnerships.blockSignals(False)

    def summary(self, item: QListWidgetItem) -> PartnershipSummary:
        return item.data(ROLE_SUMMARY)
