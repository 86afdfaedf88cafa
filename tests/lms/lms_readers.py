"""Readers for the three export formats, written from how the LMSs read them, for round-trip tests.

Each reader turns an export back into :class:`Read` records (one per question), so a
test can compare them with the bank. They are independent of the exporters: the
GIFT reader follows the rules of Moodle's GIFT import (escapes first, the first
``{`` and ``}`` bound the answers, ``####`` general feedback, the type told by
``#``, ``~``, ``=`` with ``->``, weights ``%n%``, feedback after ``#``); the QTI
reader follows Canvas's reading of ``question_type``, ``resprocessing`` and
``itemfeedback``; the Moodle XML reader reads the elements Moodle's import reads.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


@dataclass
class Read:
    """One question as an LMS would read it back."""

    id: str
    kind: str
    prompt: str = ""
    options: list[str] = field(default_factory=list)
    option_feedback: dict[str, str] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)
    low: float | None = None
    high: float | None = None
    accepted: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    matches: dict[str, str] = field(default_factory=dict)
    hint: str = ""
    hints: list[str] = field(default_factory=list)
    explanation: str = ""
    category: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def plain(markup: str | None) -> str:
    """HTML as the text a learner sees (our exports only use escapes and ``<br>``)."""
    return html.unescape((markup or "").replace("<br>", "\n"))


# -- Canvas QTI ----------------------------------------------------------------------------------


def qti_files(data: bytes) -> dict[str, bytes]:
    """The zip's files by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def qti_assessments(data: bytes) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every QTI assessment the manifest names, in manifest order."""
    files = qti_files(data)
    manifest = ET.fromstring(files["imsmanifest.xml"])
    out = []
    for resource in manifest.iter(f"{CP}resource"):
        if resource.get("type") == "imsqti_xmlv1p2":
            href = resource.find(f"{CP}file").get("href")
            out.append((href, files[href]))
    return out


def _mattext(node: ET.Element | None) -> str:
    if node is None:
        return ""
    text = node.find(f"{QTI}material/{QTI}mattext")
    if text is None:
        return ""
    return plain(text.text) if text.get("texttype") == "text/html" else (text.text or "")


def read_qti(data: bytes) -> list[Read]:
    """Every item of every assessment in a Canvas QTI zip."""
    out = []
    for _, xml in qti_assessments(data):
        root = ET.fromstring(xml)
        title = root.find(f"{QTI}assessment").get("title")
        for item in root.iter(f"{QTI}item"):
            out.append(_qti_item(item, title))
    return out


def _qti_item(item: ET.Element, title: str) -> Read:
    meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
            for f in item.iter(f"{QTI}qtimetadatafield")}
    read = Read(item.get("title"), meta["question_type"], category=title)
    presentation = item.find(f"{QTI}presentation")
    read.prompt = _mattext(presentation)
    feedback = {fb.get("ident"): _mattext(fb.find(f"{QTI}flow_mat")) for fb in item.iter(f"{QTI}itemfeedback")}
    read.explanation = feedback.get("general_fb", "")
    read.hint = feedback.get("general_incorrect_fb", "")
    conditions = list(item.iter(f"{QTI}respcondition"))
    for cond in conditions:  # every feedback a condition shows exists (Canvas drops dangling links)
        for shown in cond.iter(f"{QTI}displayfeedback"):
            assert shown.get("linkrefid") in feedback, shown.get("linkrefid")
    labels = {}
    for response in presentation.findall(f"{QTI}response_lid"):
        for label in response.iter(f"{QTI}response_label"):
            labels[label.get("ident")] = _mattext(label)
    if read.kind in ("multiple_choice_question", "multiple_answers_question"):
        read.options = list(labels.values())
        for ident, text in labels.items():
            if f"{ident}_fb" in feedback:
                read.option_feedback[text] = feedback[f"{ident}_fb"]
        scoring = [c for c in conditions if c.find(f"{QTI}setvar") is not None]
        assert len(scoring) == 1
        var = scoring[0].find(f"{QTI}conditionvar")
        both = var.find(f"{QTI}and")
        if both is None:
            read.fractions = {labels[v.text]: 1.0 for v in var.findall(f"{QTI}varequal")}
        else:
            read.fractions = {labels[v.text]: 1.0 for v in both.findall(f"{QTI}varequal")}
            read.fractions |= {labels[v.text]: -1.0 for v in both.findall(f"{QTI}not/{QTI}varequal")}
    elif read.kind == "numerical_question":
        scoring = next(c for c in conditions if c.find(f"{QTI}setvar") is not None)
        read.low = float(scoring.find(f".//{QTI}vargte").text)
        read.high = float(scoring.find(f".//{QTI}varlte").text)
        exact = scoring.find(f".//{QTI}varequal")
        read.extra["exact"] = exact.text if exact is not None else ""
    elif read.kind == "short_answer_question":
        scoring = next(c for c in conditions if c.find(f"{QTI}setvar") is not None)
        read.accepted = [v.text for v in scoring.iter(f"{QTI}varequal")]
    elif read.kind == "matching_question":
        lefts = {r.get("ident"): _mattext(r) for r in presentation.findall(f"{QTI}response_lid")}
        read.options = list(lefts.values())
        total = 0.0
        for cond in conditions:
            setvar = cond.find(f"{QTI}setvar")
            equal = cond.find(f"{QTI}conditionvar/{QTI}varequal")
            if setvar is not None and equal is not None:
                assert setvar.get("action") == "Add"
                total += float(setvar.text)
                read.matches[lefts[equal.get("respident")]] = labels[equal.text]
        read.extra["total"] = f"{total:.2f}"
    return read


