"""Tests for kzlessons/lms/qti.py: the Canvas QTI 1.2 zip is valid QTI and carries every bank question.

Validity: no PyPI, npm or Debian package ships IMS's ``ims_qtiasiv1p2p1.xsd`` (searched), so each
assessment is validated with lxml against the IMS QTI ASI 1.2.1 DTD, the normative grammar the XSD
was generated from (``tests/lms/data/``, taken from the pyslet sdist on PyPI; see the README
there). A DTD knows no namespaces, so the namespace and ``xsi:schemaLocation`` are stripped first;
every element and attribute is still checked against QTI 1.2.1's content models.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from lms_readers import qti_assessments, qti_files, read_qti
from lxml import etree

from kzlessons.lms import qti
from kzlessons.lms.common import ORDER_NOTE, accepted_answers, numeric_key, place, prompt_text

DATA = Path(__file__).resolve().parent / "data"
DTD_SHA256 = "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd"


@pytest.fixture(scope="module")
def dtd():
    path = DATA / "ims_qtiasiv1p2p1.dtd"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == DTD_SHA256, "the QTI DTD is not the one from pyslet"
    return etree.DTD(str(path))


def problems(dtd, xml: bytes) -> list[str]:
    """The DTD's complaints about one assessment (empty when valid)."""
    root = etree.fromstring(xml)
    assert etree.QName(root).namespace == qti.NS
    for element in root.iter():
        element.tag = etree.QName(element).localname
    for name in list(root.attrib):
        if name.startswith("{"):
            del root.attrib[name]
    etree.cleanup_namespaces(root)
    return [] if dtd.validate(root) else [str(e) for e in dtd.error_log.filter_from_errors()]


@pytest.fixture(scope="module")
def package(banks):
    data, report = qti.package(banks)
    return data, report


def test_every_assessment_is_valid_qti_1_2_1(package, dtd):
    """Is each lesson's assessment valid against the QTI ASI 1.2.1 grammar?"""
    found = qti_assessments(package[0])
    assert len(found) == 8
    for name, xml in found:
        assert problems(dtd, xml) == [], name


def test_the_validation_can_fail(package, dtd):
    """Does the same check reject a broken assessment (a response without its render, an unknown element)?"""
    _, xml = qti_assessments(package[0])[0]
    broken = xml.replace(b"<render_choice>", b"<render_nothing>", 1).replace(b"</render_choice>", b"</render_nothing>", 1)
    assert problems(dtd, broken)
    no_outcomes = xml.replace(b"<outcomes>", b"<qticomment>", 1).replace(b"</outcomes>", b"</qticomment>", 1)
    assert problems(dtd, no_outcomes)


def test_the_zip_is_laid_out_as_canvas_imports_it(package, banks):
    """Does the manifest name each quiz and its Canvas settings, and does every named file exist?"""
    files = qti_files(package[0])
    assert "imsmanifest.xml" in files
    for lesson, _, _ in banks:
        ident = qti.assessment_ident(lesson)
        assert f"{ident}/{ident}.xml" in files and f"{ident}/assessment_meta.xml" in files
        meta = etree.fromstring(files[f"{ident}/assessment_meta.xml"])
        assert meta.get("identifier") == ident
    manifest = files["imsmanifest.xml"].decode()
    for name in files:
        if name.endswith(".xml") and name != "imsmanifest.xml":
            assert f'href="{name}"' in manifest


def test_the_same_banks_give_the_same_bytes(banks, package):
    """Is the export reproducible (no clock, no random ids)?"""
    assert qti.package(banks)[0] == package[0]


