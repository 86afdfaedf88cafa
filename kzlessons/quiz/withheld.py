"""What a quiz under assessment mode says (pure text; the views in :mod:`.widget` and :mod:`.static` draw it).

Under assessment (see :mod:`.assessment`) a quiz says that it is graded and when the results
come out; after an answer it says "Answer saved", never whether the answer is right. Once the
results are released, the feedback on a saved answer says that it is the released result.

>>> from kzlessons.quiz.assessment import Status
>>> quiz1 = Status(assessed=True, name="Quiz 1", when="after 1 May 2025, 09:00 (UTC)")
>>> label(quiz1), label(Status()), label(Status(assessed=True, released=True, name="Quiz 1"))
('Assessment', 'Self-check', 'Assessment, results released')
>>> saved_words(quiz1)
'Your answer is saved for Quiz 1. Whether it is right is shown after 1 May 2025, 09:00 (UTC).'
"""

from __future__ import annotations

from .assessment import Status

__all__ = ["SAVE", "SAVE_TOOLTIP", "label", "intro", "how", "saved_words", "SAVED_NOTE", "RESTORED_NOTE",
           "released_note", "static_note"]

#: The Check button's text and tooltip under assessment.
SAVE = "Save answer"
SAVE_TOOLTIP = "Save your answer (Enter or Space); it is checked when the results are released"
SAVED_NOTE = "You can change it and save again until then; the last answer you save is the one graded."
RESTORED_NOTE = "Restored: the answer you saved."


def _name(status: Status) -> str:
    return status.name or "the assessment"


def label(status: Status) -> str:
    """The word on the line above the question: what kind of quiz this is."""
    if not status.assessed:
        return "Self-check"
    return "Assessment, results released" if status.released else "Assessment"


def intro(status: Status) -> str:
    """One sentence under the question while its results are withheld ('' otherwise).

    >>> intro(Status(assessed=True, name="Quiz 1", when="when your instructor releases them"))
    'Graded (Quiz 1): your answer is saved, not checked; the results are shown when your instructor releases them.'
    """
    if not status.withheld:
        return ""
    text = f"Graded ({_name(status)}): your answer is saved, not checked; the results are shown {status.when}."
    return f"{text} {status.problem}" if status.problem else text


def how(text: str, status: Status) -> str:
    """How-to-answer text with the button's name under assessment (Save answer, not Check).

    >>> how("Choose one option, then press Check.", Status(assessed=True))
    'Choose one option, then press Save answer.'
    >>> how("Choose one option, then press Check.", Status())
    'Choose one option, then press Check.'
    """
    return text.replace("press Check", f"press {SAVE}") if status.withheld else text


def saved_words(status: Status) -> str:
    """The words after "Answer saved"."""
    return f"Your answer is saved for {_name(status)}. Whether it is right is shown {status.when}."


def released_note(status: Status) -> str:
    """The note on the feedback of an answer saved under assessment, once the results are out.

    >>> released_note(Status(assessed=True, released=True, name="Quiz 1"))
    'Results of Quiz 1 released: this is the feedback on the answer you saved.'
    """
    return f"Results of {_name(status)} released: this is the feedback on the answer you saved."


def static_note(status: Status) -> str:
    """What a page without a kernel (nbviewer, the course site) says instead of the answer.

    >>> static_note(Status(assessed=True, name="Quiz 1", when="after 1 May 2025, 09:00 (UTC)"))  # doctest: +ELLIPSIS
    'Graded question (Quiz 1): answer it in Jupyter, with the lesson running (a kernel is needed)...'
    """
    return (f"Graded question ({_name(status)}): answer it in Jupyter, with the lesson running (a kernel is "
            "needed), and press Save answer. The answer and the explanation are not on this page; the results "
            f"are shown in Jupyter {status.when}.")