# -- Moodle XML ------------------------------------------------------------------------------------


def _moodle_text(node: ET.Element | None) -> str:
    if node is None:
        return ""
    text = node.findtext("text") or ""
    return plain(text) if node.get("format") == "html" else text


def read_moodle(xml: bytes) -> list[Read]:
    """Every question of a Moodle XML file (categories set each question's ``category``)."""
    category = ""
    out = []
    for question in ET.fromstring(xml).findall("question"):
        kind = question.get("type")
        if kind == "category":
            category = question.findtext("category/text")
            continue
        read = Read(question.findtext("name/text"), kind, category=category)
        read.prompt = _moodle_text(question.find("questiontext"))
        read.explanation = _moodle_text(question.find("generalfeedback"))
        read.hint = _moodle_text(question.find("incorrectfeedback"))
        read.hints = [_moodle_text(h) for h in question.findall("hint")]
        read.extra = {tag: question.findtext(tag) or "" for tag in
                      ("idnumber", "single", "usecase", "gradingtype", "selecttype", "layouttype", "defaultgrade")}
        answers = question.findall("answer")
        if kind == "multichoice":
            for answer in answers:
                text = _moodle_text(answer)
                read.options.append(text)
                read.fractions[text] = float(answer.get("fraction")) / 100
                feedback = _moodle_text(answer.find("feedback"))
                if feedback:
                    read.option_feedback[text] = feedback
        elif kind == "numerical":
            for answer in answers:
                if answer.findtext("text") == "*":
                    read.hint = _moodle_text(answer.find("feedback"))
                    continue
                value, tolerance = float(answer.findtext("text")), float(answer.findtext("tolerance"))
                read.low, read.high = value - tolerance, value + tolerance
        elif kind == "shortanswer":
            for answer in answers:
                if answer.findtext("text") == "*":
                    read.hint = _moodle_text(answer.find("feedback"))
                    continue
                assert float(answer.get("fraction")) == 100
                read.accepted.append(answer.findtext("text").replace("\\*", "*"))
        elif kind == "ordering":
            read.order = [_moodle_text(a) for a in answers]
        out.append(read)
    return out


# -- GIFT (as Moodle's import reads it) ---------------------------------------------------------------

_ESCAPES = {"\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04", "\\}": "\x05", "\\~": "\x06",
            "\\n": "\x07"}
_BACK = {"\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}", "\x06": "~", "\x07": "\n"}
_WEIGHT = re.compile(r"^%(-?[0-9]{1,3}(?:\.[0-9]*)?)%")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for escaped, mark in _ESCAPES.items():
        text = text.replace(escaped, mark)
    return text.replace("\x00", "\\")


