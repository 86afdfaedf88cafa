"""Questions and grading: pure Python, no widgets, no I/O.

A :class:`Question` is plain data (prompt, options, answer key, feedback,
explanation, source ids) plus one method, :meth:`Question.check`, which turns
any learner answer into a :class:`Result`. ``check`` is pure and
deterministic, and it never raises: an answer it cannot read (``None``, the
wrong type, NaN, a 10 MB string …) gets feedback that says what to do next.

Five types share this interface:

========== ========================================= =====================================
type       learner answer                            answer key in the bank
========== ========================================= =====================================
single     one option id, e.g. ``"b"``               ``answer: b``
multiple   a list of option ids, e.g. ``["a", "c"]`` ``answer: [a, c]``
numeric    a number, or a string such as             ``{value, abs_tol}``, ``{value, rel_tol}``
           ``"7,548"`` or ``"0,38"``                 or ``{min, max}``
text       a string                                  ``{accept: [variants]}``
ordering   every option id once, in order            ``answer: [ids in the right order]``
========== ========================================= =====================================

Partial credit (``0 < score < 1``) is given for multiple and ordering (see :mod:`.choice`).

This module is the map: every name below is importable from here, and lives in

=================== ==========================================================
module              what it holds
=================== ==========================================================
:mod:`.question`    :class:`Question` (shared by all types), :class:`Option`,
                    ``QUESTION_TYPES`` (bank ``type`` -> class)
:mod:`.result`      :class:`Result` (what ``check`` returns)
:mod:`.choice`      :class:`SingleChoice`, :class:`MultipleSelect`, :class:`Ordering`
:mod:`.numeric`     :class:`Numeric` and reading typed numbers (decimal commas)
:mod:`.text`        :class:`ShortText` and :func:`normalise_text`
:mod:`.answers`     answer limits, unreadable answers, :func:`to_jsonable`
=================== ==========================================================

>>> q = Question.from_dict({
...     "id": "l99-capital", "type": "text", "prompt": "Capital of Kazakhstan?",
...     "answer": {"accept": ["Astana", "Nur-Sultan"]},
...     "explanation": "Renamed Nur-Sultan in 2019 and Astana again in 2022."}, lesson="99")
>>> q.check("  astana! ")
Result(correct=True, score=1.0, feedback='Correct.')
>>> q.check(None).correct
False
"""

from __future__ import annotations

from __future__ import annotations

from .answers import MAX_ANSWER_CHARS, MAX_STORED_CHARS, to_jsonable
from .choice import MultipleSelect, Ordering, SingleChoice
from .numeric import Numeric
from .question import QUESTION_TYPES, TYPE_LABELS, Option, Question
from .result import Result
from .text import ShortText, normalise_text

__all__ = [
    "Option",
    "Result",
    "Question",
    "SingleChoice",
    "MultipleSelect",
    "Numeric",
    "ShortText",
    "Ordering",
    "QUESTION_TYPES",
    "TYPE_LABELS",
    "normalise_text",
    "to_jsonable",
    "MAX_ANSWER_CHARS",
    "MAX_STORED_CHARS",
]
