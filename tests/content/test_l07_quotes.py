"""Lesson 07 quotes the two readings in their own words (R2-B9, B27, B28; issue 18).

Each passage below sits in quotation marks in lesson 07 (the notebook or bank l07) and must be
word for word in the reading's text file: quotation marks, apostrophes, line breaks and a
hyphen split across a line aside. The readings live with the module's shared material
(``../shared/content/readings``); where they are not on disk (a fresh clone in CI) the
comparison with the reading is skipped, but the passages must still be in the lesson.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
READINGS = REPO.parent / "shared" / "content" / "readings"
ROBERTS = "roberts-2015-ponars-memo-388.txt"
WAHLANG = "wahlang-2023-idsa-multivector-ukraine-war.txt"

QUOTES: dict[str, list[str]] = {
    ROBERTS: [
        # the forecasts and their conditions (the table in "Reading B's forecasts against the record")
        "Russia will likely pressure Kazakhstan to support Moscow's position in the conflict, which could "
        "antagonize Astana's partners in Europe and the United States",
        "if more Ukraine-related resolutions are brought to the floor",
        "the conflict between Russia and the West may intensify other UN issues, such as votes regarding the "
        "conflict in Syria. In such instances, one can imagine both the United States and Russia pressuring "
        "Kazakhstan to vote one way or another",
        "One could imagine Moscow using the EEU politically by sanctioning certain Western companies or products "
        "from the entire union",
        "eventually try and leverage the EEU to limit Chinese economic relations in its member states",
        "if Russia finds itself increasingly isolated from Europe and the United States",
        "Moscow will likely seek to leverage the CSTO and even the SCO as more overt adversaries of NATO",
        "As the conflict in Ukraine continues to drag on",
        "Kazakhstan may need to re-invent its foreign policy to the detriment of the country's continued "
        "prosperity",
        "Under increased pressure from Russia to present a united front on Ukraine",
        # around the forecasts
        "is becoming more important and could become more demanding",
        "thus far has been able to push back on the trade organization's overt politicization",
        "if Moscow forcefully insists",
        "to leverage the CSTO and even the SCO",
        "one can imagine",
        "will likely pressure Kazakhstan to support Moscow's position",
        "may intensify other UN issues, such as votes regarding the conflict in Syria",
        # facts, opinions and the final image
        "which has a sizeable Russian minority population",
        "the EU is presently the country's largest trade partner",
        "most successful tool for promoting the country's further development",
        "Kazakhstan may need to re-invent its foreign policy",
        "visibly being the only post-Soviet leader in attendance without the 'Ribbon of St. George' on his lapel",
        "a rock and a hard place",
    ],
    WAHLANG: [
        "after his re-election on 22 November 2022, chose Russia for his first foreign visit",
        "likely aimed at bolstering his public image among the Kazak electorate",
        "Aside from establishing a joint intelligence-sharing cooperation mechanism",
        "June 2022",
        "already houses a USAID project centre in Astana",
        "held in four Ukrainian cities",
    ],
}


def normalise(text: str) -> str:
    """Typographic quotes as plain ones, a word split across a line joined, all spacing as one space.

    >>> normalise("Moscow’s “Ribbon\\n of St.   George” multi-\\nvector")
    "Moscow's 'Ribbon of St. George' multi-vector"
    """
    text = text.replace("’", "'").replace("‘", "'").replace("“", "'").replace("”", "'").replace('"', "'")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _lesson_text() -> str:
    cells = json.loads((REPO / "notebooks" / "07_reading_the_analysts.ipynb").read_text(encoding="utf-8"))["cells"]
    notebook = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    bank = (REPO / "kzlessons" / "banks" / "l07.yaml").read_text(encoding="utf-8")
    bank = re.sub(r"\n\s+", " ", bank)        # folded YAML text: one line per field
    return normalise(notebook + "\n" + bank)


PAIRS = [(reading, quote) for reading, quotes in QUOTES.items() for quote in quotes]


@pytest.mark.parametrize("reading, quote", PAIRS, ids=[q[:40] for _, q in PAIRS])
def test_quote_is_in_the_lesson_in_quotation_marks(reading: str, quote: str) -> None:
    """Does lesson 07 (notebook or bank) give the passage inside quotation marks?"""
    lesson = _lesson_text()
    assert f"'{normalise(quote)}'" in lesson or f"'{normalise(quote)}" in lesson, quote


@pytest.mark.parametrize("reading, quote", PAIRS, ids=[q[:40] for _, q in PAIRS])
def test_quote_is_the_readings_own_words(reading: str, quote: str) -> None:
    """Is the passage word for word in the reading's text?"""
    path = READINGS / reading
    if not path.is_file():
        pytest.skip(f"{path} is not on disk (the readings are shared material, not part of the repository)")
    assert normalise(quote) in normalise(path.read_text(encoding="utf-8")), quote
