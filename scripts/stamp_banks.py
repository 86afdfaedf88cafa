#!/usr/bin/env python3
"""Validate the shipped question banks in full and write ``kzlessons/banks/validated.json``.

Run after editing a bank or ``bank_schema.json``: ``.venv/bin/python scripts/stamp_banks.py``.
A bank whose bytes match the stamp skips the JSON Schema pass when it is loaded
(see :mod:`kzlessons.quiz.bank`); ``tests/quiz/test_bank.py`` fails while the stamp is stale.
"""

from __future__ import annotations

import json
import sys

from kzlessons.quiz import bank


def main() -> int:
    """Write the stamp; exit 1 with the problem when a bank does not validate."""
    try:
        data = bank.stamp()
    except bank.BankError as error:
        print(f"Not stamped: {error}", file=sys.stderr)
        return 1
    path = bank.banks_dir() / bank.STAMP_NAME
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"Wrote {path} ({len(data['banks'])} banks).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
