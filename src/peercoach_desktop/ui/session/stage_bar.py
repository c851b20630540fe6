"""The runner's stage bar: one button per stage of the session's protocol, then the
next-phase button. It scrolls sideways when a protocol has more stages than fit (up to
20 phases plus the check-in and next steps), so a long protocol never widens the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QStyle, QWidget

from peercoach_desktop.coaching.sessions import RunnerState
from peercoach_desktop.domain.session_timer import SessionTimer
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named


class StageBar(QScrollArea):
    stage_clicked = Signal(int)  # the stage's index

    def __init__(self, next_button: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        strip = QWidget()
        self._row = QHBoxLayout(strip)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(next_button)
        self.setWidget(strip)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        named(self, "stage_bar", translate("SessionRunner", "Phases of the session"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, not a control: Tab goes to its buttons

    def set_stages(self, timer: SessionTimer, state: RunnerState) -> None:
        """The buttons for this session's stages, before the next-phase button."""
        for index, stage in enumerate(timer.stages):
            speaker = timer.speaker_of(stage)
            about = (
                translate("SessionRunner", "Phase {n}: {name}, {speaker} speaks")
                if speaker
                else translate("SessionRunner", "Phase {n}: {name}")
            ).format(n=index + 1, name=stage.name, speaker=state.name(speaker))
            button = named(QPushButton(stage.name.replace("&", "&&")), f"phase_{index}", about)  # & is no key
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, i=index: self.stage_clicked.emit(i))
            self.buttons.append(button)
            self._row.insertWidget(index, button)
        # Room for the buttons and, if they do not all fit, the scroll bar under them.
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setFixedHeight(self.widget().sizeHint().height() + extent)

    def show_current(self, current: int) -> None:
        for index, button in enumerate(self.buttons):
            button.setChecked(index == current)
            font = button.font()
            font.setBold(index == current)
            button.setFont(font)
            if index == current:
                self.ensureWidgetVisible(button)  # a long protocol scrolls to it
