"""The palette: fixed, colour-blind-safe, redundant, and pure."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kzlessons.charts import palette

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def test_seven_groups_in_fixed_order() -> None:
    """Are the seven partner groups the documented ones, in order?"""
    assert palette.PARTNER_GROUPS == ("Russia", "China", "EU-27", "US", "Türkiye", "Central Asia", "Other")


def test_every_group_has_a_distinct_colour_dash_and_shape() -> None:
    """Does each group have its own colour, dash and shape (so colour is never the only cue)?"""
    styles = [palette.PARTNER_STYLE[g] for g in palette.PARTNER_GROUPS]
    for attr in ("colour", "dash", "shape"):
        values = [getattr(s, attr) for s in styles]
        assert len(set(values)) == len(values), attr


def test_colours_are_okabe_ito_or_grey() -> None:
    """Are the group colours taken from Okabe–Ito (plus a neutral grey for Other)?"""
    for group, style in palette.PARTNER_STYLE.items():
        assert style.colour in OKABE_ITO or group == "Other"


def test_groups_come_from_the_partners_dataset_when_available() -> None:
    """Do the groups match the partners dataset's categories?"""
    try:
        import kzlessons as kz

        found = set(kz.data.load("partners")["partner_group"].dropna().astype(str))
    except Exception:
        pytest.skip("partners dataset not available")
    assert found <= set(palette.partner_groups())


def test_unknown_group_message_lists_accepted_values() -> None:
    """Does an unknown group raise a ValueError that names it and the accepted values?"""
    with pytest.raises(ValueError, match=r"Unknown partner group 'Chine'\. Accepted values: Russia, China"):
        palette.check_groups(["Chine"], palette.PARTNER_GROUPS)


def test_palette_is_pure() -> None:
    """Does importing the palette leave altair unimported?"""
    code = "import sys, kzlessons.charts.palette; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_import_kzlessons_is_light() -> None:
    """Does ``import kzlessons`` avoid altair, and kz.setup() stay out of import time?"""
    code = "import sys, kzlessons; print('altair' in sys.modules, 'kzlessons.charts' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_kazakhstan_has_one_style_unlike_every_group() -> None:
    """Does Kazakhstan have its own colour, shape and style, shared with no partner group?"""
    kz_style = palette.KAZAKHSTAN_STYLE
    assert kz_style.colour in OKABE_ITO
    for style in palette.PARTNER_STYLE.values():
        assert style.colour != kz_style.colour and style.shape != kz_style.shape


@pytest.mark.parametrize("name, key", [
    ("Kazakhstan", "Kazakhstan"), ("KAZ", "Kazakhstan"), ("Kazakh tenge", "Kazakhstan"),
    ("Russia", "Russia"), ("RUS", "Russia"), ("Russian Federation", "Russia"), ("Russian rouble", "Russia"),
    ("China", "China"), ("CHN", "China"), ("US", "US"), ("USA", "US"), ("United States", "US"),
    ("Türkiye", "Türkiye"), ("Turkey", "Türkiye"), ("TUR", "Türkiye"), ("European Union", "EU-27"),
    ("exports", None), ("Kazakhstan's report", None),
])
def test_country_names_codes_and_currencies_find_their_style(name: str, key: str | None) -> None:
    """Do names, ISO3 codes and currencies of Kazakhstan and the partners map to their palette entry?"""
    assert palette.country_key(name) == key


def test_countries_of_a_group_come_from_the_partners_dataset() -> None:
    """Are other countries (Kyrgyzstan, Germany) drawn in their partner group's colour?"""
    try:
        import kzlessons as kz

        kz.data.load("partners")
    except Exception:
        pytest.skip("partners dataset not available")
    assert palette.country_key("Kyrgyzstan") == "Central Asia"
    assert palette.country_key("KGZ") == "Central Asia"
    assert palette.country_key("Germany") == "EU-27"


