"""Geometry of the report's inline SVG charts; the templates draw it.

Only numbers and labels leave this module: the templates escape the labels like
any other text, so a chart needs no markup built by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.engine.schema import LEVELS
from reports.analysis import Interpreter

LEVEL_COLOURS = {"language": "#2b6cb0", "data-model": "#2c7a7b", "cpython-detail": "#805ad5"}


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str  # the tooltip: interpreter, level, figures


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"
    bold: bool = False


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    bars: list[Bar]
    labels: list[Label]
    gridlines: list[tuple[float, str]]  # (x, "80%")


def pass_rates(interpreters: list[Interpreter]) -> Chart:
    """A row per interpreter, a bar per level: its conformance rate, the figure written beside it."""
    bar, gap, top, left, plot = 11.0, 10.0, 18.0, 90.0, 420.0
    group = bar * len(LEVELS) + gap
    bars: list[Bar] = []
    labels: list[Label] = []
    for index, interpreter in enumerate(interpreters):
        y0 = top + index * group
        labels.append(
            Label(x=left - 8, y=y0 + bar * len(LEVELS) / 2 + 4, text=interpreter.short, anchor="end", bold=True)
        )
        scores = interpreter.history[-1].scores
        for offset, level in enumerate(LEVELS):
            y = y0 + offset * bar
            rate = scores[level].rate
            if rate is None:
                labels.append(Label(x=left + 4, y=y + bar - 2, text="%s: not run" % level))
                continue
            width = max(plot * rate, 1.0)
            figures = "%s (%d of %d)" % (scores[level].percent(), scores[level].conforming, scores[level].run)
            bars.append(
                Bar(left, y, width, bar - 1, LEVEL_COLOURS[level], "%s, %s: %s" % (interpreter.label, level, figures))
            )
            labels.append(Label(x=left + width + 4, y=y + bar - 2, text=scores[level].percent()))
    gridlines = [(left + plot * fraction, "%d%%" % (100 * fraction)) for fraction in (0.0, 0.25, 0.5, 0.75, 1.0)]
    height = top + group * max(len(interpreters), 1)
    return Chart(width=left + plot + 60, height=height, bars=bars, labels=labels, gridlines=gridlines)


@dataclass(frozen=True)
class Trend:
    width: float
    height: float
    points: str  # an SVG polyline's points
    dots: list[tuple[float, float, str]]  # (x, y, tooltip)


def trend(interpreter: Interpreter) -> Trend | None:
    """The overall conformance rate of each run, oldest first; None with fewer than two runs."""
    points = [(point.run, point.total.rate) for point in interpreter.history if point.total.rate is not None]
    if len(points) < 2:
        return None
    width, height, pad = 240.0, 48.0, 4.0
    low = min(rate for _, rate in points if rate is not None)
    low = min(low, 0.9)
    step = (width - 2 * pad) / (len(points) - 1)
    dots = []
    for index, (run, rate) in enumerate(points):
        assert rate is not None
        x = pad + index * step
        y = pad + (height - 2 * pad) * (1 - (rate - low) / ((1 - low) or 1))
        dots.append((round(x, 1), round(y, 1), "%s: %.1f%%" % (run.started, 100 * rate)))
    return Trend(width, height, " ".join("%s,%s" % (x, y) for x, y, _ in dots), dots)
