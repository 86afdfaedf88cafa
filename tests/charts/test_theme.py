"""The theme: one source for text and background, readable whatever JupyterLab's theme is."""

from __future__ import annotations

from kzlessons.charts import theme


def test_every_text_colour_is_set_explicitly() -> None:
    """Are title, subtitle, axis, legend, header and guide text colours all set by the theme?

    JupyterLab's dark theme passes Vega's "dark" theme (white text); anything the chart's own
    config leaves unset would turn white on the chart's white panel."""
    config = theme.theme()["config"]
    assert config["background"] == theme.BACKGROUND
    assert config["title"]["color"] and config["title"]["subtitleColor"]
    for part in ("axis", "legend", "header"):
        assert config[part]["labelColor"] and config[part]["titleColor"], part
    for style in ("guide-label", "guide-title", "group-title", "group-subtitle"):
        assert config["style"][style]["fill"], style
    assert config["text"]["color"]


def test_text_contrasts_with_the_background() -> None:
    """Does every text colour of the theme reach WCAG contrast 4.5:1 on the chart background?"""
    config = theme.theme()["config"]
    colours = [config["title"]["color"], config["title"]["subtitleColor"], config["text"]["color"],
               *(config[p][k] for p in ("axis", "legend", "header") for k in ("labelColor", "titleColor")),
               *(s["fill"] for s in config["style"].values())]
    for colour in colours:
        assert theme.contrast_ratio(colour, config["background"]) >= 4.5, colour


def test_helper_specs_carry_the_theme_colours(all_charts) -> None:
    """After kz.setup(), does every helper chart's spec carry the theme's background and text colours?"""
    for name, chart in all_charts.items():
        config = chart.to_dict()["config"]
        assert config["background"] == theme.BACKGROUND, name
        assert config["legend"]["labelColor"] == theme.TEXT_COLOUR, name
        assert config["title"]["color"] == theme.TEXT_COLOUR, name


def test_contrast_ratio_matches_wcag_examples() -> None:
    """Does contrast_ratio give WCAG's known values (white on white 1, grey #767676 on white 4.54)?"""
    assert theme.contrast_ratio("#FFFFFF", "#FFF") == 1
    assert round(theme.contrast_ratio("#767676", "#FFFFFF"), 2) == 4.54
