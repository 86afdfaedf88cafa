"""The instructor guide's syllabus is the one the lessons' metadata give, not a hand-kept copy."""

from __future__ import annotations

from pathlib import Path

from kzlessons import lesson

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "instructor-guide.md"


def test_guide_syllabus_matches_the_lessons_metadata() -> None:
    """Is every row of the guide's syllabus table (and its total line) what `kzlessons syllabus` prints today?"""
    expected = lesson.syllabus().split("\n", 2)[2].strip("\n")
    assert expected in GUIDE.read_text(encoding="utf-8"), (
        "docs/instructor-guide.md's syllabus is out of date: regenerate it with "
        "`kzlessons syllabus` and paste the table (or run the snippet in this test's module).")


def test_guide_first_paragraph_gives_the_syllabus_range_of_minutes() -> None:
    """UX-25: does the guide's opening say what the shortest and the longest lesson take, as the syllabus does?"""
    import re

    minutes = [m["minutes"] for m in lesson.lessons()]
    opening = GUIDE.read_text(encoding="utf-8").split("\n\n")[1]
    found = re.search(r"takes (\d+)–(\d+) minutes", opening)
    assert found, "the guide's first paragraph no longer gives the lessons' range of minutes"
    assert (int(found[1]), int(found[2])) == (min(minutes), max(minutes)), (
        f"docs/instructor-guide.md's first paragraph says {found[0]!r}; the syllabus gives "
        f"{min(minutes)}–{max(minutes)} minutes")


def test_guide_defines_every_gradebook_column():
    """R2-C11: does the guide's gradebook section define every column of grades.csv and items.csv?"""
    from kzlessons.progress.gradebook import COLUMNS
    from kzlessons.progress.items import ITEM_COLUMNS

    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("### The columns"):text.index("### What the gradebook can and cannot")]
    for name in COLUMNS:
        assert f"| `{name}` |" in table, name
    items = text[text.index("## Reading the item analysis"):]
    for name in ITEM_COLUMNS:
        if name not in ("lesson", "question_id", "type", "prompt"):
            assert f"`{name}`" in items, name
    flat = " ".join(text.split())
    assert "What it cannot detect" in flat and "it identifies a store" in flat
