"""Box plots drawn on the server as SVG: no script, readable by a screen reader (role, title,
description, and the table the page shows beside it), Okabe–Ito colours that colour-blind
readers tell apart, and mirrored for a right-to-left page (the first group on the right,
the axis on the right)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BOX_FILL, BOX_LINE, MEDIAN, POINT, AXIS = "#56B4E9", "#0072B2", "#D55E00", "#000000", "#555555"
HEIGHT, TOP, BOTTOM, SIDE, STEP = 280, 16, 64, 48, 56


class Box(Protocol):
    label: str
    months: list[float]

    @property
    def median(self) -> float: ...
    @property
    def quartiles(self) -> tuple[float, float]: ...
    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...


def _nice_top(value: float) -> tuple[float, float]:
    """A round top for the axis and the distance between its ticks."""
    if value <= 0:
        return 12.0, 3.0
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    tick = next(t * power for t in (1, 2, 2.5, 5, 10) if t * power >= raw)
    return tick * math.ceil(value / tick), tick


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def boxplot(groups: Sequence[Box], *, chart_id: str, title: str, description: str,
            axis_label: str, rtl: bool = False) -> SafeString:
    width = max(320, 2 * SIDE + STEP * len(groups))
    top, tick = _nice_top(max((g.high for g in groups), default=0))
    plot_h = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    def x(index: int) -> float:
        centre = SIDE + STEP * (index + 0.5)
        return width - centre if rtl else centre

    axis_x = width - SIDE if rtl else SIDE
    anchor_axis = "start" if rtl else "end"
    label_dx = 6 if rtl else -6
    direction = ' direction="rtl"' if rtl else ""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" '
             f'width="{width}" height="{HEIGHT}" role="img" class="chart" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc"'
             f'{direction}>',
             f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
             f'<line x1="{axis_x}" y1="{TOP}" x2="{axis_x}" y2="{TOP + plot_h}" '
             f'stroke="{AXIS}"/>']
    value = 0.0
    while value <= top + 1e-9:
        parts.append(f'<line x1="{SIDE}" x2="{width - SIDE}" y1="{y(value):.1f}" '
                     f'y2="{y(value):.1f}" stroke="#dddddd"/>'
                     f'<text x="{axis_x + label_dx}" y="{y(value) + 4:.1f}" font-size="11" '
                     f'text-anchor="{anchor_axis}" fill="{AXIS}">{_num(value)}</text>')
        value += tick
    middle = TOP + plot_h / 2
    side_x = width - 12 if rtl else 12
    parts.append(f'<text x="{side_x}" y="{middle:.1f}" font-size="11" fill="{AXIS}" '
                 f'text-anchor="middle" transform="rotate({90 if rtl else -90} {side_x} '
                 f'{middle:.1f})">{escape(axis_label)}</text>')
    for index, group in enumerate(groups):
        cx = x(index)
        q1, q3 = group.quartiles
        half = STEP * 0.3
        parts.append(
            f'<g class="box"><title>{escape(group.label)}: {len(group.months)} · '
            f'{_num(group.low)}–{_num(group.high)} · {_num(group.median)}</title>'
            f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(group.high):.1f}" '
            f'y2="{y(group.low):.1f}" stroke="{BOX_LINE}"/>'
            f'<rect x="{cx - half:.1f}" y="{y(q3):.1f}" width="{2 * half:.1f}" '
            f'height="{max(1.0, y(q1) - y(q3)):.1f}" fill="{BOX_FILL}" stroke="{BOX_LINE}"/>'
            f'<line x1="{cx - half:.1f}" x2="{cx + half:.1f}" y1="{y(group.median):.1f}" '
            f'y2="{y(group.median):.1f}" stroke="{MEDIAN}" stroke-width="3"/>')
        for months in group.months:
            parts.append(f'<circle cx="{cx:.1f}" cy="{y(months):.1f}" r="2.5" '
                         f'fill="{POINT}" fill-opacity="0.6"/>')
        short = group.label if len(group.label) <= 14 else group.label[:13] + "…"
        parts.append(f'<text x="{cx:.1f}" y="{TOP + plot_h + 16}" font-size="11" '
                     f'text-anchor="end" transform="rotate(-35 {cx:.1f} {TOP + plot_h + 16})"'
                     f'>{escape(short)}</text></g>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
