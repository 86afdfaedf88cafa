"""Every pytest run (tests, doctests in kzlessons/, notebooks) uses a private progress store.

Set before any kernel or subprocess starts, so notebooks run by nbval use it too, and
doctests that record answers or exercise checks never write into a real ``~/.kzlessons``.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("KZLESSONS_HOME", tempfile.mkdtemp(prefix="kzlessons-test-home-"))
