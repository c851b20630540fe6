"""A bar chart of two peers' shares per month: a legend, a 0–100 % axis with grid lines,
each bar's value written above it, months in words, and a zero drawn as a visible stub.

Painted with QPainter rather than a charting library: QtCharts comes only with
PySide6-Addons (a 175 MB wheel, 422 MB installed, for 4 MB of chart code) and pyqtgraph
brings numpy; two bar series a month need neither. The table under the charts holds every
figure for screen readers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from peercoach_desktop.ui.infra.i18n import percent, translate

# Two colours per theme, each at least 3:1 against the chart's background and against
# each other (WCAG 2.1, non-text contrast); the partner's bars are hatched as well.
COLOURS = {
    "light": ("#0b2e6b", "#d35f00"),  # navy, orange
    "dark": ("#e8f0ff", "#c45a00"),  # pale blue, deep orange
}
ZERO_STUB = 3.0  # px: a bar for 0 of 1 is seen, not missing


@dataclass(frozen=True)
class Bar:
    rect: QRectF
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


def short_month(year_month: str) -> str:
    """'2026-03' as 'Mar 2026' / 'März 2026' (the locale's short month name and the year)."""
    first = QDate.fromString(f"{year_month}-01", "yyyy-MM-dd")
    if not first.isValid():
        return year_month
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English)  # words, not "26-03", even under LANG=C
    return locale.toString(first, "MMM yyyy")


class MonthBars(QWidget):
    """Two bars a month (me, partner), each a share 0..1 or None (nothing to show)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMinimumHeight(200)
        self.series: list[tuple[str, float | None, float | None]] = []  # month, me, partner
        self.names = ("", "")

    def set_series(
        self,
        series: list[tuple[str, float | None, float | None]],
        summary: str,
        names: tuple[str, str] = ("", ""),
    ) -> None:
        self.series = series[-12:]  # the last twelve months
        self.names = names
        self.setAccessibleDescription(summary)  # the table below holds every figure
        self.update()

    # ----- geometry (also what the tests check) --------------------------------------------

    def plot_area(self) -> QRectF:
        axis = float(self.fontMetrics().horizontalAdvance(percent(1.0)) + 10)
        line = float(self.fontMetrics().height())
        # title, legend and a line for the values above full bars; the month names below
        return QRectF(axis, 3 * line + 10, max(1.0, self.width() - axis - 4), self.height() - 5 * line - 14)

    def bars(self) -> list[Bar]:
        area, found = self.plot_area(), []
        if not self.series:
            return found
        slot = area.width() / len(self.series)
        for index, (_month, *values) in enumerate(self.series):
            for which, value in enumerate(values):
                if value is None:
                    continue
                share = max(0.0, min(1.0, value))
                height = max(ZERO_STUB, area.height() * share)
                x = area.left() + index * slot + slot * (0.07 + 0.46 * which)
                found.append(
                    Bar(QRectF(x, area.bottom() - height, slot * 0.4, height), which, percent(share))
                )
        return found

    def month_labels(self) -> list[str]:
        return [short_month(month) for month, *_values in self.series]

    # ----- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette, metrics = self.palette(), self.fontMetrics()
        text, line = palette.windowText().color(), float(metrics.height())
        colours = series_colours(palette)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, self.title)
        if not any(value is not None for _month, *values in self.series for value in values):
            painter.drawText(
                QRectF(0, line + 4, self.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                translate("ProgressView", "No data yet."),
            )
            return
        self._legend(painter, colours, line)
        area = self.plot_area()
        grid = QColor(text)
        grid.setAlphaF(0.25)
        for share in (0.0, 0.5, 1.0):  # the axis: 0 %, 50 %, 100 %
            y = area.bottom() - area.height() * share
            painter.setPen(grid if share else text)
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, area.left() - 6, line), Qt.AlignmentFlag.AlignRight, percent(share)
            )
        small = painter.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)  # two values side by side must not touch
        normal = painter.font()
        painter.setFont(small)
        for bar in self.bars():
            self._bar(painter, bar, colours[bar.which])
            painter.setPen(text)
            label = QRectF(bar.rect.center().x() - 30, bar.rect.top() - line, 60, line)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, bar.text)
        painter.setFont(normal)
        slot = area.width() / len(self.series)
        for index, month in enumerate(self.month_labels()):
            box = QRectF(area.left() + index * slot, area.bottom() + 3, slot, line)
            painter.drawText(
                box,
                Qt.AlignmentFlag.AlignHCenter,
                metrics.elidedText(month, Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.end()

    def _bar(self, painter: QPainter, bar: Bar, colour: QColor) -> None:
        painter.fillRect(bar.rect, colour)
        if bar.which == 1 and bar.rect.height() > ZERO_STUB:  # hatched too: not by colour alone
            hatch = QColor(self.palette().color(QPalette.ColorRole.Window))
            painter.fillRect(bar.rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))

    def _legend(self, painter: QPainter, colours: tuple[QColor, QColor], line: float) -> None:
        x, y = 0.0, line + 4
        for which, name in enumerate(self.names):
            if not name:
                continue
            swatch = QRectF(x, y + 2, line - 4, line - 4)
            self._bar(painter, Bar(swatch, which, ""), colours[which])
            painter.setPen(self.palette().windowText().color())
            width = float(self.fontMetrics().horizontalAdvance(name))
            painter.drawText(QRectF(x + line, y, width + 4, line), Qt.AlignmentFlag.AlignLeft, name)
            x += line + width + 20
