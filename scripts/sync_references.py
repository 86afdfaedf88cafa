#!/usr/bin/env python3
"""Write each lesson's source lines under "## References" from the fact base.

A lesson cites sources by id (``S5``) in its text; its References cell lists them, one line each,
as ``- S5 — <publisher: title (date); …>``, with ``(weak source: …)`` when every part of the source
is a mirror or self-published (``facts/README.md``). This script rewrites those lines from the
``sources`` dataset, so titles never go stale when a source record changes: an existing line is
replaced in place, a cited source without a line is added after the last one, and other lines
(readings, data citations) are left alone. ``--check`` changes nothing and exits 1 when a
notebook is out of date (``tests/content/test_references.py`` runs the same check).

Usage::

    python scripts/sync_references.py            # rewrite notebooks/*.ipynb
    python scripts/sync_references.py --check    # report only

>>> sources = {"S1": "AP: A title (1993)", "S2": "UN: Press release"}
>>> sync_cell("## References\\n\\n- S2 — old\\n- Reading A\\n", "see S1 and S2", sources, {})
'## References\\n\\n- S1 — AP: A title (1993).\\n- S2 — UN: Press release.\\n- Reading A\\n'
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SID = re.compile(r"\bS(\d+)\b")
LINE = re.compile(r"^- (S\d+)\b.*$", re.M)


def line_for(sid: str, title: str, weak: dict[str, str]) -> str:
    """The canonical References line of one source.

    >>> line_for("S9", "Blog: GDP ranking", {"S9": "no other page gives the ranking"})
    '- S9 — Blog: GDP ranking. (weak source: no other page gives the ranking)'

    A dollar sign is escaped, so JupyterLab does not typeset "$1 … $50" in a title as mathematics:

    >>> line_for("S8", "RFE/RL: A $1 Billion Loan; Reuters: tenge at $50 oil", {})
    '- S8 — RFE/RL: A \\\\$1 Billion Loan; Reuters: tenge at \\\\$50 oil.'
    """
    text = f"- {sid} — {title.rstrip('.')}." + (f" (weak source: {weak[sid]})" if sid in weak else "")
    return text.replace("$", "\\$")


def sync_cell(refs: str, body: str, titles: dict[str, str], weak: dict[str, str]) -> str:
    """The References cell ``refs`` with a line for every source cited in ``body`` or listed, in id order."""
    listed = [m.group(1) for m in LINE.finditer(refs)]
    cited = set(listed) | {f"S{n}" for n in SID.findall(body)}
    wanted = sorted(cited & set(titles), key=lambda s: int(s[1:]))  # unknown ids: the test reports them
    lines = refs.split("\n")
    at = [i for i, ln in enumerate(lines) if LINE.fullmatch(ln)]
    new = [line_for(s, titles[s], weak) for s in wanted]
    if not at:  # no source line yet: put them after the heading's blank line
        insert = 2 if len(lines) > 1 and lines[1] == "" else 1
        return "\n".join(lines[:insert] + new + lines[insert:])
    first, last = at[0], at[-1]
    between = [ln for i, ln in enumerate(lines[first:last + 1], start=first) if i not in at]
    return "\n".join(lines[:first] + new + between + lines[last + 1:])


def load_sources() -> tuple[dict[str, str], dict[str, str]]:
    """(id -> title, id -> weak reason) from the shipped ``sources`` dataset."""
    sys.path.insert(0, str(REPO))
    from kzlessons import data

    frame = data.load("sources")
    titles = dict(zip(frame["source_id"].astype(str), frame["title"].astype(str)))
    weak = {str(r.source_id): str(r.weak_source) for r in frame.itertuples(index=False) if bool(r.weak)}
    return titles, weak


def sync_notebook(path: Path, titles: dict[str, str], weak: dict[str, str]) -> tuple[str, str]:
    """(the notebook's text now, its text with the References lines synced)."""
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    cells = nb["cells"]
    texts = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
    index = next((i for i, t in enumerate(texts) if t.lstrip().startswith("## References")), None)
    if index is None:
        return raw, raw
    body = "\n".join(t for i, t in enumerate(texts) if i != index)
    new = sync_cell(texts[index], body, titles, weak)
    if new == texts[index]:
        return raw, raw
    cells[index]["source"] = new.splitlines(keepends=True)
    return raw, json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report notebooks out of date; change nothing")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    args = parser.parse_args(argv)
    titles, weak = load_sources()
    stale = []
    for path in args.notebooks or sorted((REPO / "notebooks").glob("*.ipynb")):
        old, new = sync_notebook(path, titles, weak)
        if old != new:
            stale.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if stale:
        verb = "are out of date" if args.check else "were updated"
        print(f"References {verb} in: {', '.join(stale)}"
              + ("; run python scripts/sync_references.py" if args.check else ""))
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
