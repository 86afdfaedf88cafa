"""Canvas-flavoured QTI 1.2: a zip that Canvas imports as classic quizzes, one quiz per lesson.

The layout is the one Canvas itself exports and text2qti writes (learned from
both; no code of theirs is used): ``imsmanifest.xml`` naming, for each quiz, an
assessment ``<ident>/<ident>.xml`` (QTI 1.2 ``questestinterop``, valid against
the IMS QTI ASI 1.2.1 grammar) and Canvas's ``<ident>/assessment_meta.xml``.
Canvas reads the question type from the item's ``question_type`` metadata,
the options, the key from ``resprocessing``, and these feedback items:
``general_fb`` (the explanation, shown after any answer), ``general_incorrect_fb``
(the hint, after a wrong answer) and ``<option ident>_fb`` (an option's own feedback).

Ordering questions become ``matching_question`` (Canvas classic quizzes have no
ordering type): each item is matched to its place; see :data:`.carry.WAYS`.

>>> import io, zipfile
>>> from kzlessons.quiz import bank
>>> data, report = package([("00", "Lesson 00: Start here", bank.load_lesson("00"))])
>>> names = zipfile.ZipFile(io.BytesIO(data)).namelist()
>>> names[:2], report.counts()["not carried"]
(['imsmanifest.xml', 'non_cc_assessments/'], 0)
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence

from ..quiz.question import Question
from .carry import NOT_CARRIED, Outcome, Report, plan
from .common import ORDER_NOTE, accepted_answers, html_text, number, numeric_key, place, prompt_text

__all__ = ["NS", "SCHEMA_LOCATION", "assessment_ident", "item_ident", "assessment_xml", "package"]

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA_LOCATION = f"{NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
_CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
#: Zip entries get this time, so the same bank always gives the same bytes.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def assessment_ident(lesson: str) -> str:
    """The quiz's identifier (stable, so a re-import can replace the same quiz)."""
    return f"kzlessons-l{lesson}"


def item_ident(question: Question) -> str:
    """The item's identifier: the bank id, prefixed."""
    return f"kz-{question.id}"


