"""Read and check the project's fact base (``facts/*.yaml``) and turn it into tables.

The rules are in ``facts/README.md``. :func:`load` reads the five record files and
:func:`check` returns every broken rule as a sentence (an empty list means the records are
sound); :func:`tables` builds the ``sources``, ``events``, ``claims``, ``key_figures`` and
``organisations`` tables from checked records. Only PyYAML, pandas and the standard library
are used.

>>> problems = check({"sources": [{"id": "S1", "documents": "x", "parts": [
...     {"title": "t", "publisher": "p", "date": None, "url": "https://conservapedia.com/x", "kind": "reference"}]}],
...     "events": [], "claims": [], "key_figures": [], "organisations": []})
>>> problems
['S1: https://conservapedia.com/x is a Conservapedia page, which is never cited; find a better source.']
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

FILES = ("sources", "events", "claims", "key_figures", "organisations")

#: kind -> (what it is, weak?)
KINDS: dict[str, tuple[str, bool]] = {
    "official": ("official record, law or government statement", False),
    "statistics": ("statistics office or international organisation data", False),
    "scholarly": ("scholarly work", False),
    "analysis": ("research institute or think tank", False),
    "news": ("news agency, newspaper or news magazine", False),
    "reference": ("reference work", False),
    "mirror": ("mirror or re-host of another publisher's page", True),
    "self-published": ("blog, toplist or site without an editor", True),
}
#: strongest first: the kind a source is listed under is its strongest part's
KIND_ORDER = list(KINDS)
BANNED_HOSTS = ("conservapedia",)
CATEGORIES = ["domestic", "security", "nuclear", "economy", "integration", "diplomacy", "un", "ukraine"]
EVENT_STATUSES = ["confirmed", "partly confirmed"]
CLAIM_STATUSES = ["confirmed", "partly confirmed", "corrected", "unverified", "opinion", "style note", "typo"]
#: claim statuses that may rest on no source (opinion, the reading's own wording, or nothing found)
SOURCELESS_CLAIMS = {"opinion", "style note", "typo", "unverified"}
ORG_KINDS = ["global", "political", "security", "security and economic", "economic"]

FIELDS: dict[str, tuple[set[str], set[str]]] = {  # file -> (required, optional)
    "sources": ({"id", "documents", "parts"}, {"weak_source", "note"}),
    "parts": ({"title", "publisher", "date", "url", "kind"}, {"note"}),
    "events": ({"id", "date", "category", "title", "description", "status", "sources"},
               {"status_detail", "source_note"}),
    "claims": ({"id", "reading", "claim", "status", "note", "sources"}, {"status_detail"}),
    "key_figures": ({"id", "indicator", "value", "sources"}, {"note", "source_detail"}),
    "organisations": ({"id", "name", "kind", "kazakhstan_joined", "notes", "sources"},
                      {"led_by", "founded", "members"}),
}
ID_FORMS = {"sources": r"S\d+", "events": r"E\d{3}", "claims": r"[AB]\d+", "key_figures": r"K\d{2}",
            "organisations": r"[A-Z][A-Z0-9_]+"}

MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["Sept"] = 9


def load(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The records of every file in ``folder`` (``sources.yaml`` …), as lists of dicts."""
    records = {}
    for name in FILES:
        path = folder / f"{name}.yaml"
        if not path.is_file():
            raise SystemExit(f"The fact base has no {path}; every file of facts/README.md is needed.")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(data, list):
            raise SystemExit(f"{path} should hold a list of records (lines starting with '- id:').")
        records[name] = data
    return records


def parse_date(text: str) -> tuple[pd.Timestamp, pd.Timestamp | None, str]:
    """'6 Apr 1993', 'Nov–Dec 1994', '2–11 Jan 2022', '21 Sep–4 Oct 2022', 'Apr 1995', '2016'.

    >>> parse_date("21 Sep–4 Oct 2022")
    (Timestamp('2022-09-21 00:00:00'), Timestamp('2022-10-04 00:00:00'), 'day')
    """
    t = str(text).replace("–", "-").strip()
    ts = pd.Timestamp
    if m := re.fullmatch(r"(\d{4})", t):
        return ts(int(m[1]), 1, 1), None, "year"
    if m := re.fullmatch(r"([A-Z][a-z]+) (\d{4})", t):
        return ts(int(m[2]), MONTHS[m[1]], 1), None, "month"
    if m := re.fullmatch(r"([A-Z][a-z]+)-([A-Z][a-z]+) (\d{4})", t):
        y, m2 = int(m[3]), MONTHS[m[2]]
        return ts(y, MONTHS[m[1]], 1), ts(y, m2, calendar.monthrange(y, m2)[1]), "month"
    if m := re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", t):
        return ts(int(m[3]), MONTHS[m[2]], int(m[1])), None, "day"
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2}) ([A-Z][a-z]+) (\d{4})", t):
        y, mo = int(m[4]), MONTHS[m[3]]
        return ts(y, mo, int(m[1])), ts(y, mo, int(m[2])), "day"
    if m := re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+)-(\d{1,2}) ([A-Z][a-z]+) (\d{4})", t):
        y = int(m[5])
        return ts(y, MONTHS[m[2]], int(m[1])), ts(y, MONTHS[m[4]], int(m[3])), "day"
    raise ValueError(f"cannot read the date {text!r}; write it like '6 Apr 1993', 'Apr 1995' or '2–11 Jan 2022'")


