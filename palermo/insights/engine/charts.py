"""Server-side SVG charts: accessible (role="img", a title and a description that states
every value), in the Okabe-Ito palette that colour-blind readers can tell apart, laid out
right to left when the page is, and honest about suppressed values, which are drawn as a
marked gap with a label rather than as a zero. Pages put the data table beside each chart.

Text is passed in already translated; this module only lays it out and escapes it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

# Okabe & Ito (2008), "Color universal design"; black last, for a ninth series.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#999999", "#000000")
SUPPRESSED = "suppressed"
WIDTH = 640
HEIGHT = 320
_MARGIN_TOP = 40
_MARGIN_BOTTOM = 60
_MARGIN_SIDE = 56
# Characters XML 1.0 cannot hold at all, even escaped; a label with one is shown with U+FFFD.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def bar_chart(title: str, categories: Sequence[str], series: Mapping[str, Sequence[int | None]],
              *, rtl: bool = False, unit: str = "", suppressed_label: str = SUPPRESSED) -> str:
    """Grouped vertical bars, one group per category, one bar per series."""
    _check(categories, series)
    plot = _Plot(title, series, rtl=rtl, unit=unit)
    names = list(series)
    group = plot.inner_width / max(len(categories), 1)
    bar = group * 0.8 / max(len(names), 1)
    parts: list[str] = []
    for c, category in enumerate(categories):
        for s, name in enumerate(names):
            value = series[name][c]
            x = plot.x(c * group + group * 0.1 + s * bar, bar)
            if value is None:
                parts.append(_suppressed_marker(x, bar, plot.y(0), suppressed_label))
                continue
            top = plot.y(value)
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar * 0.9:.1f}" '
                f'height="{plot.y(0) - top:.1f}" fill="{_colour(s)}">'
                f"<title>{_text(category)}, {_text(name)}: {value}{_text(unit)}</title></rect>")
        parts.append(_axis_label(plot.x(c * group, group) + group / 2, HEIGHT - _MARGIN_BOTTOM
                                 + 16, category))
    description = _describe(categories, series, unit, suppressed_label)
    return plot.render(parts, description)


def line_chart(title: str, x_labels: Sequence[str], series: Mapping[str, Sequence[int | None]],
               *, rtl: bool = False, suppressed_label: str = SUPPRESSED) -> str:
    """One line per series; a suppressed point breaks the line and is marked."""
    _check(x_labels, series)
    plot = _Plot(title, series, rtl=rtl, unit="")
    step = plot.inner_width / max(len(x_labels) - 1, 1)
    parts: list[str] = []
    for s, name in enumerate(series):
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(series[name]):
            x = plot.x(i * step, 0)
            if value is None:
                parts.append(_suppressed_marker(x - 4, 8, plot.y(0), suppressed_label))
                runs.append([])
                continue
            runs[-1].append((x, plot.y(value)))
            parts.append(f'<circle cx="{x:.1f}" cy="{plot.y(value):.1f}" r="3.5" '
                         f'fill="{_colour(s)}"><title>{_text(x_labels[i])}, {_text(name)}: '
                         f"{value}</title></circle>")
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                dash = ' stroke-dasharray="6 3"' if s % 2 else ""
                parts.append(f'<polyline points="{points}" fill="none" stroke="{_colour(s)}" '
                             f'stroke-width="2.5"{dash}/>')
    for i, label in enumerate(x_labels):
        parts.append(_axis_label(plot.x(i * step, 0), HEIGHT - _MARGIN_BOTTOM + 16, label))
    return plot.render(parts, _describe(x_labels, series, "", suppressed_label))


class _Plot:
    def __init__(self, title: str, series: Mapping[str, Sequence[int | None]], *, rtl: bool,
                 unit: str) -> None:
        self.title = title
        self.series = series
        self.rtl = rtl
        self.unit = unit
        values = [v for values in series.values() for v in values if v is not None]
        self.top = _nice_ceiling(max(values, default=0))
        self.inner_width = WIDTH - 2 * _MARGIN_SIDE
        self.inner_height = HEIGHT - _MARGIN_TOP - _MARGIN_BOTTOM

    def x(self, offset: float, width: float) -> float:
        """Offset from the reading start: the left edge, or the right one in RTL."""
        if self.rtl:
            return WIDTH - _MARGIN_SIDE - offset - width
        return _MARGIN_SIDE + offset

    def y(self, value: float) -> float:
        return _MARGIN_TOP + self.inner_height * (1 - value / self.top)

    def render(self, parts: list[str], description: str) -> str:
        direction = ' direction="rtl"' if self.rtl else ""
        axis_x = WIDTH - _MARGIN_SIDE if self.rtl else _MARGIN_SIDE
        # Under direction="rtl" SVG reads "start" as the right edge, so the logical anchors
        # are the same in both directions; only the positions are mirrored.
        tick_anchor = "end"
        tick_x = axis_x + 6 if self.rtl else axis_x - 6
        grid = []
        # Whole-number gridlines where the scale allows: 50 in fives of 10, not fours of 12.5.
        steps = next((n for n in (5, 4, 2) if self.top % n == 0), 4)
        for tick in range(steps + 1):
            value = self.top * tick / steps
            y = self.y(value)
            grid.append(f'<line x1="{_MARGIN_SIDE}" x2="{WIDTH - _MARGIN_SIDE}" y1="{y:.1f}" '
                        f'y2="{y:.1f}" stroke="#dddddd"/>'
                        f'<text x="{tick_x}" y="{y + 4:.1f}" text-anchor="{tick_anchor}" '
                        f'font-size="11">{_format(value)}</text>')
        title_x = WIDTH - _MARGIN_SIDE if self.rtl else _MARGIN_SIDE
        # ids unique per chart, so several charts on one page each name their own title
        ident = "chart-" + hashlib.sha256((self.title + description).encode()).hexdigest()[:10]
        title_anchor = "start"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif"{direction} '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{_text(self.title)}</title>'
            f'<desc id="{ident}-desc">{_text(description)}</desc>'
            f'<text x="{title_x}" y="22" font-size="15" font-weight="bold" '
            f'text-anchor="{title_anchor}">{_text(self.title)}</text>'
            + "".join(grid)
            + f'<line x1="{axis_x}" x2="{axis_x}" y1="{_MARGIN_TOP}" y2="{self.y(0):.1f}" '
            'stroke="#333333"/>'
            + "".join(parts) + self._legend() + "</svg>")

    def _legend(self) -> str:
        items = []
        y = HEIGHT - 18
        for s, name in enumerate(self.series):
            offset = s * (self.inner_width / max(len(self.series), 1))
            x = self.x(offset, 12)
            text_x = x - 4 if self.rtl else x + 16
            anchor = "start"
            items.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" '
                         f'fill="{_colour(s)}"/><text x="{text_x:.1f}" y="{y}" font-size="12" '
                         f'text-anchor="{anchor}">{_text(name)}</text>')
        return "".join(items) if len(self.series) > 1 else ""


def _suppressed_marker(x: float, width: float, baseline: float, label: str) -> str:
    """A hatched outline on the baseline with the word, so it cannot pass for a zero."""
    middle = x + width / 2
    return (f'<g class="suppressed"><rect x="{x:.1f}" y="{baseline - 24:.1f}" '
            f'width="{max(width * 0.9, 6):.1f}" height="24" fill="none" stroke="#000000" '
            f'stroke-dasharray="3 2"/><text x="{middle:.1f}" y="{baseline - 28:.1f}" '
            f'font-size="10" text-anchor="middle">{_text(label)}</text>'
            f"<title>{_text(label)}</title></g>")


def _axis_label(x: float, y: float, text: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="middle">{_text(text)}</text>'


def _describe(labels: Sequence[str], series: Mapping[str, Sequence[int | None]], unit: str,
              suppressed_label: str) -> str:
    lines = []
    for name, values in series.items():
        shown = ", ".join(f"{label}: {suppressed_label if v is None else f'{v}{unit}'}"
                          for label, v in zip(labels, values, strict=True))
        lines.append(f"{name}: {shown}")
    return "; ".join(lines)


def _check(labels: Sequence[str], series: Mapping[str, Sequence[int | None]]) -> None:
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
        for value in values:
            if value is not None and (not isinstance(value, int | float) or value < 0):
                raise ValueError(f"series {name!r}: {value!r} is not a count")


def _nice_ceiling(value: float) -> float:
    if value <= 5:
        return 5  # counts: a scale of 0-5 in whole steps rather than fractions of 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _colour(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]


def _text(value: str) -> str:
    return escape(_XML_ILLEGAL.sub("\ufffd", str(value)), {'"': "&quot;"})
