"""Rebuild ``world-110m.json`` (run once by a maintainer; never at run time).

Inputs are two npm tarballs, fetched with ``npm pack`` from the npm registry:

    npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0
    tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf i18n-iso-countries-7.14.0.tgz -C iso
    python kzlessons/charts/geo/build_world.py wa/package/countries-110m.json iso/package/codes.json

What it does to ``countries-110m.json`` (Natural Earth 1:110m Admin 0, v4.1.0):
keeps only the ``countries`` object (drops ``land``), drops Antarctica (no UN
vote), replaces the numeric ISO 3166-1 ids by alpha-3 codes (crosswalk from
``i18n-iso-countries``' ``codes.json``; Kosovo gets the user-assigned ``XKX``),
and re-quantises the arcs from a 100 000 to a 4 000 step grid (0.09 degrees, about
10 km, a sixth of a pixel on a 640-pixel-wide world map), dropping repeated points,
then simplifies each arc (Douglas–Peucker, tolerance 3 grid steps, 0.27 degrees, half a pixel; arc end points
are kept so neighbouring countries still share borders).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("world-110m.json")
GRID = 4_000
EXTRA_ISO3 = {"Kosovo": "XKX"}
#: Douglas–Peucker tolerance in grid steps (360 / GRID degrees each); arc ends are kept, so
#: shared borders stay shared.
TOLERANCE = 3


def _simplify(points: list[tuple[int, int]], tol: float) -> list[tuple[int, int]]:
    """Douglas–Peucker on one arc; first and last points always kept."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        dist = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        if dist > best:
            best, index = dist, i
    if best <= tol:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], tol)[:-1] + _simplify(points[index:], tol)


def build(atlas_path: str, codes_path: str) -> dict:
    topo = json.loads(Path(atlas_path).read_text())
    num_to_iso3 = {num: a3 for _a2, a3, num, *_ in json.loads(Path(codes_path).read_text())}
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    geoms = [g for g in topo["objects"]["countries"]["geometries"] if g.get("id") != "010"]

    used: dict[int, int] = {}

    def remap(index: int) -> int:
        positive = index if index >= 0 else ~index
        new = used.setdefault(positive, len(used))
        return new if index >= 0 else ~new

    def walk(arcs):
        return [walk(a) for a in arcs] if isinstance(arcs, list) and arcs and isinstance(arcs[0], list) else [remap(i) for i in arcs]

    out_geoms = []
    for g in geoms:
        name = g["properties"]["name"]
        iso3 = num_to_iso3.get(g.get("id")) or EXTRA_ISO3.get(name)
        out_geoms.append({"type": g["type"], "arcs": walk(g["arcs"]), "id": iso3, "properties": {"name": name}})

    # new transform over the same bbox, GRID steps per axis
    nsx, nsy = sx * 99_999 / (GRID - 1), sy * 99_999 / (GRID - 1)
    new_arcs: list[list[list[int]]] = [None] * len(used)  # type: ignore[list-item]
    for old, new in used.items():
        x = y = 0
        points = []
        for dx, dy in topo["arcs"][old]:
            x, y = x + dx, y + dy
            lon, lat = tx + x * sx, ty + y * sy
            points.append((round((lon - tx) / nsx), round((lat - ty) / nsy)))
        kept = [points[0]] + [p for prev, p in zip(points, points[1:]) if p != prev]
        kept = _simplify(kept, TOLERANCE)
        if len(kept) == 1:
            kept.append(kept[0])
        deltas, px, py = [], 0, 0
        for qx, qy in kept:
            deltas.append([qx - px, qy - py])
            px, py = qx, qy
        new_arcs[new] = deltas
    return {
        "type": "Topology",
        "transform": {"scale": [nsx, nsy], "translate": [tx, ty]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": out_geoms}},
        "arcs": new_arcs,
    }


if __name__ == "__main__":
    topology = build(sys.argv[1], sys.argv[2])
    OUT.write_text(json.dumps(topology, separators=(",", ":"), ensure_ascii=False))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.1f} KB, {len(topology['objects']['countries']['geometries'])} countries)")
