"""Tests for kzlessons/progress/item_plot.py: the item analysis chart follows the charts conventions."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.charts import describe
from kzlessons.charts.palette import CATEGORY_COLOURS

ITEMS = pd.DataFrame({
    "lesson": ["00", "00", "01"], "question_id": ["l00-a", "l00-b", "l01-c"], "learners": [20, 18, 10],
    "first_try_share": [0.95, 0.5, 0.2], "mean_attempts": [1.05, 1.8, 2.9],
    "most_chosen_wrong": ["", "b: Moscow", "c: 1991"], "most_chosen_wrong_learners": [0, 4, 7],
})


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def test_chart_has_title_units_tooltips_and_description():
    """Does the chart carry a title, a subtitle, axis titles with units, tooltips and a text description?"""
    chart = kz.progress.item_chart(ITEMS)
    spec = chart.to_dict()
    assert spec["title"]["text"] == "How the class did on each question" and spec["title"]["subtitle"]
    bars = _layers(spec)[0]["encoding"]
    assert bars["x"]["title"] == "Learners right on their first try (%)" and bars["x"]["axis"]["format"] == "%"
    assert {t["title"] for t in bars["tooltip"]} >= {"Question", "Most chosen wrong answer", "Mean attempts per learner"}
    assert bars["y"]["sort"] == ["l01-c", "l00-b", "l00-a"]  # hardest first
    text = describe(chart)
    assert "l00-a (95%)" in text and "l01-c (20%)" in text and "'c: 1991' in l01-c, by 7 of 10 learners" in text


def test_bands_are_words_and_palette_colours():
    """Is each band named in words on the bars (not colour alone), with colours from the shared palette?"""
    spec = kz.progress.item_chart(ITEMS).to_dict()
    colour = _layers(spec)[0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["too easy?", "in between", "hard"]
    assert set(colour["range"]) <= set(CATEGORY_COLOURS)
    assert {layer["encoding"]["text"]["field"] for layer in _layers(spec)[1:]} == {"label"}
    data = next(iter(spec["datasets"].values()))
    assert [d["label"] for d in data] == ["20% · hard", "50% · in between", "95% · too easy?"]


def test_chart_reads_the_items_csv(tmp_path):
    """Does item_chart accept the path of the CSV the gradebook wrote?"""
    path = tmp_path / "items.csv"
    ITEMS.to_csv(path, index=False)
    assert "3 questions" in describe(kz.progress.item_chart(path))


@pytest.mark.parametrize("bad, match", [(ITEMS.iloc[0:0], "empty"), (ITEMS.drop(columns="learners"), "learners"),
                                        (42, "not int")])
def test_bad_tables_get_sentences(bad, match):
    """Do an empty table, a missing column or the wrong type get a sentence saying how to make the table?"""
    with pytest.raises(ValueError, match=match):
        kz.progress.item_chart(bad)


def test_an_older_items_csv_still_charts(tmp_path):
    """Does an items.csv written before the column was renamed (first_try_correct) still make the chart?"""
    old = tmp_path / "items.csv"
    old.write_text("lesson,question_id,learners,first_try_correct,mean_attempts,most_chosen_wrong,"
                   "most_chosen_wrong_learners\n00,l00-a,4,0.25,2.0,b,3\n", encoding="utf-8")
    assert "l00-a (25%)" in describe(kz.progress.item_chart(old))
