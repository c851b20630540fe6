"""The runner's page for a talk stage: who speaks and who coaches, a large clock with its
cues, start/pause and extensions, the session notes and the curious-stance hint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from peercoach_desktop.coaching.sessions import RunnerState
from peercoach_desktop.domain.session_timer import WARNING_SECONDS, SessionTimer
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.session.session_widgets import minutes_seconds, named


class TurnPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = named(QLabel(), "turn_roles", translate("SessionPages", "Who speaks and who coaches"))
        self.roles.setTextFormat(Qt.TextFormat.PlainText)  # phase and peer names are typed by users
        font = self.roles.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.roles.setFont(font)
        self.clock = named(
            QLabel("15:00"), "turn_clock", translate("SessionPages", "Time left in this phase")
        )
        big = QFont(self.clock.font())
        big.setPointSizeF(big.pointSizeF() * 4.5)
        big.setBold(True)
        self.clock.setFont(big)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setAutoFillBackground(True)
        self.cue = named(QLabel(), "turn_cue", translate("SessionPages", "Time cue"))
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start = named(
            QPushButton(translate("SessionPages", "Start (Space)")),
            "start_pause",
            translate("SessionPages", "Start or pause the clock"),
        )
        self.extend_one = named(
            QPushButton(translate("SessionPages", "+1 min (+)")),
            "extend_one",
            translate("SessionPages", "Extend this phase by one minute"),
        )
        self.extend_five = named(
            QPushButton(translate("SessionPages", "+5 min")),
            "extend_five",
            translate("SessionPages", "Extend this phase by five minutes"),
        )
        self.swap = named(
            QPushButton(translate("SessionPages", "Next phase")),
            "swap_roles",
            translate("SessionPages", "Next phase"),
        )
        buttons = QHBoxLayout()
        for button in (self.start, self.extend_one, self.extend_five, self.swap):
            buttons.addWidget(button)
        self.notes = named(QPlainTextEdit(), "coach_notes", translate("SessionPages", "Session notes"))
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes, never a keyboard trap
        self.notes.setPlaceholderText(
            translate("SessionPages", "Notes for this session (saved as you type, shared with your partner)")
        )
        self.nudge = named(QLabel(), "curious_nudge", translate("SessionPages", "Curious-stance hint"))
        self.nudge.setWordWrap(True)
        self.nudge.setForegroundRole(QPalette.ColorRole.Link)
        layout = QVBoxLayout(self)
        layout.addWidget(self.roles)
        layout.addWidget(self.clock)
        layout.addWidget(self.cue)
        layout.addLayout(buttons)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.nudge)

    def tab_stops(self) -> list[QWidget]:
        """The clock's buttons first (Space starts it from any of them), then the notes."""
        return [self.start, self.extend_one, self.extend_five, self.swap, self.notes]

    def show_time(self, remaining: float, allowance: float, running: bool, cue_level: int) -> None:
        if remaining >= 0:
            self.clock.setText(minutes_seconds(remaining))
            self.clock.setAccessibleDescription(
                translate("SessionPages", "{time} left").format(time=minutes_seconds(remaining))
            )
        else:
            self.clock.setText(f"+{minutes_seconds(remaining)}")
            self.clock.setAccessibleDescription(
                translate("SessionPages", "{time} over time").format(time=minutes_seconds(remaining))
            )
        self.start.setText(
            translate("SessionPages", "Pause (Space)")
            if running
            else translate("SessionPages", "Start (Space)")
        )
        # cue_level 0: calm; 1: two minutes left; 2: time is up. Palette roles read in dark and light.
        highlighted = cue_level > 0
        self.clock.setBackgroundRole(
            QPalette.ColorRole.Highlight if highlighted else QPalette.ColorRole.Window
        )
        self.clock.setForegroundRole(
            QPalette.ColorRole.HighlightedText if highlighted else QPalette.ColorRole.WindowText
        )
        calm = (
            translate("SessionPages", "left of {time}")
            if running
            else translate("SessionPages", "left of {time} — paused")
        ).format(time=minutes_seconds(allowance))
        warning = translate("SessionPages", "Two minutes left.")
        over = translate("SessionPages", "Time is up — overtime is counted; go on when ready.")
        self.cue.setText([calm, warning, over][cue_level])

    def show_stage(self, timer: SessionTimer, state: RunnerState) -> None:
        """The current talk stage: who speaks, the clock, the cue and where "next" leads."""
        stage = timer.stage
        assert stage is not None
        last = timer.index == len(timer.stages) - 1
        remaining, allowance = timer.remaining(), timer.allowance[timer.index]
        warned = allowance > WARNING_SECONDS and remaining <= WARNING_SECONDS  # as the timer's cue
        speaker = timer.speaker
        roles = (
            translate("SessionRunner", "{speaker} speaks · {coach} coaches").format(
                speaker=state.name(speaker), coach=state.name(timer.other(speaker))
            )
            if speaker is not None
            else translate("SessionRunner", "Both peers talk")
        )
        self.roles.setText(f"{stage.name}: {roles}")
        self.show_time(remaining, allowance, timer.running, 2 if remaining <= 0 else 1 if warned else 0)
        following = (
            timer.stages[timer.index + 1].name if not last else translate("SessionRunner", "End session")
        )
        self.swap.setText(f"{following.replace('&', '&&')} ▶")
        self.swap.setAccessibleName(translate("SessionRunner", "Next phase: {name}").format(name=following))
