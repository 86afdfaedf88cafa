"""Every pytest run (tests, doctests in kzlessons/, notebooks) uses a private progress store.

Set before any kernel or subprocess starts, so notebooks run by nbval use it too, and
doctests that record answers or exercise checks never write into a real ``~/.kzlessons``.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("KZLESSONS_HOME", tempfile.mkdtemp(prefix="kzlessons-test-home-"))
# No assessment config from the developer's shell: quizzes in tests are self-checks unless a test sets one.
os.environ.pop("KZLESSONS_ASSESSMENT", None)
