"""The backtest report as one HTML page with inline SVG charts (no script, no network):
outcomes, bad orders caught and money, one bar per policy."""

from __future__ import annotations

from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from goodbuyer.money import from_minor
from goodbuyer.risk.statuses import Outcome

_W, _ROW, _LEFT, _GAP = 720, 22, 230, 6

_env = Environment(
    loader=PackageLoader("goodbuyer.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["percent"] = lambda value: f"{value:.1%}"
_env.filters["thousands"] = lambda value: f"{value:,}".replace(",", "\u202f")
_env.filters["money"] = lambda minor, currency: (
    f"{from_minor(minor, currency or 'EUR'):,.2f}".replace(",", "\u202f")
)

MONEY_ROWS = ("shipping_saved", "chargebacks_avoided", "confirmations", "reviews",
              "friction_lost", "prepay_lost", "reject_lost", "net")  # fmt: skip


def bar_chart(title: str, groups: list[tuple[str, list[float]]], labels: list[str],
              unit: str = "") -> str:  # fmt: skip
    """Horizontal bars: one group per row label, one bar per policy (negative to the left)."""
    values = [v for _, vs in groups for v in vs]
    top = max([abs(v) for v in values] + [1e-9])
    signed = any(v < 0 for v in values)
    zero = _LEFT + (_W - _LEFT - 20) / 2 if signed else _LEFT
    scale = (_W - _LEFT - 20) / (2 * top if signed else top)
    per = len(labels) * _ROW + _GAP
    height = len(groups) * per + 40
    parts = [f'<svg class="chart" viewBox="0 0 {_W} {height}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']  # fmt: skip
    for g, (name, vs) in enumerate(groups):
        y0 = 10 + g * per
        parts.append(f'<text class="label" x="0" y="{y0 + 15}">{escape(name)}</text>')
        for i, v in enumerate(vs):
            x, w = (zero, v * scale) if v >= 0 else (zero + v * scale, -v * scale)
            y = y0 + i * _ROW
            parts.append(f'<rect class="bar-{i}" x="{x:.1f}" y="{y}" width="{max(w, 0.5):.1f}" '
                         f'height="{_ROW - 4}"><title>{escape(labels[i])}: {v:,.0f}{unit}'
                         f'</title></rect>')  # fmt: skip
            parts.append(f'<text class="label" x="{x + w + 4:.1f}" y="{y + 14}">'
                         f'{v:,.0f}{unit}</text>')  # fmt: skip
    legend_y = height - 12
    for i, label in enumerate(labels):
        x = _LEFT + i * 200
        box = f'<rect class="bar-{i}" x="{x}" y="{legend_y - 10}" width="12" height="12"/>'
        text = f'<text class="label" x="{x + 16}" y="{legend_y}">{escape(label)}</text>'
        parts.append(box + text)
    parts.append(f'<line class="axis" x1="{zero}" y1="4" x2="{zero}" y2="{height - 28}"/></svg>')
    return "".join(parts)


def _charts(policies: list[dict[str, Any]]) -> dict[str, str]:
    labels = [p["label"] for p in policies]
    outcomes = [(o.value, [float(p["outcomes"][o.value]) for p in policies]) for o in Outcome]
    caught = [
        ("bad COD orders caught", [float(p["bad_cod"]["caught"]) for p in policies]),
        (
            "bad COD orders missed",
            [float(p["bad_cod"]["orders"] - p["bad_cod"]["caught"]) for p in policies],
        ),
        ("good customers hurt", [float(p["good_customers_hurt"]["customers"]) for p in policies]),
        (
            "good-segment orders hit",
            [float(p["good_segments"]["with_friction"]) for p in policies],
        ),
    ]
    signs = {"confirmations": -1, "reviews": -1, "friction_lost": -1, "prepay_lost": -1,
             "reject_lost": -1}  # fmt: skip
    money = [
        (
            name.replace("_", " "),
            [signs.get(name, 1) * p["money"][name] / 100 for p in policies],
        )
        for name in MONEY_ROWS
    ]
    return {
        "outcomes": bar_chart("Orders per outcome", outcomes, labels),
        "caught": bar_chart("Caught and hurt", caught, labels),
        "money": bar_chart("Money effect (losses to the left)", money, labels),
    }


def render_report(report: dict[str, Any]) -> str:
    """The HTML page of a backtest report (the JSON of backtest_service.run_backtest)."""
    policies = report["policies"]
    segments = sorted({name for p in policies for name in p["segments"]})
    return _env.get_template("backtest.html").render(
        report=report, policies=policies, charts=_charts(policies),
        outcomes=[o.value for o in Outcome], money_rows=MONEY_ROWS, segments=segments,
        currency=policies[0].get("currency", ""),
    )  # fmt: skip


__all__ = ["MONEY_ROWS", "bar_chart", "render_report"]
