"""A disputed figure drawn at build time: inline SVG, no JavaScript.

Each source's value is plotted against its publication date when every value has
one (how a figure changed over time), else as one bar per source (how it differs by
source). Colours come from the page's CSS variables, so the chart follows the light,
dark and print themes; <title> and <desc> carry the same figures as text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..models import Article, Disagreement
from .format import human_date

WIDTH = 600
ROW = 30  # height of one bar
LABEL = 170  # room for source names left of the bars
PLOT_HEIGHT = 200


@dataclass(frozen=True)
class Point:
    """One value of the disputed figure, on one day, and who reports it."""

    sources: tuple[str, ...]  # the sources that give this value on this day
    value: float
    label: str  # the value as the first source wrote it
    published: str | None

    @property
    def shown(self) -> str:
        """The value as a label: the number, or the source's word for a vague quantity
        ("dozens" is plotted at its middle but never shown as a precise figure)."""
        if any(ch.isdigit() for ch in self.label):
            return compact(self.value)
        return _clip(self.label.split()[0], 14) if self.label.split() else compact(self.value)

    @property
    def source(self) -> str:
        """The sources as a short label: "Alpha", or "Alpha +2"."""
        first = _clip(self.sources[0], 22)
        return first if len(self.sources) == 1 else f"{first} +{len(self.sources) - 1}"


def points(d: Disagreement, names: dict[str, str], articles: dict[str, Article]
           ) -> list[Point]:
    """One point per value and day (per value when undated), naming every source that
    gives it; only claims that have a number."""
    found: dict[tuple[str, float], tuple[list[str], str]] = {}
    for claim in d.claims:
        if claim.number is None:
            continue
        for ref in claim.support:
            article = articles.get(ref.article)
            if article is None:
                continue
            day = (claim.published or article.published or "")[:10]
            sources, _ = found.setdefault((day, claim.number), ([], claim.value))
            if names[ref.article] not in sources:
                sources.append(names[ref.article])
    return sorted((Point(tuple(sources), value, label, day or None)
                   for (day, value), (sources, label) in found.items()),
                  key=lambda p: (p.published or "", p.value, p.sources))


def compact(value: float) -> str:
    """A short axis label: 7000000000 -> "7bn", 1500 -> "1.5k"."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def _day(iso: str | None) -> int | None:
    """The day of an ISO date as a number to plot, or None when it has no full date."""
    try:
        return dt.date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return None


def unit_note(d: Disagreement) -> str:
    """The unit to show after the figure's label, " (km)"; nothing when the label already
    names it ("aid (USD)"; "how many missiles" for the counted noun's stem "missil") or
    when it tells a reader nothing (`date`). The unit is the analysis's unit of `number`,
    not written for readers. templates/macros.html applies the same rule to headings."""
    unit = d.unit or ""
    if not unit or unit == "date" or unit.lower() in d.about.lower():
        return ""
    return f" ({unit})"


def describe(d: Disagreement, pts: list[Point]) -> str:
    """The chart as a sentence (its text alternative)."""
    unit = unit_note(d)
    parts = [f"{', '.join(p.sources)}: {p.label}"
             + (f", {human_date(p.published)}" if p.published else "") for p in pts]
    return f"{_capitalised(d.about)}{unit}, by source: " + "; ".join(parts) + "."


def chart(d: Disagreement, names: dict[str, str], articles: dict[str, Article],
          ident: str) -> Markup | None:
    """The SVG for one disagreement, or None when fewer than two values have a number."""
    pts = points(d, names, articles)
    if len({p.value for p in pts}) < 2:
        return None
    days = [day for p in pts if (day := _day(p.published)) is not None]
    over_time = len(days) == len(pts) and len(set(days)) > 1
    body = _timeline(pts, days, d.kind == "update") if over_time else _bars(pts)
    height = PLOT_HEIGHT + 26 if over_time else ROW * len(pts) + 10
    title = _capitalised(d.about) + (" over time" if over_time else " by source")
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(describe(d, pts))}</desc>{body}</svg>')


def _bars(pts: list[Point]) -> str:
    """One labelled bar per value, longest for the largest."""
    top = max(p.value for p in pts) or 1
    room = WIDTH - LABEL - 110
    rows = []
    for i, p in enumerate(pts):
        y = i * ROW + 5
        width = max(2.0, room * max(p.value, 0) / top)
        rows.append(
            f'<text class="label" x="{LABEL - 8}" y="{y + 17}" text-anchor="end">'
            f'{escape(p.source)}</text>'
            f'<rect class="bar" x="{LABEL}" y="{y + 4}" width="{width:.1f}" height="{ROW - 10}"/>'
            f'<text class="value" x="{LABEL + width + 6:.1f}" y="{y + 17}">'
            f'{escape(p.shown)}</text>')
    return "".join(rows)


def _timeline(pts: list[Point], days: list[int], trend: bool) -> str:
    """Values against dates; joined by a line only when they are successive updates."""
    left, right, top, bottom = 56, WIDTH - 20, 12, PLOT_HEIGHT
    first, last = min(days), max(days)
    peak = max(p.value for p in pts)
    high = peak * 1.1 or 1  # headroom above the highest dot for its label

    def x(day: int) -> float:
        return left + (right - left) * (day - first) / (last - first)

    def y(value: float) -> float:
        return bottom - (bottom - top) * max(value, 0) / high

    out = [f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
           f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>',
           f'<text class="tick" x="{left - 6}" y="{bottom}" text-anchor="end">0</text>',
           f'<text class="tick" x="{left - 6}" y="{y(peak) + 4:.1f}" '
           f'text-anchor="end">{escape(compact(peak))}</text>',
           f'<text class="tick" x="{left}" y="{bottom + 18}">'
           f'{escape(human_date(pts[0].published, time=False))}</text>',
           f'<text class="tick" x="{right}" y="{bottom + 18}" text-anchor="end">'
           f'{escape(human_date(pts[-1].published, time=False))}</text>']
    if trend:
        line = " ".join(f"{x(day):.1f},{y(p.value):.1f}"
                        for p, day in zip(pts, days, strict=True))
        out.append(f'<polyline class="trend" points="{line}"/>')
    for p, day in zip(pts, days, strict=True):
        anchor = "end" if x(day) > WIDTH * 0.7 else "start"
        shift = -8 if anchor == "end" else 8
        out.append(f'<circle class="dot" cx="{x(day):.1f}" cy="{y(p.value):.1f}" r="5"/>'
                   f'<text class="label" x="{x(day) + shift:.1f}" y="{y(p.value) - 8:.1f}" '
                   f'text-anchor="{anchor}">{escape(p.source)}: '
                   f'{escape(p.shown)}</text>')
    return "".join(out)


def _capitalised(text: str) -> str:
    """The text with its first letter in capitals and the rest as written ("NATO" stays)."""
    return text[:1].upper() + text[1:]


def _clip(text: str, width: int) -> str:
    """The text cut to `width` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"
