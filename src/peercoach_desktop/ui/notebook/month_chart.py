"""A bar chart of two peers' shares per month, drawn by QtCharts: a legend, a 0–100 % axis
with grid lines, each bar's value written above it and shown on hover, months in words, and
a zero drawn as a visible stub.

QtCharts rather than pyqtgraph: it imports in ~4 ms against ~600 ms for pyqtgraph and
numpy, and follows QLocale and the palette like the rest of the window; the bundle takes
only its 3.9 MiB of chart libraries (see pyproject.toml). This module is imported only when
the Progress tab first opens (notebook_view.py). The table under the charts holds every
figure for screen readers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QEvent, QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

from peercoach_desktop.ui.infra.i18n import percent, translate

# Two colours per theme, each at least 3:1 against the chart's background and against
# each other (WCAG 2.1, non-text contrast); the partner's bars are hatched as well.
COLOURS = {
    "light": ("#0b2e6b", "#d35f00"),  # navy, orange
    "dark": ("#e8f0ff", "#c45a00"),  # pale blue, deep orange
}
ZERO_STUB = 3.0  # px: a bar for 0 of 1 is seen, not missing
BAR_WIDTH = 0.8  # of a month's slot, shared by the two bars


@dataclass(frozen=True)
class Bar:
    rect: QRectF  # in the widget's coordinates
    which: int  # 0: me, 1: partner
    text: str  # the value written above it


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def series_colours(palette: QPalette) -> tuple[QColor, QColor]:
    me, partner = COLOURS["dark" if is_dark(palette) else "light"]
    return QColor(me), QColor(partner)


def short_month(year_month: str, *, with_year: bool = True) -> str:
    """'2026-03' as 'Mar 2026' / 'März 2026' (the locale's short month name and the year), or
    'Mar' / 'März' without the year."""
    first = QDate.fromString(f"{year_month}-01", "yyyy-MM-dd")
    if not first.isValid():
        return year_month
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English)  # words, not "26-03", even under LANG=C
    return locale.toString(first, "MMM yyyy" if with_year else "MMM")


def hatched(colour: QColor, background: QColor) -> QBrush:
    """The colour with thin diagonal lines in the background's: told apart not by colour alone."""
    tile = QPixmap(8, 8)
    tile.fill(colour)
    painter = QPainter(tile)
    painter.setPen(QPen(background, 1))
    painter.drawLine(0, 7, 7, 0)
    painter.end()
    return QBrush(tile)


class MonthBars(QChartView):
    """Two bars a month (me, partner), each a share 0..1 or None (nothing to show)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMinimumHeight(220)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.series: list[tuple[str, float | None, float | None]] = []  # month, me, partner
        self.names = ("", "")
        self._labels: list[QGraphicsSimpleTextItem] = []
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.plotAreaChanged.connect(lambda _area: self._place_labels())
        self.setChart(chart)

    def set_series(
        self,
        series: list[tuple[str, float | None, float | None]],
        summary: str,
        names: tuple[str, str] = ("", ""),
    ) -> None:
        self.series = series[-12:]  # the last twelve months
        self.names = names
        self.setAccessibleDescription(summary)  # the table below holds every figure
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switched: the chart's colours too
            self._rebuild()

    # ----- geometry (also what the tests check) --------------------------------------------

    def plot_area(self) -> QRectF:
        return self.mapFromScene(self.chart().mapToScene(self.chart().plotArea())).boundingRect().toRectF()

    def bars(self) -> list[Bar]:
        found: list[Bar] = []
        series = self._bar_series()
        if series is None:
            return found
        for index, (_month, *values) in enumerate(self.series):
            for which, value in enumerate(values):
                if value is None:
                    continue
                share = max(0.0, min(1.0, value))
                left = index - BAR_WIDTH / 2 + which * BAR_WIDTH / 2
                top_left = self._to_view(QPointF(left, self._drawn(share)), series)
                bottom_right = self._to_view(QPointF(left + BAR_WIDTH / 2, 0.0), series)
                found.append(Bar(QRectF(top_left, bottom_right), which, percent(share)))
        return found

    def month_labels(self) -> list[str]:
        """The year on the first month and on each January only: "Sept. 2026" in German did not
        fit under its bars at 1280 px and was cut to "Sept. 2…"."""
        return [
            short_month(month, with_year=i == 0 or month.endswith("-01"))
            for i, (month, *_values) in enumerate(self.series)
        ]

    # ----- building the chart -----------------------------------------------------------------

    def _bar_series(self) -> QBarSeries | None:
        found = [s for s in self.chart().series() if isinstance(s, QBarSeries)]
        return found[0] if found else None

    def _to_view(self, value: QPointF, series: QBarSeries) -> QPointF:
        return QPointF(self.mapFromScene(self.chart().mapToScene(self.chart().mapToPosition(value, series))))

    def _drawn(self, share: float) -> float:
        """The height drawn on the 0..100 axis: a zero becomes a stub of ZERO_STUB pixels."""
        height = max(1.0, self.chart().plotArea().height())
        return max(100 * share, 100 * ZERO_STUB / height)

    def _rebuild(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        for label in self._labels:
            self.scene().removeItem(label)
        self._labels = []
        palette = self.palette()
        background, text = palette.color(QPalette.ColorRole.Window), palette.windowText().color()
        chart.setBackgroundBrush(background)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        if not any(value is not None for _month, *values in self.series for value in values):
            empty = translate("ProgressView", "No data yet.")
            chart.setTitle(f"{self.title}\n{empty}")
            chart.legend().hide()
            return
        chart.setTitle(self.title)
        chart.legend().setVisible(any(self.names))
        series = QBarSeries()
        series.setBarWidth(BAR_WIDTH)
        colours = series_colours(palette)
        for which, name in enumerate(self.names):
            bars = QBarSet(name)
            bars.setPen(QPen(Qt.PenStyle.NoPen))
            bars.setBrush(colours[0] if which == 0 else hatched(colours[1], background))
            bars.append([0.0] * len(self.series))  # heights set by _place_labels, once laid out
            series.append(bars)
        series.hovered.connect(self._hover)
        chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append(self.month_labels())
        shares = QValueAxis()
        shares.setRange(0, 100)
        shares.setTickCount(3)  # 0 %, 50 %, 100 %
        # "80%" / "80 %" as the locale writes; the format is printf-like, so its own % doubles
        shares.setLabelFormat(percent(0.0).replace("%", "%%").replace("0", "%d"))
        grid = QColor(text)
        grid.setAlphaF(0.25)
        for axis, where in ((months, Qt.AlignmentFlag.AlignBottom), (shares, Qt.AlignmentFlag.AlignLeft)):
            axis.setLabelsColor(text)
            axis.setLinePenColor(text)
            axis.setGridLineColor(grid)
            chart.addAxis(axis, where)
            series.attachAxis(axis)
        months.setGridLineVisible(False)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)  # two values side by side must not touch
        for _bar in self._values():
            label = QGraphicsSimpleTextItem()
            label.setBrush(text)
            label.setFont(small)
            label.setZValue(10)
            self.scene().addItem(label)
            self._labels.append(label)
        # Axes and legend added to a chart not on screen (a hidden tab, a palette change on
        # the way) are not always laid out again; without this the bars cover their place.
        chart.layout().invalidate()
        self._place_labels()

    def _values(self) -> list[tuple[int, int, float]]:
        """(month index, which, share) of each bar shown."""
        return [
            (index, which, max(0.0, min(1.0, value)))
            for index, (_month, *values) in enumerate(self.series)
            for which, value in enumerate(values)
            if value is not None
        ]

    def _place_labels(self) -> None:
        series = self._bar_series()
        if series is None:
            return
        # the stub's height in values depends on the plot's height in pixels
        for which, bars in enumerate(series.barSets()):
            for index, (_month, *values) in enumerate(self.series):
                bars.replace(index, self._drawn(values[which] or 0.0) if values[which] is not None else 0.0)
        for label, (index, which, share) in zip(self._labels, self._values(), strict=True):
            label.setText(percent(share))
            left = index - BAR_WIDTH / 2 + which * BAR_WIDTH / 2
            top = self.chart().mapToScene(
                self.chart().mapToPosition(QPointF(left + BAR_WIDTH / 4, self._drawn(share)), series)
            )
            width, height = label.boundingRect().width(), label.boundingRect().height()
            label.setPos(top.x() - width / 2, top.y() - height - 1)

    def _hover(self, status: bool, index: int, bars: QBarSet) -> None:
        """The month, the peer and the value under the pointer."""
        if not status or not 0 <= index < len(self.series):
            QToolTip.hideText()
            return
        series = self._bar_series()
        which = 0 if series is not None and series.barSets()[0] == bars else 1
        month, *values = self.series[index]
        value = values[which]
        if value is None:
            return
        QToolTip.showText(
            QCursor.pos(),
            translate("ProgressView", "{month}, {name}: {value}").format(
                month=short_month(month), name=bars.label(), value=percent(max(0.0, min(1.0, value)))
            ),
            self,
        )
