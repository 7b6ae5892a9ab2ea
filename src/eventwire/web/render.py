"""HTML fragments the pages need: an article annotated with its events, and SVG charts.

Everything from the text is escaped here (``markupsafe.escape``) before any markup is
added, so an article containing ``<script>`` shows the words and runs nothing. Charts are
drawn as inline SVG on the server: no chart library, nothing fetched by the browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

QUAD_COLOURS = {1: "#2f6fb0", 2: "#1f8a5b", 3: "#d9822b", 4: "#c23b3b"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def annotate(text: str, events: Sequence[dict[str, Any]]) -> Markup:
    """The text with actor mentions and event triggers marked, everything else escaped.

    A trigger wins over an actor where they overlap; the first of two overlapping actor
    marks is kept. Each mark says what it is in its title (shown on hover).
    """
    spans: list[tuple[int, int, str, str, dict[str, str]]] = []
    for i, e in enumerate(events):
        for m in e.get("mentions", []):
            t = m["trigger"]
            spans.append((t["start"], t["end"], "trigger", f"{e['cameo']} {e['cameo_name']}",
                          {"class": f"trigger quad-{e['quad_class']}", "data-event": str(i)}))
        loc = e.get("location")
        if loc and loc.get("start", -1) >= 0:
            label = f"{loc['name']} ({loc['kind']}, {loc.get('country') or '?'})"
            spans.append((loc["start"], loc["end"], "place", label, {"class": "place"}))
        for role in ("source", "target"):
            for a in e.get(role, []):
                if a.get("start", -1) < 0:
                    continue
                sector = a.get("sector") or "none"
                label = f"{a['name']} · {a.get('country') or '?'} {a.get('sector') or ''}".strip()
                spans.append((a["start"], a["end"], "actor", label,
                              {"class": f"actor sector-{sector}", "data-country": a.get("country") or "?"}))
    spans.sort(key=lambda s: (s[0], s[2] != "trigger", -(s[1] - s[0])))
    chosen: list[tuple[int, int, str, str, dict[str, str]]] = []
    for s in sorted(spans, key=lambda s: (s[2] != "trigger", s[0])):
        if all(s[1] <= c[0] or s[0] >= c[1] for c in chosen) and 0 <= s[0] < s[1] <= len(text):
            chosen.append(s)
    chosen.sort()
    out: list[str] = []
    pos = 0
    for start, end, _kind, title, attrs in chosen:
        out.append(str(escape(text[pos:start])))
        attr = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items())
        out.append(f'<mark {attr} title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def dyad_svg(series: Sequence[Any], width: int = 920, height: int = 260) -> Markup:
    """Stacked bars per period: cooperation above the axis, conflict below; a line for the
    mean Goldstein score (right-hand scale, -10 to +10)."""
    if not series:
        return Markup('<p class="empty">No events between these actors.</p>')
    pad_l, pad_r, pad_t, pad_b = 40, 40, 16, 28
    n = len(series)
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    mid = pad_t + plot_h / 2
    peak = max(max(p.verbal_coop + p.material_coop, p.verbal_conflict + p.material_conflict) for p in series) or 1
    bar_w = max(1.0, plot_w / n * 0.8)
    scale = (plot_h / 2) / peak
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="cooperation and conflict per period">',
             f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{mid}" y2="{mid}" class="axis"/>',
             f'<text x="4" y="{pad_t + 10}" class="tick">{peak}</text>',
             f'<text x="4" y="{height - pad_b}" class="tick">{peak}</text>']
    points = []
    for i, p in enumerate(series):
        x = pad_l + (i + 0.1) * plot_w / n
        up = mid
        for q, count in ((2, p.material_coop), (1, p.verbal_coop)):
            if count:
                h = count * scale
                parts.append(f'<rect x="{x:.1f}" y="{up - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                             f'fill="{QUAD_COLOURS[q]}"><title>{p.period}: {count} {QUAD_NAMES[q]}</title></rect>')
                up -= h
        down = mid
        for q, count in ((3, p.verbal_conflict), (4, p.material_conflict)):
            if count:
                h = count * scale
                parts.append(f'<rect x="{x:.1f}" y="{down:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                             f'fill="{QUAD_COLOURS[q]}"><title>{p.period}: {count} {QUAD_NAMES[q]}</title></rect>')
                down += h
        if p.goldstein_mean is not None:
            y = mid - p.goldstein_mean / 10 * (plot_h / 2)
            points.append(f"{x + bar_w / 2:.1f},{y:.1f}")
    if len(points) > 1:
        parts.append(f'<polyline points="{" ".join(points)}" class="goldstein"/>')
    for pt in points:
        cx, cy = pt.split(",")
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" class="goldstein-dot"/>')
    step = max(1, n // 8)
    for i in range(0, n, step):
        x = pad_l + (i + 0.1) * plot_w / n
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" class="tick">{series[i].period.isoformat()}</text>')
    parts.append(f'<text x="{width - pad_r + 4}" y="{pad_t + 10}" class="tick">+10</text>'
                 f'<text x="{width - pad_r + 4}" y="{height - pad_b}" class="tick">−10</text></svg>')
    return Markup("".join(parts))


def network_svg(pairs: Sequence[dict[str, Any]], size: int = 640) -> Markup:
    """Countries on a circle, joined by lines as thick as their event count and coloured by
    the mean Goldstein score (blue cooperative, red hostile)."""
    if not pairs:
        return Markup('<p class="empty">No events between two countries yet.</p>')
    nodes = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    centre, radius = size / 2, size / 2 - 48
    pos = {c: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
               centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, c in enumerate(nodes)}
    top = max(p["events"] for p in pairs)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="actor pairs">']
    for p in pairs:
        (x1, y1), (x2, y2) = pos[p["a"]], pos[p["b"]]
        g = p["goldstein_mean"] or 0
        colour = QUAD_COLOURS[1] if g >= 0 else QUAD_COLOURS[4]
        w = 1 + 7 * p["events"] / top
        parts.append(f'<a href="/dyad?a={escape(p["a"])}&amp;b={escape(p["b"])}"><line x1="{x1:.1f}" y1="{y1:.1f}" '
                     f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{w:.1f}" stroke-opacity="0.6">'
                     f'<title>{escape(p["a"])}–{escape(p["b"])}: {p["events"]} events, mean Goldstein {g:+.1f}'
                     f'</title></line></a>')
    for c, (x, y) in pos.items():
        parts.append(f'<a href="/actors/{escape(c)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="16" class="node"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" class="node-label">{escape(c)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
