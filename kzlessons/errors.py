"""Errors a learner may see, shown in a notebook as one sentence instead of a traceback wall.

IPython calls an exception's ``_render_traceback_()`` (when it has one) and prints the lines it
returns instead of the traceback. kzlessons' own learner-facing errors already say what went wrong
and what to do next, so the frames through library code only hide that sentence. Mix
:class:`LearnerError` into such an exception class; Python code that catches it is unaffected, and
outside IPython (scripts, pytest) the ordinary traceback is printed.

>>> class Missing(LearnerError, KeyError):
...     pass
>>> Missing("There is no dataset called 'x'. Available datasets: trade.")._render_traceback_()
["Missing: There is no dataset called 'x'. Available datasets: trade."]
>>> str(Missing("no quotes around this sentence"))
'no quotes around this sentence'
"""

from __future__ import annotations

__all__ = ["LearnerError"]


class LearnerError(Exception):
    """Base mixin: ``str()`` is the message itself; IPython shows only ``Name: message``."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        if len(self.args) == 1 and isinstance(self.args[0], str):
            return self.args[0]
        return super().__str__()

    def _render_traceback_(self) -> list[str]:
        """The lines IPython prints for this exception (no traceback)."""
        return [f"{type(self).__name__}: {self}"]
