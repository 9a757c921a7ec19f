"""The digest's chart as a PNG: new links by kind over the last twelve periods (stacked bars)
beside the most connected places. The digest's text says the same in words; this is the
picture of the trend."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from matplotlib.figure import Figure  # no pyplot: no global figure state, no display needed

from views.cards import KIND_HEADINGS

if TYPE_CHECKING:
    from services.digest_chart import ChartData

COLOURS = {"sister_city": "#1b9e77", "friendship_city": "#66a61e", "mou": "#7570b3",
           "trade_deal": "#e6ab02", "cooperation": "#d95f02", "visit": "#a6761d"}  # fmt: skip
TITLE = "New partnership links"


def draw(data: ChartData) -> bytes:
    figure = Figure(figsize=(10, 4), dpi=100, layout="constrained")
    trend, places = figure.subplots(1, 2, width_ratios=(3, 2))
    labels = [f"{start.day} {start:%b}" for start in data.starts]
    bottom = [0] * len(labels)
    for kind, counts in data.counts.items():
        trend.bar(labels, counts, bottom=bottom, label=KIND_HEADINGS[kind], color=COLOURS[kind])
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    every = "week" if data.weekly else "day"
    trend.set_title(f"{TITLE} each {every}, by kind", loc="left", fontsize=11)
    trend.tick_params(axis="x", labelrotation=45, labelsize=8)
    trend.yaxis.get_major_locator().set_params(integer=True)
    trend.spines[["top", "right"]].set_visible(False)
    trend.set_ylim(top=max(bottom, default=0) * 1.5 + 1)  # room for the legend above the bars
    trend.legend(fontsize=8, frameon=False, ncols=2, loc="upper left")
    names = [name for name, _ in reversed(data.busiest)]
    places.barh(names, [count for _, count in reversed(data.busiest)], color="#4c72b0")
    places.set_title(f"Most connected, last {len(labels)} {every}s", loc="left", fontsize=11)
    places.xaxis.get_major_locator().set_params(integer=True)
    places.tick_params(axis="y", labelsize=8)
    places.spines[["top", "right"]].set_visible(False)
    png = BytesIO()
    figure.savefig(png, format="png", metadata={"Software": None})
    return png.getvalue()