def _post(text: str) -> str:
    for mark, char in _BACK.items():
        text = text.replace(mark, char)
    return text


def _formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """(format, text) of a GIFT text that may start with ``[html]``."""
    text = text.strip()
    found = re.match(r"^\[(html|moodle|plain|markdown)\]", text)
    fmt = found.group(1) if found else default
    if found:
        text = text[found.end():]
    return fmt, _post(text).strip()


def _shown(text: str, fmt: str) -> str:
    return plain(text) if fmt == "html" else text


def _split_feedback(answer: str, fmt: str) -> tuple[str, str]:
    head, _, feedback = answer.partition("#")
    return _shown(_post(head).strip(), fmt), _shown(_post(feedback).strip(), fmt)


def gift_blocks(text: str) -> list[str]:
    """The questions (and category lines) of a GIFT file: runs of lines between blank lines, comments removed."""
    blocks, current = [], []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(" " if line.strip().startswith("//") else line)
    if current:
        blocks.append(current)
    return ["\n".join(b).strip() for b in blocks if "\n".join(b).strip()]


def read_gift(text: str) -> list[Read]:
    """Every question of a GIFT file, read by Moodle's rules."""
    category = ""
    out = []
    for block in gift_blocks(text):
        block = _pre(block)
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:"):].strip()
            continue
        name = ""
        if block.startswith("::"):
            end = block.index("::", 2)
            name, block = _post(block[2:end]), block[end + 2:].strip()
        start, finish = block.index("{"), block.index("}")
        answers = block[start + 1:finish].strip()
        assert block.endswith("}"), "text after the answers would be a missing-word question"
        fmt, prompt = _formatted(block[:start])
        read = Read(name, "", prompt=_shown(prompt, fmt), category=category)
        general = answers.rfind("####")
        if general >= 0:
            read.explanation = _shown(_post(answers[general + 4:]).strip(), fmt)
            answers = answers[:general].strip()
        if answers.startswith("#"):
            read.kind = "numerical"
            body, tilde, wrong = answers[1:].partition("~")
            if tilde:
                read.hint = _split_feedback(wrong, fmt)[1]
            (value,) = [a.strip() for a in body.split("=") if a.strip()]
            value = value.split("#")[0]
            if ".." in value:
                low, high = value.split("..")
                read.low, read.high = float(low), float(high)
            else:
                number, _, margin = value.partition(":")
                read.low, read.high = float(number) - float(margin or 0), float(number) + float(margin or 0)
        elif "~" in answers:
            read.kind = "multichoice"
            read.extra["single"] = "true" if "=" in answers else "false"
            for answer in [a.strip() for a in answers.replace("=", "~=").split("~") if a.strip()]:
                if answer.startswith("="):
                    weight, answer = 1.0, answer[1:]
                else:
                    found = _WEIGHT.match(answer)
                    weight = float(found.group(1)) / 100 if found else 0.0
                    answer = answer[found.end():] if found else answer
                option, feedback = _split_feedback(answer, fmt)
                read.options.append(option)
                read.fractions[option] = weight
                if feedback:
                    read.option_feedback[option] = feedback
        elif "=" in answers and "->" in answers:
            read.kind = "match"
            for pair in [a.strip() for a in answers.split("=") if a.strip()]:
                left, right = pair.split("->", 1)
                read.options.append(_shown(_post(left).strip(), fmt))
                read.matches[read.options[-1]] = _post(right).strip()
        else:
            read.kind = "shortanswer"
            for answer in [a.strip() for a in answers.split("=") if a.strip()]:
                found = _WEIGHT.match(answer)
                weight = float(found.group(1)) / 100 if found else 1.0
                answer = answer[found.end():] if found else answer
                head, _, feedback = answer.partition("#")
                if weight == 0 and _post(head).strip() == "*":
                    read.hint = _shown(_post(feedback).strip(), fmt)
                else:
                    assert weight == 1.0
                    read.accepted.append(_post(head).strip().replace("\\*", "*"))
        out.append(read)
    return out
