"""The room view: what a projector shows while a whole group coaches in pairs.

One shared timer (the session runner's own state machine, coaching/workshop/agenda) runs the
agenda with the runner's cues; the screen shows the phase, the time, the coach's stance for the
phase and every table. Large type that reads from the back; palette colours, so light and dark
both work. Space starts/pauses, Ctrl+Right/Left moves between phases, F11 toggles full screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.workshop.agenda import Phase, room_timer, trio_turn_minutes
from peercoach_desktop.coaching.workshop.rounds import Table
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.domain.session_timer import SessionTimer
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.session.session_widgets import CueSound, minutes_seconds

TICK_MS = 250
TABLE_COLUMNS = 3


def _sized(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(max(9.0, font.pointSizeF()) * scale)
    font.setBold(bold)
    widget.setFont(font)


class RoomView(QDialog):
    def __init__(
        self,
        title: str,
        phases: list[Phase],
        tables: list[Table],
        clock: Clock,
        parent: QWidget | None = None,
        on_change: Callable[[dict[str, object]], None] | None = None,
        saved: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("room_view")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setAccessibleName(translate("RoomView", "Workshop room view"))
        self.phases = phases
        self.timer = room_timer(phases, clock)
        if saved:  # reopened during the hour: the room's clock went on meanwhile
            with contextlib.suppress(PeerCoachError, KeyError, TypeError, ValueError):
                restored = SessionTimer.from_dict(saved, clock)
                if [st.seconds for st in restored.stages] == [st.seconds for st in self.timer.stages]:
                    self.timer = restored
        self.sound = CueSound()
        self._on_change = on_change or (lambda _state: None)

        self.agenda = named(QListWidget(), "room_agenda", translate("RoomView", "Agenda"))
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for phase in phases:
            self.agenda.addItem(
                translate("RoomView", "{name} · {minutes} min").format(name=phase.name, minutes=phase.minutes)
            )
        _sized(self.agenda, 1.5)
        # Long phase names wrap rather than hide behind a scroll bar nobody can reach on a projector.
        self.agenda.setWordWrap(True)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setMinimumWidth(self.agenda.fontMetrics().averageCharWidth() * 30)

        self.phase = named(QLabel(), "room_phase", translate("RoomView", "Current phase"))
        _sized(self.phase, 2.6, bold=True)
        self.clock = named(QLabel(), "room_clock", translate("RoomView", "Shared timer"))
        _sized(self.clock, 7.0, bold=True)
        self.clock.setAutoFillBackground(True)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue = named(QLabel(), "room_cue", translate("RoomView", "Timer cue"))
        _sized(self.cue, 1.6)
        self.stance = named(QLabel(), "room_stance", translate("RoomView", "What to do now"))
        self.stance.setWordWrap(True)
        _sized(self.stance, 1.9)
        self.stance.setFrameShape(QFrame.Shape.StyledPanel)
        self.stance.setMargin(16)

        self.tables = QWidget()
        grid = QGridLayout(self.tables)
        grid.setHorizontalSpacing(28)
        self.table_labels: list[QLabel] = []
        trio = trio_turn_minutes(phases)
        for i, table in enumerate(tables):
            names = " · ".join(p.name for p in table.people)
            text = translate("RoomView", "{number}  {names}").format(number=table.number, names=names)
            if len(table.people) == 3:
                text += "  " + translate("RoomView", "(three: {minutes} min each)").format(minutes=trio)
            label = named(QLabel(text), f"room_table_{table.number}")
            label.setAccessibleName(translate("RoomView", "Table {number}").format(number=table.number))
            _sized(label, 1.7)
            label.setWordWrap(True)
            grid.addWidget(label, i // TABLE_COLUMNS, i % TABLE_COLUMNS)
            self.table_labels.append(label)

        self.start = named(QPushButton(), "room_start", translate("RoomView", "Start or pause the timer"))
        self.start.clicked.connect(self.toggle)
        self.next_button = named(
            QPushButton(translate("RoomView", "Next phase (Ctrl+→)")),
            "room_next",
            translate("RoomView", "Next phase"),
        )
        self.next_button.clicked.connect(self.next_phase)
        self.full = named(
            QPushButton(translate("RoomView", "Full screen (F11)")),
            "room_full_screen",
            translate("RoomView", "Full screen"),
        )
        self.full.clicked.connect(self.toggle_full_screen)
        for button in (self.start, self.next_button, self.full):
            _sized(button, 1.3)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the timer

        centre = QVBoxLayout()
        centre.addWidget(self.phase)
        centre.addWidget(self.clock)
        centre.addWidget(self.cue)
        centre.addWidget(self.stance, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.full)
        top = QHBoxLayout()
        top.addWidget(self.agenda)
        top.addLayout(centre, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(self.tables, 2)
        layout.addLayout(buttons)

        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Space), self.toggle),
            (QKeySequence("Ctrl+Right"), self.next_phase),
            (QKeySequence("Ctrl+Left"), self.previous_phase),
            (QKeySequence(Qt.Key.Key_F11), self.toggle_full_screen),
        ):
            QShortcut(keys, self, activated=slot)
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.render()

    # ----- the idle rule ---------------------------------------------------------------------

    @property
    def keeps_awake(self) -> bool:
        """The window does not lock on idle while the room's timer runs (the room is talking)."""
        return self.timer.running

    # ----- actions -------------------------------------------------------------------------

    def toggle(self) -> None:
        if not self.timer.done:
            self.timer.toggle()
            self._changed()

    def next_phase(self) -> None:
        if self.timer.index < len(self.timer.stages) - 1:
            self.timer.go_to(self.timer.index + 1)
            self._changed()

    def previous_phase(self) -> None:
        if 0 < self.timer.index < len(self.timer.stages):
            self.timer.go_to(self.timer.index - 1)
            self._changed()

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def tick(self) -> None:
        cues = self.timer.poll()
        for _cue in cues:  # the cue label shows which one; the sound draws the room's eyes to it
            self.sound.play()
        if cues:
            self._changed()
        else:
            self.render()

    def _changed(self) -> None:
        self._on_change(self.timer.to_dict())
        self.render()

    def done(self, result: int) -> None:
        self.ticker.stop()
        if self.timer.running:
            self.timer.pause()
            self._on_change(self.timer.to_dict())
        super().done(result)

    # ----- rendering -----------------------------------------------------------------------

    def render(self) -> None:
        timer = self.timer
        index = min(timer.index, len(self.phases) - 1)
        phase = self.phases[index]
        self.agenda.setCurrentRow(index)
        self.phase.setText(
            translate("RoomView", "{number}/{count}  {name}").format(
                number=index + 1, count=len(self.phases), name=phase.name
            )
        )
        self.stance.setText(phase.text)
        remaining = timer.remaining()
        self.clock.setText(minutes_seconds(remaining) if remaining >= 0 else f"+{minutes_seconds(remaining)}")
        self.clock.setAccessibleDescription(
            translate("RoomView", "{time} left").format(time=minutes_seconds(remaining))
            if remaining >= 0
            else translate("RoomView", "{time} over time").format(time=minutes_seconds(remaining))
        )
        level = 0 if remaining > 120 else 1 if remaining > 0 else 2
        highlighted = level > 0
        self.clock.setBackgroundRole(
            QPalette.ColorRole.Highlight if highlighted else QPalette.ColorRole.Window
        )
        self.clock.setForegroundRole(
            QPalette.ColorRole.HighlightedText if highlighted else QPalette.ColorRole.WindowText
        )
        calm = (
            translate("RoomView", "of {time}")
            if timer.running
            else translate("RoomView", "of {time} — paused")
        ).format(time=minutes_seconds(timer.allowance[index]))
        over = translate("RoomView", "Time is up — overtime is counted; move on when the room is ready.")
        self.cue.setText([calm, translate("RoomView", "Two minutes left."), over][level])
        self.start.setText(
            translate("RoomView", "Pause (Space)")
            if timer.running
            else translate("RoomView", "Start (Space)")
        )
