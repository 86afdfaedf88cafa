"""Draw the example item-analysis chart of the instructor guide (docs/img/item-analysis-example.svg).

A class of 24 learners is *simulated* (seeded, so the figure is reproducible) on the single-choice
questions of lessons 00 to 03: each question gets an ease, each learner answers until right (at most
three tries), and wrong picks lean towards one tempting option. The answers go through the real path:
``kz.progress.record`` in each learner's own store, an export, ``kzlessons gradebook --items``, then
``kz.progress.item_chart``. Needs the optional ``export`` extra (vl-convert) to write the SVG.

    python scripts/item_chart_example.py [OUT.svg]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEARNERS = 24


def simulate(work: Path, rng: random.Random) -> list[Path]:
    import kzlessons as kz

    questions = [kz.quiz.get(q) for lesson in ("00", "01", "02", "03") for q in kz.quiz.ids(lesson)]
    questions = [q for q in questions if q.type == "single"]
    ease = {q.id: rng.choice([0.97, 0.9, 0.75, 0.55, 0.35, 0.2]) for q in questions}
    tempting = {q.id: rng.choice([o.id for o in q.options if o.id != q.answer]) for q in questions}
    files = []
    for n in range(LEARNERS):
        os.environ["KZLESSONS_HOME"] = str(work / f"home-{n}")
        for q in questions:
            wrong = [o.id for o in q.options if o.id != q.answer]
            for _ in range(3):
                if rng.random() < ease[q.id]:
                    kz.progress.record(q.id, q.answer)
                    break
                kz.progress.record(q.id, tempting[q.id] if rng.random() < 0.7 else rng.choice(wrong))
        folder = work / f"learner-{n}"
        folder.mkdir()
        files.append(kz.progress.export(folder / "kzlessons-progress.json"))
    return files


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "img" / "item-analysis-example.svg"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = simulate(work, random.Random(20250301))
        import kzlessons as kz

        items = work / "items.csv"
        status = kz.progress.gradebook_main([*map(str, files), "-o", str(work / "grades.csv"), "--items", str(items)])
        if status != 0:
            return status
        kz.setup()
        chart = kz.progress.item_chart(items)
        kz.charts.save(chart, out)
        print(kz.charts.describe(chart))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
