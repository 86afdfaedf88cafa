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
