"""Find kzlessons quizzes in JupyterLab's DOM by structure, and answer them like a learner.

A quiz is an output area (``.jp-OutputArea-output``) that holds an ipywidgets button named
"Check"; its feedback region is the element with ``role=status`` or ``aria-live`` inside it.
Choices are native radios/checkboxes inside a ``<fieldset>`` named by its ``<legend>`` (the
question), found by role and label; ordering positions are native ``<select>`` elements.
The i-th quiz output in a notebook belongs to the i-th ``kz.quiz.ask("id")`` call in its
source, and the question (answer, options, explanation) comes from ``kzlessons/banks/*.yaml``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ASK = re.compile(r"""\bquiz\.ask\(\s*["']([\w-]+)["']""")
CHECK_NAME = re.compile(r"^\s*\W?\s*Check\b", re.I)
SUCCESS = re.compile(r"\bcorrect\b|well done|that.s right", re.I)
WRONG = re.compile(r"\bnot (quite|correct|right)\b|\bincorrect\b|try again|\bwrong\b", re.I)
FEEDBACK_SELECTOR = "[role=status], [aria-live]"
SHOW_NAME = re.compile(r"^\s*Show answer\b", re.I)
RESET_NAME = re.compile(r"^\s*Reset\b", re.I)
TRY_AGAIN = re.compile(r"\btry again\b", re.I)
SHOWN = re.compile(r"\banswer shown\b", re.I)


def load_banks() -> dict[str, dict]:
    """Every question of every bank, by id (with its ``lesson``)."""
    import yaml

    questions: dict[str, dict] = {}
    for path in sorted((REPO / "kzlessons" / "banks").glob("l*.y*ml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for question in bank.get("questions") or []:
            questions[str(question["id"])] = {**question, "lesson": str(bank.get("lesson", ""))}
    return questions


def asked_ids(notebook: Path) -> list[str]:
    """Question ids in the order the notebook's code cells ask them."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    ids: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            source = "".join(cell.get("source", []))
            ids += ASK.findall("\n".join(line for line in source.splitlines() if not line.lstrip().startswith("#")))
    return ids


def plain(text: object) -> str:
    """Option / explanation text with markdown marks removed, whitespace collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(text))
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip()


def words_pattern(text: object, n: int = 6) -> re.Pattern[str]:
    """A regex matching the first ``n`` words of ``text`` whatever the formatting between them."""
    words = re.findall(r"\w+", plain(text))[:n]
    return re.compile(r"\W+".join(map(re.escape, words)), re.I)


def option_text(question: dict, option_id: str) -> str:
    for option in question.get("options") or []:
        if str(option["id"]) == str(option_id):
            return plain(option["text"])
    raise KeyError(f"{question['id']}: no option {option_id!r}")


def wrong_option(question: dict) -> str:
    """A wrong option id, preferring one with its own feedback."""
    answer = question["answer"]
    right = {str(a) for a in answer} if isinstance(answer, list) else {str(answer)}
    wrong = [o for o in question.get("options") or [] if str(o["id"]) not in right]
    wrong.sort(key=lambda o: 0 if o.get("feedback") else 1)
    return str(wrong[0]["id"])


def quiz_outputs(page, root_selector: str = ".jp-NotebookPanel:not(.lm-mod-hidden)"):
    """Locator of every quiz output area (those with a Check button), in document order.

    The output of a ``kz.review()`` recap (class ``kzlessons-review``, which may hold several quizzes
    chosen from the learner's history) is left out, so the i-th output is the i-th ``kz.quiz.ask`` call."""
    root = page.locator(root_selector).first
    return root.locator(".jp-OutputArea-output").filter(
        has=page.get_by_role("button", name=CHECK_NAME)).filter(has_not=page.locator(".kzlessons-review"))


def quiz_for(page, qid: str, root_selector: str = ".jp-NotebookPanel:not(.lm-mod-hidden)"):
    """Locator of the quiz output area that asks ``qid`` (its "Self-check" line carries ``data-qid="<qid>"``;
    the id is not in the line's spoken text).

    Prefer this to ``quiz_outputs(page).nth(i)``: while widget views are still rendering, the i-th
    output *with a Check button* can be a different quiz from one moment to the next (a quiz above
    it may not have drawn yet), so an nth locator re-resolved between two steps may point elsewhere.
    A locator keyed by the question id always resolves to the same quiz.
    """
    own_id = page.locator(f"[data-qid={json.dumps(qid)}]")
    return quiz_outputs(page, root_selector).filter(has=own_id).first


def wait_ready(page, quiz, timeout: float = 60_000) -> None:
    """Wait until every part of the quiz view is in the page: an input and the feedback region.

    The parts are separate widget views that the front end draws one by one; reading the feedback
    before its region exists (or pressing Check before the inputs exist) is a test reading too early.
    """
    quiz.wait_for(state="attached", timeout=timeout)
    page.wait_for_function(
        """([quiz, selector]) => !!quiz.querySelector(selector)
               && !!quiz.querySelector('input, select, textarea')""",
        arg=[quiz.element_handle(), FEEDBACK_SELECTOR], timeout=timeout, polling=100)


def attempts_shown(feedback: str) -> int | None:
    """The attempt count in a feedback text ("Attempts: 3" -> 3), None when it shows none.

    >>> attempts_shown("Not quite, Attempts: 3"), attempts_shown("")
    (3, None)
    """
    found = re.search(r"Attempts?:?\s*(\d+)", feedback)
    return int(found.group(1)) if found else None


def check_button(quiz):
    return quiz.get_by_role("button", name=CHECK_NAME).first


def press(page, quiz, name: re.Pattern[str]) -> str:
    """Press one of the quiz's buttons by name (e.g. :data:`SHOW_NAME`); returns the feedback once it changed
    (or at once when the button leaves it as it was)."""
    before = feedback_text(quiz)
    quiz.get_by_role("button", name=name).first.click()
    try:
        return wait_feedback_change(page, quiz, before, timeout=10_000)
    except Exception:  # noqa: BLE001 - e.g. Reset on an empty quiz changes nothing
        return feedback_text(quiz)


def feedback_region(quiz):
    return quiz.locator(FEEDBACK_SELECTOR).first


def choose(quiz, question: dict, option_ids: list[str]) -> None:
    """Click the options (radio or checkbox) whose labels show these options' texts; untick the others."""
    kind = "checkbox" if question.get("type") == "multiple" else "radio"
    wanted = {str(o) for o in option_ids}
    for option in question.get("options") or []:
        control = quiz.get_by_role(kind, name=option_text(question, option["id"])).first
        if str(option["id"]) in wanted:
            control.check()
        elif kind == "checkbox" and control.is_checked():
            control.uncheck()


def feedback_text(quiz) -> str:
    region = quiz.locator(FEEDBACK_SELECTOR)
    return region.first.inner_text() if region.count() else ""


def wait_feedback_change(page, quiz, before: str, timeout: float = 30_000) -> str:
    """Wait until the quiz's feedback region shows new, non-empty text, and return that text.

    When the text before showed an attempt count, the new text must show a higher one: the answer
    to *this* Check, not a late-drawn earlier state. The text is read inside the same poll that saw
    the change (queried afresh each poll, so this also works for a view that rebuilds its region).
    """
    handle = page.wait_for_function(
        r"""([quiz, selector, before, count]) => { const r = quiz.querySelector(selector);
               if (!r) return false;
               const text = r.innerText;
               if (text.trim() === '' || text === before) return false;
               if (count !== null) {
                   const m = text.match(/Attempts?:?\s*(\d+)/);
                   if (m && Number(m[1]) <= count) return false;
               }
               return text; }""",
        arg=[quiz.element_handle(), FEEDBACK_SELECTOR, before, attempts_shown(before)],
        timeout=timeout, polling=100)
    return handle.json_value()


def submit(page, quiz, question: dict, option_ids: list[str]) -> str:
    """Choose options, press Check with the mouse, return the new feedback text."""
    wait_ready(page, quiz)
    choose(quiz, question, option_ids)
    before = feedback_text(quiz)
    check_button(quiz).click()
    return wait_feedback_change(page, quiz, before)


def is_success(feedback: str) -> bool:
    return bool(SUCCESS.search(feedback)) and not WRONG.search(feedback)


def right_options(question: dict) -> list[str]:
    answer = question["answer"]
    return [str(a) for a in answer] if isinstance(answer, list) else [str(answer)]


TYPES = ("single", "multiple", "numeric", "text", "ordering")


def one_per_type(banks: dict[str, dict]) -> list[str]:
    """The first question id of each type (bank order), for notebooks that exercise every quiz view."""
    chosen: dict[str, str] = {}
    for qid, question in banks.items():
        chosen.setdefault(str(question.get("type")), qid)
    return [chosen[t] for t in TYPES if t in chosen]


def answer_something(page, quiz, question: dict) -> str:
    """Give a (probably wrong) answer of the right kind and press Check; returns the feedback."""
    kind = question.get("type")
    wait_ready(page, quiz)
    if kind in {"single", "multiple"}:
        return submit(page, quiz, question, [wrong_option(question)])
    if kind == "ordering":  # fill every position, in reverse of the right order
        ids = list(reversed(right_options(question)))
        selects = quiz.locator("select")
        for i in range(min(selects.count(), len(ids))):
            selects.nth(i).select_option(label=option_text(question, ids[i]))
    boxes = quiz.locator("input[type=text], input[type=number], textarea")
    if kind in {"numeric", "text"} and boxes.count():
        boxes.first.fill("0" if kind == "numeric" else "not an answer")
    before = feedback_text(quiz)
    check_button(quiz).click()
    return wait_feedback_change(page, quiz, before)


def make_quiz_notebook(path: Path, qids: list[str]) -> Path:
    """A notebook that sets up kzlessons and asks each question in its own cell."""
    import nbformat

    cells = [nbformat.v4.new_code_cell("import kzlessons as kz\nkz.setup()")]
    cells += [nbformat.v4.new_code_cell(f'kz.quiz.ask("{qid}")') for qid in qids]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def widget_problem() -> str | None:
    if not (REPO / "kzlessons" / "quiz" / "widget.py").is_file():
        return "the quiz widget (kzlessons/quiz/widget.py) is not written yet"
    return None
