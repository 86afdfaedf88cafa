"""Tests for kzlessons/lesson/header_view.py: the header at the top of each lesson."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlessons.lesson import header_view, meta

from .conftest import META


def test_header_html_and_text() -> None:
    """Does the header render title, minutes, objectives and prerequisites as HTML and text, escaped?"""
    h = header_view.Header({**META, "title": "Trade <&> partners"}, {"trade": "IMF DOTS"})
    html, text = h._repr_html_(), repr(h)
    assert "Trade &lt;&amp;&gt; partners" in html and "<li>You will be able to read an HHI</li>" in html
    assert "About 40 minutes." in text and "trade — IMF DOTS" in text and "lesson 00, 01" in text


def test_header_by_id_uses_the_notebooks_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does header("02", show=False) find notebooks/02_*.ipynb?"""
    monkeypatch.setattr(meta, "lessons_folder", lambda: folder)
    h = header_view.header("02", show=False)
    assert h is not None and h.meta["title"] == "Following the trade"
    with pytest.raises(ValueError, match="No lesson '07'.*Available lessons: 00, 02, 03"):
        header_view.header("07", show=False)


def test_header_without_id_uses_the_session(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture) -> None:
    """Does header() find the notebook from JPY_SESSION_NAME, and explain itself when it cannot?"""
    monkeypatch.setenv("JPY_SESSION_NAME", str(folder / "02_x.ipynb"))
    header_view.header()
    assert "Lesson 02 · Following the trade" in capsys.readouterr().out
    monkeypatch.setenv("JPY_SESSION_NAME", "/elsewhere/untitled.ipynb")
    assert header_view.header() is None
    assert 'kz.lesson.header("02")' in capsys.readouterr().out