def test_every_question_round_trips(package, all_questions):
    """Does every bank question come back with its prompt, options, key and feedback?"""
    read = {r.id: r for r in read_qti(package[0])}
    assert set(read) == set(all_questions)
    for qid, q in all_questions.items():
        r = read[qid]
        assert r.explanation == q.explanation and r.hint == q.feedback, qid
        if q.type in ("single", "multiple"):
            assert r.kind == ("multiple_choice_question" if q.type == "single" else "multiple_answers_question")
            assert r.prompt == q.prompt
            assert r.options == [o.text for o in q.options]
            assert r.option_feedback == {o.text: o.feedback for o in q.options if o.feedback}
            right = {q.option(a).text for a in (q.answer if q.type == "multiple" else [q.answer])}
            assert {t for t, f in r.fractions.items() if f > 0} == right, qid
            if q.type == "multiple":
                assert {t for t, f in r.fractions.items() if f < 0} == {o.text for o in q.options} - right
        elif q.type == "numeric":
            key = numeric_key(q)
            assert r.kind == "numerical_question" and r.prompt == prompt_text(q)
            assert (r.low, r.high) == pytest.approx((key.low, key.high))
            assert q.check(r.low).correct and q.check(r.high).correct
            assert r.extra["exact"] == ("" if key.is_range else qti.number(key.value))
        elif q.type == "text":
            assert r.kind == "short_answer_question" and r.prompt == q.prompt
            assert set(q.answer["accept"]) <= set(r.accepted) and r.accepted == accepted_answers(q)
            assert all(q.check(a).correct for a in r.accepted), qid
        else:
            assert r.kind == "matching_question" and r.prompt == f"{q.prompt} {ORDER_NOTE}"
            assert r.options == [o.text for o in q.options]
            assert r.matches == {q.option(a).text: place(n) for n, a in enumerate(q.answer, start=1)}
            assert float(r.extra["total"]) == pytest.approx(100, abs=0.05)


def test_a_matching_question_credits_each_item_in_its_place(package, all_questions):
    """Is the degraded ordering graded as the report says (per item in its right place), and so different
    from kzlessons (per pair in order), for every order of one question?"""
    read = {r.id: r for r in read_qti(package[0])}
    q = all_questions["l00-first-steps"]
    r = read[q.id]
    text_of = {o.id: o.text for o in q.options}
    differs = 0
    for order in itertools.permutations(q.answer):
        canvas = sum(1 for n, item in enumerate(order, start=1) if r.matches[text_of[item]] == place(n)) / len(order)
        differs += canvas != q.check(list(order)).score
        assert (canvas == 1) == q.check(list(order)).correct
    assert differs > 0


def test_html_special_characters_show_as_written():
    """Is a prompt with < & > escaped, so Canvas shows it as typed?"""
    from kzlessons.quiz.question import Question

    q = Question.from_dict({"id": "l99-x", "type": "single", "prompt": "Is 2 < 3 & 5 > 4?", "answer": "a",
                            "options": [{"id": "a", "text": "<b>yes</b>"}, {"id": "b", "text": "no"}]}, "99")
    xml, outcomes = qti.assessment_xml("99", "Lesson 99", [q])
    assert b"Is 2 &amp;lt; 3 &amp;amp; 5 &amp;gt; 4?" in xml
    (r,) = read_qti(_zip_of(xml))
    assert (r.prompt, r.options[0]) == ("Is 2 < 3 & 5 > 4?", "<b>yes</b>")


def _zip_of(xml: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", '<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">'
                         '<resources><resource type="imsqti_xmlv1p2"><file href="a.xml"/></resource></resources>'
                         "</manifest>")
        archive.writestr("a.xml", xml)
    return buffer.getvalue()


def test_without_changes_ordering_is_left_out(banks):
    """With allow_changes=False, are the ordering questions left out of the quiz and reported with a reason?"""
    data, report = qti.package(banks, allow_changes=False)
    left_out = {o.question_id for o in report.outcomes if o.status == "not carried"}
    assert left_out == {q.id for _, _, qs in banks for q in qs if q.type == "ordering"}
    assert all("--no-changes" in o.reason for o in report.outcomes if o.status == "not carried")
    assert not left_out & {r.id for r in read_qti(data)}