def is_weak(source: dict[str, Any]) -> bool:
    """True when every part of the source is a mirror or self-published.

    >>> is_weak({"parts": [{"kind": "mirror"}, {"kind": "self-published"}]})
    True
    """
    return all(KINDS.get(p.get("kind"), ("", False))[1] for p in source.get("parts") or [{}])


def _fields(where: str, rec: Any, kind: str) -> list[str]:
    if not isinstance(rec, dict):
        return [f"{where}: each record should be a mapping of fields, not {type(rec).__name__}."]
    required, optional = FIELDS[kind]
    out = [f"{where}: field '{f}' is missing." for f in sorted(required - rec.keys())]
    out += [f"{where}: unknown field '{f}' (allowed: {', '.join(sorted(required | optional))})."
            for f in sorted(rec.keys() - required - optional)]
    return out


def _check_source(rec: dict[str, Any]) -> list[str]:
    sid, out = rec["id"], []
    if not str(rec.get("documents") or "").strip():
        out.append(f"{sid}: say in 'documents' what the source is cited for.")
    parts = rec.get("parts")
    if not isinstance(parts, list) or not parts:
        return out + [f"{sid}: 'parts' should list at least one document."]
    for i, part in enumerate(parts, 1):
        where = f"{sid} part {i}"
        out += _fields(where, part, "parts")
        if not isinstance(part, dict):
            continue
        url = str(part.get("url") or "")
        if not url.startswith(("https://", "http://")):
            out.append(f"{where}: the url should start with https:// or http://.")
        if any(host in url.lower() for host in BANNED_HOSTS):
            out.append(f"{sid}: {url} is a Conservapedia page, which is never cited; find a better source.")
        if part.get("kind") not in KINDS:
            out.append(f"{where}: kind {part.get('kind')!r} is not one of {', '.join(KINDS)}.")
    if is_weak(rec) and not str(rec.get("weak_source") or "").strip():
        out.append(f"{sid}: every part is a mirror or self-published; say in 'weak_source' why nothing better was found.")
    if not is_weak(rec) and rec.get("weak_source"):
        out.append(f"{sid}: has 'weak_source' but a part of it is not weak; remove the mark or the better part.")
    return out


