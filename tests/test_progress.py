"""Progress: meetings held and planned, follow-through and talk time per month, goal status
over time; the same figures in the window's tables."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle

from peercoach_desktop.coaching.progress import progress
from peercoach_desktop.domain.model import Session, SessionStatus, StepStatus
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.shell.main_window import MainWindow


def fill(store: NotebookStore) -> None:
    held = store.add_session("2026-03-02T10:00")
    store.change_record(
        held, status=SessionStatus.DONE, seconds_by_speaker={store.me_id: 900, store.partner().id: 600}
    )
    store.add_session("2026-03-20T10:00")
    goal = store.add_goal("me", "Delegate")
    done = store.add_step("me", "Ask Kim")
    store.add_step("partner", "Book the room")
    store.set_step_status(done.id, StepStatus.DONE)
    store.clock.advance(seconds=3600)
    store.set_goal_status(goal.id, "achieved")


def test_months_and_goal_changes(store: NotebookStore) -> None:
    fill(store)
    data = progress(store)
    march = next(m for m in data.months if m.month == "2026-03")
    assert (march.held, march.planned) == (1, 1)
    assert march.spoken == {store.me_id: 900, store.partner().id: 600}
    assert [(c.goal.title, c.status) for c in data.goal_changes] == [
        ("Delegate", "active"),
        ("Delegate", "achieved"),
    ]
    step_month = next(m for m in data.months if m.steps_set)
    assert step_month.rate(store.me_id) == 1.0 and step_month.rate(store.partner().id) == 0.0
    assert [s.status for s in store.list(Session)].count(SessionStatus.DONE) == 1


def test_the_progress_tab_shows_the_figures_in_tables(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    from peercoach_desktop.ui.infra.theme import apply_palette

    before = qapp.palette()
    apply_palette(qapp, "dark")  # as a user with the dark theme sees it
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: fill(window.workspace.store(pid)))
    view = window.notebook.progress
    window.notebook.setCurrentWidget(view)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(view.talk.series and view.follow.series))  # right after the tables
    chart = view.talk.chart()  # axes and legend laid out: the plot starts below the legend
    try:
        # once the data has arrived (idle): the bars must not cover the axes and legend
        assert chart.plotArea().top() >= chart.legend().geometry().bottom() > 0
        assert chart.plotArea().left() > 20  # room left of the plot for the 0%..100% axis
    finally:
        qapp.setPalette(before)
    rows = [
        [view.months.item(r, c).text() for c in range(view.months.columnCount())]
        for r in range(view.months.rowCount())
    ]
    assert ["2026-03", "1", "1", "0/0", "0/0", "15 min", "10 min"] in rows
    goals = [view.goals.item(r, 2).text() for r in range(view.goals.rowCount())]
    assert goals == ["Active", "Achieved"]  # status labels, as in the goals tab
    assert view.talk.accessibleDescription()  # the chart points a screen reader to the table


def test_what_counts_as_held_planned_and_done(store: NotebookStore) -> None:
    me, partner = store.me_id, store.partner().id
    cancelled = store.add_session("2026-05-04T10:00")
    store.change_record(cancelled, status=SessionStatus.CANCELLED)
    running = store.add_session("2026-05-30T10:00")  # planned for May, started in June
    store.change_record(running, status=SessionStatus.RUNNING, started_at="2026-06-01T09:00:00.000Z")
    for seconds, deleted in (({me: 90.9, partner: 30}, False), ({me: 600}, True)):
        done = store.change_record(store.add_session("2026-06-10T10:00"), status=SessionStatus.DONE)
        store.change_record(done, seconds_by_speaker=seconds, deleted=deleted)
    dropped = store.add_step("partner", "Book the room")
    store.set_step_status(dropped.id, StepStatus.DROPPED)
    months = {m.month: m for m in progress(store).months}
    may, june = months["2026-05"], months["2026-06"]
    assert (may.held, may.planned) == (0, 0)  # only a cancelled meeting: listed, with zeros
    assert (june.held, june.planned) == (1, 1)  # the deleted session counts for nothing
    assert june.spoken == {me: 90, partner: 30}
    step_month = next(m for m in months.values() if m.steps_set)
    assert step_month.steps_set == {partner: 1} and step_month.rate(partner) == 0.0


def test_the_charts_can_be_read(qtbot: QtBot, qapp: object) -> None:
    from PySide6.QtGui import QColor

    from peercoach_desktop.ui.infra.theme import DARK, LIGHT, Role, _palette
    from peercoach_desktop.ui.notebook.month_chart import MonthBars, contrast, series_colours

    chart = MonthBars("Follow-through")
    qtbot.addWidget(chart)
    chart.resize(800, 220)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_series([("2026-03", 0.5, 0.0), ("2026-04", None, 1.0)], "see the table", ("Ana", "Ben"))
    qtbot.waitUntil(lambda: chart.rect().contains(chart.plot_area().toRect()))  # laid out
    assert chart.month_labels() == ["Mar 2026", "Apr"]  # in words, not "26-03"; the year once
    bars = chart.bars()
    zero = next(b for b in bars if b.which == 1 and b.text == "0%")
    assert zero.rect.height() >= 3  # 0 of 1 done: a visible stub, not a missing bar
    assert [b.text for b in bars] == ["50%", "0%", "100%"]  # each value written at its bar
    full = next(b for b in bars if b.text == "100%")
    assert (
        full.rect.top() >= chart.plot_area().top()
        and chart.plot_area().top() > chart.fontMetrics().height() * 2
    )
    for colours in (LIGHT, DARK):  # both bars against each other and the background: at least 3:1
        palette = _palette(colours, "#808080")
        me, partner = series_colours(palette)
        background = QColor(colours[Role.Window])
        assert min(contrast(me, partner), contrast(me, background), contrast(partner, background)) >= 3
    image = chart.grab().toImage()  # the stub is painted in the partner's colour
    centre = zero.rect.center().toPoint()
    assert image.pixelColor(centre.x(), int(zero.rect.bottom()) - 1) == series_colours(chart.palette())[1]
    axis_labels = [a.labelFormat() for a in chart.chart().axes() if hasattr(a, "labelFormat")]
    assert axis_labels == ["%d%%"]  # the value axis reads 0%, 50%, 100%
    assert [s.label() for s in chart.chart().series()[0].barSets()] == ["Ana", "Ben"]  # the legend
    chart.setPalette(_palette(DARK, "#808080"))  # the desktop turns dark: so does the chart
    qtbot.waitUntil(lambda: chart.bars() and chart.rect().contains(chart.plot_area().toRect()))
    image = chart.grab().toImage()
    area = chart.plot_area()  # above the stub, at 75 %: the chart's background
    assert image.pixelColor(centre.x(), int(area.top() + area.height() / 4)) == QColor(DARK[Role.Window])
    assert image.pixelColor(centre.x(), int(zero.rect.bottom()) - 1) == series_colours(chart.palette())[1]


def test_pointing_at_a_bar_tells_its_value(qtbot: QtBot, qapp: object) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip

    from peercoach_desktop.ui.notebook.month_chart import MonthBars

    chart = MonthBars("Talk time")
    qtbot.addWidget(chart)
    chart.resize(800, 240)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_series([("2026-03", 0.6, 0.4), ("2026-04", 0.25, 0.75)], "see the table", ("Ana", "Ben"))
    qtbot.waitUntil(lambda: chart.rect().contains(chart.plot_area().toRect()))  # laid out
    bar = next(b for b in chart.bars() if b.text == "75%")
    point = bar.rect.center().toPoint()
    qtbot.mouseMove(chart.viewport(), point - QPoint(0, 5))
    qtbot.mouseMove(chart.viewport(), point)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "75%" in QToolTip.text())
    assert QToolTip.text() == "Apr 2026, Ben: 75%"


def test_the_chart_library_loads_only_with_the_progress_tab() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import peercoach_desktop.ui.shell.main_window\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
        "import peercoach_desktop.ui.notebook.progress_view\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]  # start-up does not pay for QtCharts
