"""Tests for kzlessons/quiz/assessment.py: the assessment config, where it is read from, and the release."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kzlessons.quiz import assessment as mode
from kzlessons.quiz.assessment import AssessmentConfigError, Config, parse

BANK = {"l03-a": "03", "l03-b": "03", "l04-c": "04", "l04-d": "04"}
UTC = dt.timezone.utc
RELEASE = dt.datetime(2025, 5, 1, 4, 0, tzinfo=UTC)  # 09:00 at UTC+05:00


def _config(body: str, base: Path | None = None) -> Config:
    return parse(body, base=base or Path("/nonexistent"), bank=BANK)


def test_lessons_and_questions_are_covered_and_nothing_else():
    """Does an assessment cover every question of its lessons and its named questions, and no other?"""
    config = _config('[[assessment]]\nname = "Q"\nlessons = ["03"]\nquestions = ["l04-c"]\n'
                     'release_at = 2025-05-01T09:00:00+05:00')
    before = RELEASE - dt.timedelta(seconds=1)
    assert [config.status(q, now=before).withheld for q in BANK] == [True, True, True, False]
    assert config.status("l04-d", now=before) == mode.OPEN


def test_release_at_releases_at_that_instant_in_any_time_zone():
    """Is a question withheld until release_at (its time zone honoured) and released from then on?"""
    config = _config('[[assessment]]\nname = "Q"\nlessons = ["03"]\nrelease_at = 2025-05-01T09:00:00+05:00')
    assert config.status("l03-a", now=RELEASE - dt.timedelta(microseconds=1)).withheld
    released = config.status("l03-a", now=RELEASE)
    assert released.assessed and released.released and not released.withheld
    assert released.name == "Q" and released.when == "after 1 May 2025, 09:00 (UTC+05:00)"


def test_a_string_time_is_read_too_and_utc_is_named_utc():
    """Is release_at given as a string (Z for UTC) read, and its time shown as UTC?"""
    config = _config('[[assessment]]\nlessons = ["03"]\nrelease_at = "2025-05-01T04:00:00Z"')
    assert config.status("l03-a", now=RELEASE).released
    assert config.status("l03-a", now=RELEASE).when == "after 1 May 2025, 04:00 (UTC)"


def test_release_file_releases_once_it_exists(tmp_path):
    """Is a question withheld while the release file is missing, and released once it exists (relative to
    the config's folder)?"""
    config = _config('[[assessment]]\nname = "Q"\nlessons = ["04"]\nrelease_file = "released/q"', base=tmp_path)
    assert config.status("l04-c").withheld
    assert config.status("l04-c").when == "when your instructor releases them"
    (tmp_path / "released").mkdir()
    (tmp_path / "released" / "q").write_text("")
    assert config.status("l04-c").released


def test_with_both_whichever_comes_first_releases(tmp_path):
    """With release_at and release_file, does either one release it?"""
    config = _config('[[assessment]]\nlessons = ["03"]\nrelease_at = 2025-05-01T09:00:00+05:00\n'
                     'release_file = "r"', base=tmp_path)
    early = RELEASE - dt.timedelta(days=1)
    assert config.status("l03-a", now=early).withheld
    assert config.status("l03-a", now=RELEASE).released
    (tmp_path / "r").write_text("")
    assert config.status("l03-a", now=early).released
    assert "or earlier when your instructor releases them" in config.status("l03-a", now=early).when


def test_withheld_lists_only_questions_not_released(tmp_path):
    """Does withheld() name the questions of assessments not released yet, and no others?"""
    config = _config('[[assessment]]\nname = "A"\nlessons = ["03"]\nrelease_file = "a"\n'
                     '[[assessment]]\nname = "B"\nquestions = ["l04-c"]\nrelease_file = "b"', base=tmp_path)
    assert config.withheld(BANK) == {"l03-a", "l03-b", "l04-c"}
    (tmp_path / "a").write_text("")
    assert config.withheld(BANK) == {"l04-c"}


def test_lessons_may_be_numbers():
    """Is lessons = [3] read as lesson "03"?"""
    assert _config('[[assessment]]\nlessons = [3]\nrelease_file = "r"').status("l03-b").assessed


def test_an_empty_config_assesses_nothing():
    """Does a config with no [[assessment]] leave every quiz a self-check?"""
    assert _config("# nothing yet\n").withheld(BANK) == set()


@pytest.mark.parametrize("body, words", [
    ('[[assessment]]\nlessons = ["03"]', "has no release: add release_at"),
    ('[[assessment]]\nrelease_file = "r"', "names no lessons and no questions"),
    ('[[assessment]]\nlessons = ["09"]\nrelease_file = "r"', "there is no lesson '09'; the lessons are 03, 04"),
    ('[[assessment]]\nquestions = ["l03-zzz"]\nrelease_file = "r"', "there is no question 'l03-zzz'; kz.quiz.ids()"),
    ('[[assessment]]\nlessons = ["03"]\nrelease_at = 2025-05-01T09:00:00', "has no time zone; add one"),
    ('[[assessment]]\nlessons = ["03"]\nrelease_at = 2025-05-01', "needs a time of day and a time zone"),
    ('[[assessment]]\nlessons = ["03"]\nrelease_at = "next Monday"', "is not a date and time"),
    ('[[assessment]]\nlessons = ["03"]\nrelase_at = 2025-05-01T09:00:00Z', "'relase_at' is not a setting"),
    ('[[assessment]]\nlessons = "03, 04"\nrelease_file = "r"', "no lesson '03, 04'"),
    ('[[assessment]]\nlessons = [true]\nrelease_file = "r"', "lessons must be a list such as [\"03\"]"),
    ('[[assessment]]\nlessons = ["03"]\nrelease_file = ""', "release_file must be a file path"),
    ('[[assessment]]\nname = ""\nlessons = ["03"]\nrelease_file = "r"', "name must be a short text"),
    ('[assessment]\nlessons = ["03"]', "two brackets"),
    ('[[assesment]]\nlessons = ["03"]', "'assesment' is not part of an assessment config"),
    ('[[assessment]]\nlessons = ["03"\n', "it is not valid TOML"),
    ('[[assessment]]\nname = "A"\nlessons = ["03"]\nrelease_file = "r"\n'
     '[[assessment]]\nname = "A"\nlessons = ["04"]\nrelease_file = "r"', "two assessments are called 'A'"),
    ('[[assessment]]\nname = "A"\nlessons = ["03"]\nrelease_file = "r"\n'
     '[[assessment]]\nname = "B"\nquestions = ["l03-b"]\nrelease_file = "r"', "'l03-b' is in both 'A' and 'B'"),
])
def test_a_bad_config_is_a_sentence_saying_what_to_fix(body, words):
    """Is each kind of bad config refused with a sentence (ending in a full stop) that says what is wrong?"""
    with pytest.raises(AssessmentConfigError) as caught:
        _config(body)
    message = str(caught.value)
    assert words in message and message.endswith("."), message


def test_the_environment_variable_comes_before_the_folder_file(tmp_path):
    """Does $KZLESSONS_ASSESSMENT win over kzlessons-assessment.toml in the working folder, which is used
    when the variable is unset or empty?"""
    (tmp_path / mode.FILE_NAME).write_text("")
    named = tmp_path / "hub.toml"
    assert mode.locate({mode.ENV: str(named)}, cwd=tmp_path) == named
    assert mode.locate({mode.ENV: "  "}, cwd=tmp_path) == tmp_path / mode.FILE_NAME
    assert mode.locate({}, cwd=tmp_path / "elsewhere") is None


def test_no_config_means_no_assessment(tmp_path):
    """Without a config, is every question a self-check (OPEN)?"""
    config = mode.load({}, cwd=tmp_path)
    assert config == Config() and config.status("l00-area") == mode.OPEN


def test_a_config_file_is_read_with_its_folder_as_base(tmp_path):
    """Does load() read the named file and resolve a relative release_file against the file's folder?"""
    (tmp_path / "course").mkdir()
    path = tmp_path / "course" / "assessment.toml"
    path.write_text('[[assessment]]\nname = "Quiz 1"\nlessons = ["00"]\nrelease_file = "out"\n', encoding="utf-8")
    config = mode.load({mode.ENV: str(path)}, cwd=tmp_path)
    assert config.problem == "" and config.source == str(path)
    assert config.assessments[0].release_file == (tmp_path / "course" / "out").resolve()
    assert config.status("l00-area").withheld and not config.status("l01-" + "x").assessed


@pytest.mark.parametrize("content, words", [
    (None, "does not exist; create it, or correct the path"),
    (b"\xff\xfe[[", "cannot be read"),
    (b'[[assessment]]\nlessons = ["00"]\n', "cannot be used: assessment 'assessment 1' has no release"),
])
def test_a_config_that_cannot_be_used_withholds_every_quiz_and_says_why(tmp_path, content, words):
    """Fail closed: does a missing, unreadable or invalid config put every quiz under assessment, with a
    sentence naming the file and telling the learner to tell the instructor?"""
    path = tmp_path / "a.toml"
    if content is not None:
        path.write_bytes(content)
    config = mode.load({mode.ENV: str(path)})
    status = config.status("l05-anything")
    assert status.withheld and status.name == ""
    assert words in config.problem and str(path) in config.problem
    assert config.problem.endswith("Tell your instructor; until then every quiz saves answers without checking them.")
    assert config.withheld(["l00-area", "l07-x"]) == {"l00-area", "l07-x"}


def test_the_shipped_banks_are_the_default_bank(tmp_path):
    """Without a bank given, are question ids checked against the shipped banks?"""
    assert _shipped('questions = ["l00-area"]').status("l00-area").assessed
    with pytest.raises(AssessmentConfigError, match="no question 'l00-nope'"):
        _shipped('questions = ["l00-nope"]')


def _shipped(line: str) -> Config:
    return parse(f'[[assessment]]\n{line}\nrelease_file = "r"\n', base=Path("/nonexistent"))


def test_release_creates_the_file_once(tmp_path):
    """Does release() create the release file (and its folder), release the questions, and refuse a second
    release, an unknown name and an assessment released by time only, each with a sentence?"""
    config = _config('[[assessment]]\nname = "Quiz 1"\nlessons = ["03"]\nrelease_file = "out/q1"\n'
                     '[[assessment]]\nname = "Timed"\nlessons = ["04"]\nrelease_at = 2030-01-01T00:00:00Z',
                     base=tmp_path)
    made = mode.release(config, "Quiz 1", now=RELEASE)
    assert made == tmp_path / "out" / "q1" and "Quiz 1 released at 2025-05-01T04:00:00+00:00" in made.read_text()
    assert config.status("l03-a").released
    with pytest.raises(AssessmentConfigError, match=r"already released \(its release file exists\); nothing was changed"):
        mode.release(config, "Quiz 1")
    assert "Quiz 1 released at 2025" in made.read_text()  # not overwritten
    with pytest.raises(AssessmentConfigError, match=r"no assessment called 'Quiz 2' \(the assessments: 'Quiz 1', "):
        mode.release(config, "Quiz 2")
    with pytest.raises(AssessmentConfigError, match="has no release_file, so it is released by its time only"):
        mode.release(config, "Timed")


def test_rows_under_assessment_are_marked():
    """Is a row marked assessed only by the exact mode value 'assessment'?"""
    assert mode.is_assessed({"mode": "assessment"})
    assert not mode.is_assessed({"mode": "Assessment"}) and not mode.is_assessed({"mode": None})


def test_the_instructor_guide_example_is_a_valid_config(tmp_path):
    """Does the example config in the instructor guide's 'Assessment mode' section parse with the shipped
    banks (so the guide never shows settings or question ids that do not exist)?"""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Assessment mode"):]
    example = section[section.index("```toml\n") + len("```toml\n"):section.index("```\n", section.index("```toml"))]
    config = parse(example, base=tmp_path)
    assert [a.name for a in config.assessments] == ["Quiz 1", "Final"]
    assert config.status("l04-closest-partner").assessed and not config.status("l05-" + "x").assessed


def test_the_module_example_is_a_valid_config(tmp_path):
    """Does the example in the module's docstring parse with the shipped banks?"""
    doc = mode.__doc__
    example = doc[doc.index("    [[assessment]]"):doc.index("An assessment needs")]
    example = "\n".join(line[4:] for line in example.splitlines())
    assert parse(example, base=tmp_path).status("l04-closest-partner").assessed
