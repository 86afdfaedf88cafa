"""Lets the content tests import their plain helper modules (corpus, scanner) by name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