def check(records: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every broken rule of facts/README.md, as sentences (empty when all is well)."""
    out: list[str] = []
    ids: dict[str, set[str]] = {}
    for name in FILES:
        seen: set[str] = set()
        for i, rec in enumerate(records.get(name, []), 1):
            where = f"{name}.yaml record {i}"
            problems = _fields(where, rec, name)
            out += problems
            if problems and not isinstance(rec, dict):
                continue
            rid = str(rec.get("id", ""))
            if not re.fullmatch(ID_FORMS[name], rid):
                out.append(f"{where}: id {rid!r} should look like {ID_FORMS[name]}.")
            if rid in seen:
                out.append(f"{name}.yaml: id {rid} is used twice.")
            seen.add(rid)
        ids[name] = seen
    for rec in records.get("sources", []):
        if isinstance(rec, dict) and "id" in rec:
            out += _check_source(rec)
    for name in ("events", "claims", "key_figures", "organisations"):
        for rec in records.get(name, []):
            if not isinstance(rec, dict) or "id" not in rec:
                continue
            rid, cited = rec["id"], rec.get("sources")
            if not isinstance(cited, list):
                out.append(f"{rid}: 'sources' should be a list of source ids such as [S5, S6].")
                continue
            for sid in cited:
                if sid not in ids["sources"]:
                    out.append(f"{rid}: cites {sid}, which is not in sources.yaml.")
            if not cited and not (name == "claims" and rec.get("status") in SOURCELESS_CLAIMS):
                out.append(f"{rid}: cites no source; every {name[:-1].replace('_', ' ')} needs at least one.")
    for rec in records.get("events", []):
        if isinstance(rec, dict) and "id" in rec:
            try:
                parse_date(rec.get("date"))
            except ValueError as err:
                out.append(f"{rec['id']}: {err}.")
            if rec.get("category") not in CATEGORIES:
                out.append(f"{rec['id']}: category {rec.get('category')!r} is not one of {', '.join(CATEGORIES)}.")
            if rec.get("status") not in EVENT_STATUSES:
                out.append(f"{rec['id']}: status {rec.get('status')!r} is not one of {', '.join(EVENT_STATUSES)}.")
    for rec in records.get("claims", []):
        if isinstance(rec, dict) and "id" in rec:
            if rec.get("status") not in CLAIM_STATUSES:
                out.append(f"{rec['id']}: status {rec.get('status')!r} is not one of {', '.join(CLAIM_STATUSES)}.")
            if rec.get("reading") not in ("A", "B") or not str(rec["id"]).startswith(str(rec.get("reading"))):
                out.append(f"{rec['id']}: 'reading' should be A or B and match the id's letter.")
    for rec in records.get("organisations", []):
        if isinstance(rec, dict) and rec.get("kind") not in ORG_KINDS:
            out.append(f"{rec.get('id')}: kind {rec.get('kind')!r} is not one of {', '.join(ORG_KINDS)}.")
    return out


def _ids(cited: list[str]) -> str:
    return ";".join(cited)


def _part_label(part: dict[str, Any]) -> str:
    label = f"{part['publisher']}: {part['title']}" if part.get("publisher") else str(part["title"])
    return f"{label} ({part['date']})" if part.get("date") else label


def sources_table(recs: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per source, numbered order; ``kind`` is its strongest part's kind."""
    rows = []
    for r in recs:
        kinds = [p["kind"] for p in r["parts"]]
        rows.append({
            "source_id": r["id"], "title": "; ".join(_part_label(p) for p in r["parts"]),
            "url": " ; ".join(p["url"] for p in r["parts"]),
            "kind": min(kinds, key=KIND_ORDER.index), "part_kinds": ";".join(kinds),
            "weak": is_weak(r), "weak_source": r.get("weak_source"), "documents": r["documents"],
        })
    df = pd.DataFrame(rows)
    df["_n"] = df.source_id.str[1:].astype(int)
    return df.sort_values("_n").drop(columns="_n").reset_index(drop=True)


def _short_title(desc: str, limit: int = 80) -> str:
    text = re.sub(r" \([^()]*\)", "", desc)  # drop parenthetical asides
    title = re.split(r": |; |(?<=[a-z]{3})\. ", text, maxsplit=1)[0].rstrip(".")
    if len(title) > limit:
        title = title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title


def events_table(recs: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per event, in date order (ties keep the records' order)."""
    rows = []
    for r in recs:
        start, end, precision = parse_date(r["date"])
        rows.append({
            "event_id": r["id"], "date": start, "date_end": end, "date_precision": precision,
            "date_text": str(r["date"]), "year": start.year, "title": r.get("title") or _short_title(r["description"]),
            "description": r["description"], "category": r["category"], "status": r["status"],
            "status_detail": r.get("status_detail") or r["status"], "source_ids": _ids(r["sources"]),
            "source_note": r.get("source_note"),
        })
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def claims_table(recs: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{"claim_id": r["id"], "reading": r["reading"], "claim": r["claim"], "status": r["status"],
             "status_detail": r.get("status_detail") or r["status"], "note": r["note"],
             "source_ids": _ids(r["sources"])} for r in recs]
    df = pd.DataFrame(rows)
    df["_n"] = df.claim_id.str[1:].astype(int)
    return df.sort_values(["reading", "_n"]).drop(columns="_n").reset_index(drop=True)


def key_figures_table(recs: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{"figure_id": r["id"], "indicator": r["indicator"], "value": r["value"], "note": r.get("note"),
             "source_ids": _ids(r["sources"]), "source_detail": r.get("source_detail")} for r in recs]
    return pd.DataFrame(rows).sort_values("figure_id").reset_index(drop=True)


def organisations_table(recs: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{"org_id": r["id"], "name": r["name"], "kind": r["kind"], "led_by": r.get("led_by"),
             "founded": pd.Timestamp(str(r["founded"])) if r.get("founded") else pd.NaT,
             "kazakhstan_joined": pd.Timestamp(str(r["kazakhstan_joined"])),
             "members": ";".join(r["members"]) if r.get("members") else None,
             "notes": r["notes"], "source_ids": _ids(r["sources"])} for r in recs]
    return pd.DataFrame(rows).sort_values(["kazakhstan_joined", "org_id"]).reset_index(drop=True)


def tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The fact-base tables, after :func:`check`; stops with every problem listed if any."""
    records = load(folder)
    problems = check(records)
    if problems:
        raise SystemExit("The fact base in facts/ breaks its rules (see facts/README.md):\n- "
                         + "\n- ".join(problems))
    return {"sources": sources_table(records["sources"]), "events": events_table(records["events"]),
            "claims": claims_table(records["claims"]), "key_figures": key_figures_table(records["key_figures"]),
            "organisations": organisations_table(records["organisations"])}
