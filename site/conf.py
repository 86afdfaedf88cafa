"""Sphinx configuration of the static course site (built by ``make site`` / scripts/build_site.py).

The source folder is generated (``_build/site-src``): lesson notebooks executed in static mode,
the home page with the syllabus, and the instructor guide. Everything the pages load comes from
the site itself: Furo ships its CSS/JS, myst-nb's widget scripts (a CDN) are switched off, no math
renderer is loaded (lessons use no LaTeX), and the quiz script is inlined in each quiz.
"""

from __future__ import annotations

project = "kzlessons"
author = "kzlessons contributors"
copyright = "kzlessons contributors, MIT licence"
html_title = "Kazakhstan's multi-vector foreign policy"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

# Notebooks arrive executed (static mode); never run them again here.
nb_execution_mode = "off"
nb_merge_streams = True
# myst-nb would otherwise add require.js and the widget manager from a CDN to widget pages.
nb_ipywidgets_js: dict = {}
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_js_files = ["launch.js"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
