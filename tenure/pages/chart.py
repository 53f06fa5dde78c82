"""The company page's leadership chart: an SVG drawn on the server from leadership spans.

One row per span, grouped by role (chief executive first, see spans.seat_order), on a shared
time axis. How an end is drawn says how much is known about it:

- open (no departure yet): the bar runs to today and ends in an arrow;
- uncertain (month or year precision): solid to the first day the date stands for, then hatched
  to its last day, so "left in 2024" covers 2024 rather than pinning January 1;
- undated end: the bar stops short with a dotted tail and a "?";
- unknown or undated start (an unmatched departure, an undated appointment): a dotted outline
  from the axis start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from tenure.pages.display import show_date
from tenure.timelines.spans import Span, SpanEnd, seat_order

__all__ = ["leadership_chart", "span_label", "span_period"]

WIDTH = 960
LABEL_WIDTH = 300
RIGHT_PAD = 40
ROW = 30
BAR = 16
AXIS = 34
_STUB_DAYS = 120  # how long an undated end's bar is drawn before its "?"


def span_label(span: Span) -> str:
    role = span.role or "role not reported"
    return f"{'interim ' if span.interim else ''}{role}"


def span_period(span: Span) -> str:
    start = _end_text(span.start) if span.start else "start not reported"
    end = "now" if span.end is None else _end_text(span.end)
    return f"{start} – {end}"


def _end_text(end: SpanEnd) -> str:
    text = show_date(end.date, end.date_precision)
    return f"{text} ({end.status})" if end.status and end.status != "completed" else text


def leadership_chart(spans: Sequence[Span], today: dt.date) -> Markup:
    rows = sorted(spans, key=lambda s: (seat_order(s.role), _first_day(s) or dt.date.min))
    if not rows:
        return Markup("")
    first, last = _range(rows, today)
    height = AXIS + ROW * len(rows) + 10
    scale = _Scale(first, last)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Leadership chart</title>',
        f'<desc id="chart-desc">{len(rows)} role spans from {first.year} to {last.year}; '
        "the table below lists the same spans.</desc>",
        "<defs>"
        '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#1f5f99"/></pattern>'
        "</defs>",
        *_axis(scale, height),
    ]
    for index, span in enumerate(rows):
        parts.extend(_row(span, AXIS + index * ROW, scale, today))
    parts.append("</svg>")
    return Markup("".join(parts))


class _Scale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        self.days = max((last - first).days, 1)

    def x(self, day: dt.date) -> float:
        plot = WIDTH - LABEL_WIDTH - RIGHT_PAD
        clamped = min(max(day, self.first), self.last)
        return round(LABEL_WIDTH + (clamped - self.first).days / self.days * plot, 1)


def _first_day(span: Span) -> dt.date | None:
    bounds = span.start.bounds if span.start else None
    return bounds[0] if bounds else None


def _range(rows: Sequence[Span], today: dt.date) -> tuple[dt.date, dt.date]:
    days = [today]
    for span in rows:
        for end in (span.start, span.end):
            bounds = end.bounds if end else None
            if bounds:
                days.extend(bounds)
    return dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 1, 1)


def _axis(scale: _Scale, height: int) -> list[str]:
    years = range(scale.first.year, scale.last.year + 1)
    step = max(1, len(years) // 10)
    parts = []
    for year in years[::step]:
        x = scale.x(dt.date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{x}" y1="{AXIS - 8}" x2="{x}" y2="{height}"/>')
        parts.append(f'<text class="year" x="{x}" y="{AXIS - 14}" text-anchor="middle">{year}</text>')
    return parts


def _row(span: Span, top: int, scale: _Scale, today: dt.date) -> list[str]:
    y = top + (ROW - BAR) // 2
    mid = top + ROW // 2 + 5
    label = f"{span.person.name} · {span_label(span)}"
    tooltip = escape(f"{span.person.name}, {span_label(span)}: {span_period(span)}")
    parts = [
        f'<g class="span"><title>{tooltip}</title>',
        f'<a href="/p/{span.person.id}"><text class="label" x="8" y="{mid}">{escape(_clip(label))}</text></a>',
    ]
    start_day = _first_day(span)
    x0 = scale.x(start_day) if start_day else scale.x(scale.first)
    # A start no article dated is drawn as an outline from the axis start, never as a fact.
    kind = "bar" if start_day else "unknown-start"
    end_bounds = span.end.bounds if span.end else None
    if span.end is None:
        x1 = max(scale.x(today), x0 + 4)
        parts.append(_rect(kind, x0, y, x1 - x0))
        parts.append(f'<path class="arrow" d="M{x1},{y - 3} l10,{BAR // 2 + 3} l-10,{BAR // 2 + 3} z"/>')
    elif end_bounds is None:  # ended, date unknown
        x1 = max(scale.x((start_day or scale.first) + dt.timedelta(days=_STUB_DAYS)), x0 + 4)
        parts.append(_rect(kind, x0, y, x1 - x0))
        parts.append(
            f'<line class="undated" x1="{x1}" y1="{y + BAR / 2}" x2="{x1 + 24}" y2="{y + BAR / 2}"/>'
        )
        parts.append(f'<text class="mark" x="{x1 + 28}" y="{mid}">?</text>')
    else:
        x1 = max(scale.x(end_bounds[0]), x0 + 2)
        parts.append(_rect(kind, x0, y, x1 - x0))
        if span.end.uncertain:
            x2 = max(scale.x(end_bounds[1] + dt.timedelta(days=1)), x1 + 3)
            parts.append(_rect("uncertain", x1, y, x2 - x1))
    parts.append("</g>")
    return parts


def _rect(kind: str, x: float, y: int, width: float) -> str:
    return f'<rect class="{kind}" x="{x}" y="{y}" width="{round(width, 1)}" height="{BAR}" rx="2"/>'


def _clip(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