class _Builder:
    """Element helpers for a document in one default namespace.

    Tags are written unqualified and the root carries ``xmlns`` (ElementTree refuses
    unqualified attributes beside a ``default_namespace``, and registering a prefix
    would be a process-wide change).
    """

    def __init__(self, namespace: str) -> None:
        self.ns = namespace

    def root(self, tag: str, **attrs: str) -> ET.Element:
        return ET.Element(tag, {"xmlns": self.ns, **attrs})

    def el(self, parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
        if text is not None:
            node.text = text
        return node


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


_Q = _Builder(NS)


def _material(parent: ET.Element, text: str, html: bool = True) -> None:
    material = _Q.el(parent, "material")
    if html:
        _Q.el(material, "mattext", html_text(text), texttype="text/html")
    else:
        _Q.el(material, "mattext", text, texttype="text/plain")


def _metadata(item: ET.Element, question_type: str, answer_ids: Sequence[str], ident: str) -> None:
    fields = {"question_type": question_type, "points_possible": "1.0",
              "original_answer_ids": ",".join(answer_ids), "assessment_question_identifierref": f"{ident}-ref"}
    meta = _Q.el(_Q.el(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = _Q.el(meta, "qtimetadatafield")
        _Q.el(field, "fieldlabel", label)
        _Q.el(field, "fieldentry", entry)


def _condition(proc: ET.Element, cont: str, tests: Sequence[ET.Element] | None = None, *,
               score: str | None = None, action: str = "Set", feedback: str | None = None) -> ET.Element:
    cond = _Q.el(proc, "respcondition", **{"continue": cont})
    var = _Q.el(cond, "conditionvar")
    if tests is None:
        _Q.el(var, "other")
    else:
        var.extend(tests)
    if score is not None:
        _Q.el(cond, "setvar", score, action=action, varname="SCORE")
    if feedback is not None:
        _Q.el(cond, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
    return cond


def _equal(value: str, respident: str = "response1") -> ET.Element:
    return _Q.el(None, "varequal", value, respident=respident)


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    flow = _Q.el(_Q.el(item, "itemfeedback", ident=ident), "flow_mat")
    _material(flow, text)


def _processing(item: ET.Element) -> ET.Element:
    proc = _Q.el(item, "resprocessing")
    _Q.el(_Q.el(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    return proc


def _choice_item(item: ET.Element, q: Question, ident: str) -> dict[str, str]:
    multiple = q.type == "multiple"
    answer_ids = {o.id: f"{ident}-{o.id}" for o in q.options}
    _metadata(item, "multiple_answers_question" if multiple else "multiple_choice_question",
              list(answer_ids.values()), ident)
    presentation = _Q.el(item, "presentation")
    _material(presentation, prompt_text(q))
    response = _Q.el(presentation, "response_lid", ident="response1", rcardinality="Multiple" if multiple else "Single")
    choices = _Q.el(response, "render_choice")
    for option in q.options:
        label = _Q.el(choices, "response_label", ident=answer_ids[option.id])
        _material(label, option.text)
    proc = _processing(item)
    if q.explanation:
        _condition(proc, "Yes", feedback="general_fb")
    feedback = {answer_ids[o.id]: o.feedback for o in q.options if o.feedback}
    for answer_id in feedback:
        _condition(proc, "Yes", [_equal(answer_id)], feedback=f"{answer_id}_fb")
    if multiple:
        both = _Q.el(None, "and")
        for option in q.options:
            if option.id in q.answer:
                both.append(_equal(answer_ids[option.id]))
            else:
                _Q.el(both, "not").append(_equal(answer_ids[option.id]))
        _condition(proc, "No", [both], score="100")
    else:
        _condition(proc, "No", [_equal(answer_ids[q.answer])], score="100")
    return {f"{k}_fb": v for k, v in feedback.items()}


def _numeric_item(item: ET.Element, q: Question, ident: str) -> dict[str, str]:
    _metadata(item, "numerical_question", [f"{ident}-answer"], ident)
    presentation = _Q.el(item, "presentation")
    _material(presentation, prompt_text(q))
    response = _Q.el(presentation, "response_str", ident="response1", rcardinality="Single")
    _Q.el(_Q.el(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
    proc = _processing(item)
    if q.explanation:
        _condition(proc, "Yes", feedback="general_fb")
    key = numeric_key(q)
    bounds = [_Q.el(None, "vargte", number(key.low), respident="response1"),
              _Q.el(None, "varlte", number(key.high), respident="response1")]
    if key.is_range:
        _condition(proc, "No", bounds, score="100")
    else:
        either = _Q.el(None, "or")
        either.append(_equal(number(key.value)))
        _Q.el(either, "and").extend(bounds)
        _condition(proc, "No", [either], score="100")
    return {}


def _text_item(item: ET.Element, q: Question, ident: str) -> dict[str, str]:
    answers = accepted_answers(q)
    _metadata(item, "short_answer_question", [f"{ident}-{i}" for i in range(1, len(answers) + 1)], ident)
    presentation = _Q.el(item, "presentation")
    _material(presentation, prompt_text(q))
    response = _Q.el(presentation, "response_str", ident="response1", rcardinality="Single")
    _Q.el(_Q.el(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    proc = _processing(item)
    if q.explanation:
        _condition(proc, "Yes", feedback="general_fb")
    _condition(proc, "No", [_equal(a) for a in answers], score="100")
    return {}


def _matching_item(item: ET.Element, q: Question, ident: str) -> dict[str, str]:
    """An ordering question as Canvas matching: each item (left) is matched to its place (right)."""
    places = [f"{ident}-place{n}" for n in range(1, len(q.options) + 1)]
    lefts = {o.id: f"{ident}-{o.id}" for o in q.options}
    _metadata(item, "matching_question", list(lefts.values()), ident)
    presentation = _Q.el(item, "presentation")
    _material(presentation, f"{q.prompt} {ORDER_NOTE}")
    for option in q.options:
        response = _Q.el(presentation, "response_lid", ident=f"response_{lefts[option.id]}")
        _material(response, option.text)
        choices = _Q.el(response, "render_choice")
        for n, place_id in enumerate(places, start=1):
            _material(_Q.el(choices, "response_label", ident=place_id), place(n), html=False)
    proc = _processing(item)
    if q.explanation:
        _condition(proc, "Yes", feedback="general_fb")
    each = f"{100 / len(q.options):.2f}"
    for position, option_id in enumerate(q.answer):
        _condition(proc, "Yes", [_equal(places[position], f"response_{lefts[option_id]}")], score=each,
                   action="Add")
    if q.feedback:  # the hint, when any item is not in its place
        not_all = _Q.el(None, "not")
        _Q.el(not_all, "and").extend(_equal(places[n], f"response_{lefts[i]}") for n, i in enumerate(q.answer))
        _condition(proc, "Yes", [not_all], feedback="general_incorrect_fb")
    return {}


_WRITERS = {"single": _choice_item, "multiple": _choice_item, "numeric": _numeric_item, "text": _text_item,
            "ordering": _matching_item}


def _item(section: ET.Element, q: Question) -> None:
    ident = item_ident(q)
    item = _Q.el(section, "item", ident=ident, title=q.id)
    option_feedback = _WRITERS[q.type](item, q, ident)
    proc = item.find("resprocessing")
    if q.feedback and proc is not None and q.type != "ordering":  # reached only when the answer was not right
        _condition(proc, "Yes", feedback="general_incorrect_fb")
    if q.explanation:
        _feedback(item, "general_fb", q.explanation)
    if q.feedback:
        _feedback(item, "general_incorrect_fb", q.feedback)
    for feedback_ident, text in option_feedback.items():
        _feedback(item, feedback_ident, text)


def assessment_xml(lesson: str, title: str, questions: Sequence[Question],
                   allow_changes: bool = True) -> tuple[bytes, list[Outcome]]:
    """One lesson's quiz as QTI 1.2 ``questestinterop`` bytes, and what happened to each question."""
    root = _Q.root("questestinterop", **{"xmlns:xsi": _XSI, "xsi:schemaLocation": SCHEMA_LOCATION})
    assessment = _Q.el(root, "assessment", ident=assessment_ident(lesson), title=f"kzlessons {title}")
    field = _Q.el(_Q.el(assessment, "qtimetadata"), "qtimetadatafield")
    _Q.el(field, "fieldlabel", "cc_maxattempts")
    _Q.el(field, "fieldentry", "1")
    section = _Q.el(assessment, "section", ident="root_section")
    outcomes = []
    for q in questions:
        outcome = plan(q, "qti", allow_changes)
        outcomes.append(outcome)
        if outcome.status != NOT_CARRIED:
            _item(section, q)
    return _bytes(root), outcomes


def _meta_xml(lesson: str, title: str, count: int) -> bytes:
    """Canvas's ``assessment_meta.xml``: the quiz's settings (unpublished, answers kept in bank order)."""
    c = _Builder(_CANVAS)
    ident = assessment_ident(lesson)
    points = f"{float(count):.1f}"
    quiz = c.root("quiz", identifier=ident)
    settings: dict[str, str] = {
        "title": f"kzlessons {title}",
        "description": html_text(f"The kzlessons question bank of {title} ({count} questions)."),
        "shuffle_answers": "false", "scoring_policy": "keep_highest", "hide_results": "", "quiz_type": "assignment",
        "points_possible": points, "show_correct_answers": "true", "anonymous_submissions": "false",
        "could_be_locked": "false", "allowed_attempts": "1", "one_question_at_a_time": "false",
        "cant_go_back": "false", "available": "false",
    }
    for tag, text in settings.items():
        c.el(quiz, tag, text)
    assignment = c.el(quiz, "assignment", identifier=f"{ident}-assignment")
    for tag, text in {"title": f"kzlessons {title}", "workflow_state": "unpublished",
                      "quiz_identifierref": ident, "points_possible": points, "grading_type": "points",
                      "submission_types": "online_quiz"}.items():
        c.el(assignment, tag, text)
    c.el(quiz, "assignment_group_identifierref", f"{ident}-group")
    return _bytes(quiz)


def _manifest(lessons: Sequence[str]) -> bytes:
    """``imsmanifest.xml``: one QTI resource per quiz, with its Canvas settings file as a dependency."""
    m = _Builder(_CP)
    manifest = m.root("manifest", identifier="kzlessons-question-banks")
    metadata = m.el(manifest, "metadata")
    m.el(metadata, "schema", "IMS Content")
    m.el(metadata, "schemaversion", "1.1.3")
    m.el(manifest, "organizations")
    resources = m.el(manifest, "resources")
    for lesson in lessons:
        ident = assessment_ident(lesson)
        resource = m.el(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
        m.el(resource, "file", href=f"{ident}/{ident}.xml")
        m.el(resource, "dependency", identifierref=f"{ident}-meta")
        meta = m.el(resources, "resource", identifier=f"{ident}-meta", href=f"{ident}/assessment_meta.xml",
                    type="associatedcontent/imscc_xmlv1p1/learning-application-resource")
        m.el(meta, "file", href=f"{ident}/assessment_meta.xml")
    return _bytes(manifest)


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def package(lessons: Sequence[tuple[str, str, Sequence[Question]]],
            allow_changes: bool = True) -> tuple[bytes, Report]:
    """The QTI zip for ``(lesson, title, questions)`` triples (one quiz each), and the export's report.

    A lesson none of whose questions can be written gets no quiz.
    """
    report = Report("qti")
    files: list[tuple[str, bytes]] = []
    written: list[str] = []
    for lesson, title, questions in lessons:
        xml, outcomes = assessment_xml(lesson, title, questions, allow_changes)
        report.outcomes += outcomes
        count = sum(1 for o in outcomes if o.status != NOT_CARRIED)
        if not count:
            continue
        ident = assessment_ident(lesson)
        files += [(f"{ident}/{ident}.xml", xml), (f"{ident}/assessment_meta.xml", _meta_xml(lesson, title, count))]
        written.append(lesson)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _write(archive, "imsmanifest.xml", _manifest(written))
        _write(archive, "non_cc_assessments/", b"")
        for name, data in files:
            _write(archive, name, data)
    return buffer.getvalue(), report