def test_series_styles_keep_each_country_style_in_any_company() -> None:
    """Does a country get the same style whatever other series share the chart, and in any order?"""
    alone = palette.series_styles(["Russia"])["Russia"]
    mixed = palette.series_styles(["exports", "Kazakhstan", "US", "Russia", "imports"])
    assert alone == mixed["Russia"] == palette.PARTNER_STYLE["Russia"]
    assert mixed["Kazakhstan"] == palette.KAZAKHSTAN_STYLE
    assert mixed["US"] == palette.PARTNER_STYLE["US"]
    # the non-country series take colours, dashes and shapes no country in the chart uses
    country_colours = {mixed[n].colour for n in ("Kazakhstan", "US", "Russia")}
    assert {mixed["exports"].colour, mixed["imports"].colour}.isdisjoint(country_colours)
    assert mixed["exports"] != mixed["imports"]


def test_series_styles_two_countries_of_one_group_differ_by_dash_and_shape() -> None:
    """Do two Central Asian states share the group colour but not dash or shape?"""
    styles = palette.series_styles(["KGZ", "UZB", "TJK"])
    assert len({s.colour for s in styles.values()}) == 1
    assert len({s.dash for s in styles.values()}) == 3 and len({s.shape for s in styles.values()}) == 3


def test_series_scales_match_series_styles() -> None:
    """Do the Vega-Lite scales list the same colour, dash and shape per name as series_styles?"""
    names = ["Kazakhstan", "China", "rates"]
    styles, scales = palette.series_styles(names), palette.series_scales(names)
    assert scales["color"]["domain"] == names
    assert scales["color"]["range"] == [styles[n].colour for n in names]
    assert scales["shape"]["range"] == [styles[n].shape for n in names]
    assert scales["strokeDash"]["range"][0] == [1, 0]  # solid, as Vega-Lite needs it


def test_every_event_category_of_the_dataset_has_a_style() -> None:
    """Does every category the events codebook allows (and the data use) have a fixed style (UX-5)?"""
    import json

    from kzlessons import _paths

    package = json.loads((_paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "events")["schema"]["fields"]
    allowed = next(f for f in fields if f["name"] == "category")["constraints"]["enum"]
    assert list(palette.EVENT_CATEGORIES) == allowed
    assert set(palette.EVENT_STYLE) == set(allowed)
    try:
        import kzlessons as kz

        used = set(kz.data.load("events")["category"].dropna().astype(str))
    except Exception:
        pytest.skip("events dataset not available")
    assert used <= set(palette.EVENT_STYLE)


def test_event_categories_differ_by_colour_and_by_shape() -> None:
    """Has each event category its own Okabe–Ito colour and its own shape, so colour is never the only cue?"""
    styles = [palette.EVENT_STYLE[c] for c in palette.EVENT_CATEGORIES]
    for attr in ("colour", "dash", "shape"):
        values = [getattr(s, attr) for s in styles]
        assert len(set(values)) == len(values), attr
    assert {s.colour for s in styles} <= set(palette.CATEGORY_COLOURS)
    assert {s.colour for s in styles} - {"#8C8C8C"} <= OKABE_ITO


def test_category_styles_keep_each_event_category_in_any_company() -> None:
    """Is an event category drawn the same alone, with others, in any order, and next to other names?"""
    import itertools

    cats = palette.EVENT_CATEGORIES
    for n in (1, 2, 7):
        for subset in itertools.combinations(cats[::-1], n):
            styles = palette.category_styles(subset)
            assert all(styles[c] == palette.EVENT_STYLE[c] for c in subset), subset
    mixed = palette.category_styles(["war", "economy", "Russia"])
    assert mixed["economy"] == palette.EVENT_STYLE["economy"]
    assert mixed["Russia"] == palette.PARTNER_STYLE["Russia"]
    assert mixed["war"].colour != mixed["economy"].colour and mixed["war"].shape != mixed["economy"].shape
