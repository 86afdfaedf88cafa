"""UN General Assembly recorded votes after 2019, from the UN's own machine-readable resolutions.

The folder ``unga_votes_unxml_2019_2026/`` of the shared sources (PROVENANCE.md section 7) holds
every resolution the General Assembly adopted by recorded vote from November 2019 (session 74)
to June 2026 (session 80), plus ES-10/21, /22, /24 and ES-11/1 … /6, with the vote of each of the
193 Member States. DGACM publishes them as "machine-readable General Assembly resolutions".

This module turns them into rows of the curated datasets, next to Voeten's roll calls
(``unvotes_voeten_robinson/``, built by ``curate_data.build_un``):

- :func:`extend_un` adds the UN's roll calls to ``un_votes`` and ``un_roll_calls``. Voeten's copy of
  session 74 is kept (its roll-call ids and issue codes stay); the UN's copy of those 90 votes is
  used only to fill the meeting record and printed tallies, after :func:`overlap_with_voeten` shows
  both copies agree vote for vote.
- :func:`ukraine_votes` gives every member's vote on 68/262 and on all six ES-11 resolutions.
- :func:`descriptors` returns the three datasets' codebooks (``resource(...)`` entries).

What the UN source allows: a member in none of the three lists (yes, no, abstain) did not vote;
the extract does not say whether it was away, present and not voting, or without a vote under
Article 19 of the Charter (arrears). Those rows carry the vote ``not voting`` (a value
``kzlessons.metrics.vote_value`` already skips). Voeten's data,
by contrast, have no row at all for a member that did not vote.

Every function is pure: it reads files and returns new frames; nothing runs at import.

>>> regular_session(pd.Timestamp("2022-03-02"))  # ES-11/1 was voted during session 76
76
>>> VOTE_CODES["NV"]
'not voting'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

UNXML = "unga_votes_unxml_2019_2026"
VOETEN = "Voeten (unvotes)"
UN = "UN (DGACM)"
ORIGINS = [VOETEN, UN]
NOT_VOTING = "not voting"
VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "NV": NOT_VOTING}
VOTES = ["yes", "no", "abstain", NOT_VOTING]
UKRAINE_VOTES = ["yes", "no", "abstain", "absent"]
FIRST_RCID = 10001  # Voeten's ids end at 9147; the UN's roll calls are numbered from here in date order
MEMBERS = 193  # no state has joined the UN since South Sudan (2011)

#: opening day of each regular session (the Tuesday of the third week of September, 78th: 5 Sep)
SESSION_OPENED = {
    74: "2019-09-17", 75: "2020-09-15", 76: "2021-09-14", 77: "2022-09-13",
    78: "2023-09-05", 79: "2024-09-10", 80: "2025-09-09",
}
#: official tallies (yes, no, abstain) of the Ukraine votes, from the meeting records
OFFICIAL_TALLIES = {
    "A/RES/68/262": (100, 11, 58),
    "A/RES/ES-11/1": (141, 5, 35), "A/RES/ES-11/2": (140, 5, 38), "A/RES/ES-11/3": (93, 24, 58),
    "A/RES/ES-11/4": (143, 5, 35), "A/RES/ES-11/5": (94, 14, 73), "A/RES/ES-11/6": (141, 7, 32),
}
UKRAINE_RESOLUTIONS = list(OFFICIAL_TALLIES)
RCID_68_262 = 5309  # in Voeten's data
MEETING_68_262 = "A/68/PV.80"  # 80th plenary meeting, 27 March 2014
#: Voeten's code for a state whose later votes the UN file gives under another code
VOETEN_CODE = {"SRB": "YUG"}  # Serbia's votes stay under Yugoslavia in Voeten's data

SYMBOL = re.compile(r"^A/RES/(?:(?P<session>\d+)|ES-(?P<es>\d+))/(?P<number>\d+)(?: (?P<part>[A-Z](?:-[A-Z])?))?$")


# --------------------------------------------------------------------------------------
# Reading the UN extract
# --------------------------------------------------------------------------------------


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _dedupe(df: pd.DataFrame, key: list[str], what: str, ignore: tuple[str, ...] = ()) -> pd.DataFrame:
    """Drop rows the source repeats; stop when a repeated key carries different values."""
    compare = df.drop(columns=list(ignore))
    clash = compare.drop_duplicates().duplicated(key)
    if clash.any():
        raise SystemExit(f"{what}: {int(clash.sum())} repeated keys with different values, e.g. "
                         f"{compare.drop_duplicates()[clash].iloc[0][key].tolist()}; check the source")
    return df[~compare.duplicated(key)].reset_index(drop=True)


def read_unxml(src: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The UN extract's resolutions and votes, with the source's repeated entries removed.

    The extract lists 21 resolutions of 2025 twice (once with the spelling ``TÜRKÝYE``); the
    copies agree vote for vote and only one is kept. Returns ``(resolutions, votes)``, the
    votes with ``vote`` as yes, no, abstain or not voting.
    """
    d = src / UNXML
    res = _dedupe(_read(d / "unga_resolutions_recorded_2019_2026.csv"), ["resolution"], "UN resolutions")
    votes = _dedupe(_read(d / "unga_votes_2019_2026.csv.gz"), ["resolution", "iso3"], "UN votes",
                    ignore=("name_in_source",))
    unknown = set(votes.vote) - set(VOTE_CODES)
    if unknown:
        raise SystemExit(f"UN votes: unknown vote codes {sorted(unknown)}")
    votes["vote"] = votes.vote.map(VOTE_CODES)
    per = votes.groupby("resolution").size()
    if (per != MEMBERS).any():
        raise SystemExit(f"UN votes: resolutions without {MEMBERS} members: {list(per[per != MEMBERS].index[:5])}")
    stray = set(votes.resolution) - set(res.resolution)
    if stray:
        raise SystemExit(f"UN votes: resolutions missing from the resolution list: {sorted(stray)[:5]}")
    bad = [s for s in res.resolution if not SYMBOL.match(s)]
    if bad:
        raise SystemExit(f"UN resolutions: symbols of an unknown form: {bad[:5]}")
    return res, votes


def regular_session(date: pd.Timestamp) -> int:
    """The regular session in progress on ``date`` (how Voeten numbers emergency special sessions).

    >>> regular_session(pd.Timestamp("2023-02-23")), regular_session(pd.Timestamp("2024-09-18"))
    (77, 79)
    """
    opened = [s for s, day in SESSION_OPENED.items() if pd.Timestamp(day) <= date]
    if not opened:
        raise SystemExit(f"{date:%Y-%m-%d} is before session {min(SESSION_OPENED)}: extend SESSION_OPENED")
    return max(opened)


def _symbol_key(symbol: str) -> tuple[int, int, int, str]:
    m = SYMBOL.match(symbol)
    assert m is not None  # read_unxml checked every symbol
    emergency = m["es"] is not None
    return (int(emergency), int(m["es"] or m["session"]), int(m["number"]), m["part"] or "")


# --------------------------------------------------------------------------------------
# Overlap with Voeten (session 74)
# --------------------------------------------------------------------------------------


def overlap_with_voeten(res: pd.DataFrame, un_votes: pd.DataFrame, votes: pd.DataFrame,
                        rc: pd.DataFrame) -> pd.DataFrame:
    """Compare the roll calls both sources hold (session 74), one row per roll call.

    ``res`` and ``un_votes`` come from :func:`read_unxml`, ``votes`` and ``rc`` from Voeten
    (``curate_data.build_un``). Columns: ``unres``, ``rcid``, ``yes_un``/``no_un``/``abstain_un``
    and ``yes_voeten``/…, ``kaz_un``, ``kaz_voeten`` (``not voting`` where Voeten has no row) and
    ``differences`` (members whose vote differs, a UN ``not voting`` against no Voeten row counting
    as the same).
    """
    shared = rc[rc.unres.isin(res.resolution)][["rcid", "unres"]]
    un = un_votes[un_votes.resolution.isin(shared.unres)].merge(shared, left_on="resolution", right_on="unres")
    un = un.assign(iso3=un.iso3.replace(VOETEN_CODE))[["rcid", "unres", "iso3", "vote"]]
    vo = votes[votes.rcid.isin(shared.rcid)][["rcid", "iso3", "vote"]].astype({"iso3": str, "vote": str})
    both = un.merge(vo, on=["rcid", "iso3"], how="outer", suffixes=("_un", "_voeten"))
    both["vote_voeten"] = both.vote_voeten.fillna(NOT_VOTING)
    both["vote_un"] = both.vote_un.fillna("missing")  # a Voeten voter the UN lists nowhere
    rows = []
    for rcid, g in both.groupby("rcid"):
        row: dict[str, Any] = {"unres": shared.set_index("rcid").unres[rcid], "rcid": rcid}
        for side in ("un", "voeten"):
            counts = g[f"vote_{side}"].value_counts()
            for v in ("yes", "no", "abstain"):
                row[f"{v}_{side}"] = int(counts.get(v, 0))
            kaz = g.loc[g.iso3 == "KAZ", f"vote_{side}"]
            row[f"kaz_{side}"] = kaz.iloc[0] if len(kaz) else NOT_VOTING
        row["differences"] = int((g.vote_un != g.vote_voeten).sum())
        rows.append(row)
    return pd.DataFrame(rows).sort_values("rcid").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# un_votes and un_roll_calls
# --------------------------------------------------------------------------------------


def _notes(res: pd.DataFrame, un_votes: pd.DataFrame) -> pd.Series:
    """A note for each roll call whose member lists do not match the printed tallies."""
    listed = un_votes.groupby(["resolution", "vote"]).size().unstack(fill_value=0)
    notes = {}
    for r in res.itertuples():
        parts = []
        if r.resolution not in listed.index:
            parts.append("The UN extract prints the tallies but no member lists, so un_votes has no rows for this vote.")
        else:
            if isinstance(r.check_note, str) and "duplicate" in r.check_note:
                parts.append("The UN extract lists the members twice; each is counted once.")
            for label, word in (("yes", "votes in favour"), ("no", "votes against"), ("abstain", "abstentions")):
                got, printed = int(listed.loc[r.resolution].get(label, 0)), int(getattr(r, f"{label}_tally"))
                if got != printed:
                    parts.append(f"The member lists give {got} {word} against {printed} printed; the "
                                 f"difference appears as '{NOT_VOTING}' in un_votes.")
        notes[r.resolution] = " ".join(parts) or None
    return pd.Series(notes, dtype="object")


def _un_roll_calls(res: pd.DataFrame, notes: pd.Series) -> pd.DataFrame:
    """The UN's roll-call metadata in un_roll_calls' extra columns, keyed by symbol."""
    return pd.DataFrame({
        "unres": res.resolution,
        "meeting": res.meeting, "draft": res.draft, "committee": res.committee,
        "agenda_item": res.agenda_item + ": " + res.agenda_item_name,
        "yes_tally": res.yes_tally.astype("Int64"), "no_tally": res.no_tally.astype("Int64"),
        "abstain_tally": res.abstain_tally.astype("Int64"),
        "note": res.resolution.map(notes),
    })


def extend_un(src: Path, votes: pd.DataFrame, rc: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``un_votes`` and ``un_roll_calls`` from 1946 to 2026: Voeten's rows, then the UN's.

    ``votes`` and ``rc`` are Voeten's tables from ``curate_data.build_un``. Roll calls both
    sources hold (90 of session 74) keep Voeten's rows, and the build stops unless the two
    copies agree for every member. The UN's other roll calls get ids from ``FIRST_RCID`` on,
    in date order; their rows give every member's vote, ``not voting`` included. The roll
    calls gain the columns ``origin`` (whose vote rows these are), ``meeting``, ``draft``,
    ``committee``, ``agenda_item``, the printed tallies and a ``note``, filled wherever the
    UN extract has the resolution.
    """
    res, un_votes = read_unxml(src)
    overlap = overlap_with_voeten(res, un_votes, votes, rc)
    if overlap.differences.any():
        bad = overlap[overlap.differences > 0].unres.tolist()
        raise SystemExit(f"UN and Voeten disagree on roll calls {bad[:5]}: check before keeping Voeten's copy")
    if set(rc[rc.unres.isin(res.resolution)].session) - {74}:
        raise SystemExit("UN extract matches Voeten roll calls outside session 74: check the symbols")
    extra = _un_roll_calls(res, _notes(res, un_votes))

    new = res[~res.resolution.isin(rc.unres)].copy()
    new["date"] = pd.to_datetime(new.date)
    new = new.assign(_key=new.resolution.map(_symbol_key)).sort_values(["date", "_key"]).reset_index(drop=True)
    new["rcid"] = range(FIRST_RCID, FIRST_RCID + len(new))
    regular = new.session.str.fullmatch(r"\d+")
    new["session_n"] = new.date.map(regular_session)
    wrong = regular & (new.session.where(regular, "0").astype(int) != new.session_n)
    if wrong.any():
        raise SystemExit(f"SESSION_OPENED does not fit the dates of {new[wrong].resolution.tolist()[:5]}")
    added = pd.DataFrame({
        "rcid": new.rcid, "session": new.session_n.astype(int), "date": new.date, "unres": new.resolution,
        "important_vote": pd.array([pd.NA] * len(new), dtype="boolean"),
        "amend": pd.array([False] * len(new), dtype="boolean"),
        "para": pd.array([False] * len(new), dtype="boolean"),
        "short": new.title, "descr": None, "origin": UN,
    })
    old = rc.assign(origin=VOETEN)
    roll_calls = pd.concat([old, added], ignore_index=True).merge(extra, on="unres", how="left")
    roll_calls = roll_calls.sort_values("rcid").reset_index(drop=True)

    ids = dict(zip(new.resolution, new.rcid))
    rows = un_votes[un_votes.resolution.isin(ids)]
    rows = pd.DataFrame({"rcid": rows.resolution.map(ids), "iso3": rows.iso3, "vote": rows.vote})
    out = pd.concat([votes.astype({"iso3": str, "vote": str}), rows], ignore_index=True)
    out = out.sort_values(["rcid", "iso3"]).reset_index(drop=True)
    return out, roll_calls


# --------------------------------------------------------------------------------------
# ukraine_votes
# --------------------------------------------------------------------------------------


def ukraine_votes(src: Path, votes: pd.DataFrame, rc: pd.DataFrame, name: Any) -> pd.DataFrame:
    """Every member's vote on 68/262 (2014, Voeten) and ES-11/1 … ES-11/6 (2022–2023, the UN).

    ``votes``/``rc`` are Voeten's tables; ``name`` maps an ISO-3 code to a country name
    (``Crosswalk.name``). Members that did not vote are written out as ``absent``; the build
    stops unless each tally equals the official one (``OFFICIAL_TALLIES``).
    """
    res, un_votes = read_unxml(src)
    members = sorted(un_votes.iso3.unique())
    if "68/262" not in str(rc.set_index("rcid").unres.get(RCID_68_262)):
        raise SystemExit(f"Voeten's roll call {RCID_68_262} is not 68/262: update RCID_68_262")
    voeten = votes[votes.rcid == RCID_68_262].astype({"iso3": str, "vote": str})
    outside = set(voeten.iso3) - {VOETEN_CODE.get(m, m) for m in members}
    if outside:
        raise SystemExit(f"68/262 voters outside the UN member list: {sorted(outside)}")
    by_code = voeten.set_index("iso3").vote
    first = pd.DataFrame({
        "resolution": "A/RES/68/262", "date": rc.set_index("rcid").date[RCID_68_262], "iso3": members,
        "vote": [by_code.get(VOETEN_CODE.get(m, m), "absent") for m in members],
        "origin": VOETEN, "meeting": MEETING_68_262,
    })
    es = un_votes[un_votes.resolution.isin(UKRAINE_RESOLUTIONS)].merge(
        res[["resolution", "meeting"]], on="resolution")
    later = pd.DataFrame({
        "resolution": es.resolution, "date": pd.to_datetime(es.date), "iso3": es.iso3,
        "vote": es.vote.replace({NOT_VOTING: "absent"}), "origin": UN, "meeting": es.meeting,
    })
    out = pd.concat([first, later], ignore_index=True)
    out["date"] = pd.to_datetime(out.date)
    out["country"] = out.iso3.map(name)
    out = out[["resolution", "date", "iso3", "country", "vote", "origin", "meeting"]]
    for symbol, (yes, no, abstain) in OFFICIAL_TALLIES.items():
        n = out[out.resolution == symbol].vote.value_counts()
        got = (int(n.get("yes", 0)), int(n.get("no", 0)), int(n.get("abstain", 0)))
        if got != (yes, no, abstain):
            raise SystemExit(f"ukraine_votes: {symbol} tallies {got}, officially {(yes, no, abstain)}")
    order = {r: i for i, r in enumerate(UKRAINE_RESOLUTIONS)}
    out = out.assign(_o=out.resolution.map(order)).sort_values(["_o", "iso3"]).drop(columns="_o")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Codebooks
# --------------------------------------------------------------------------------------

UN_SOURCE = {
    "title": "United Nations, Department for General Assembly and Conference Management (DGACM): "
             "machine-readable General Assembly resolutions, data_extract/<session>.json "
             "(GitHub UNxml/GAresolutions, commit 42a69b6)",
    "path": f"../shared/sources/{UNXML}/unga_votes_2019_2026.csv.gz",
    "url": "https://github.com/UNxml/GAresolutions",
}
UN_LICENSE = {"name": "UN-terms", "title": "UN terms of use: acknowledge the United Nations as the source",
              "path": "https://github.com/UNxml/GAresolutions"}
CITE_UN = ("United Nations, General Assembly: resolutions adopted by recorded vote, sessions 74–80 and "
           "emergency special sessions ES-10 and ES-11 (2019–2026), with the meeting record of each vote "
           "(for example A/ES-11/PV.5); machine-readable resolutions published by the Department for "
           "General Assembly and Conference Management (DGACM), UNxml/GAresolutions.")
NOT_VOTING_TEXT = (f"'{NOT_VOTING}' = a UN member in none of the three lists: absent, present but not voting, or "
              "without a vote under Article 19 of the Charter (arrears); the UN record does not say which.")


def descriptors(tables: dict[str, pd.DataFrame], h: Any) -> list[dict]:
    """Codebooks of ``un_votes``, ``un_roll_calls`` and ``ukraine_votes`` (replacing the old ones).

    ``h`` is the curation script (``curate_data``), for its ``F``, ``resource``, ``L_CC0``,
    ``VOETEN_URL`` and ``CITE_UNVOTES``.
    """
    F = h.F
    voeten_votes = {"title": "Voeten, UN General Assembly voting data, via the R package unvotes (dgrtwo/unvotes)",
                    "path": "../shared/sources/unvotes_voeten_robinson/un_votes.csv.gz", "url": h.VOETEN_URL}
    voeten_rc = {"title": "Voeten, UN General Assembly voting data, via the R package unvotes",
                 "path": "../shared/sources/unvotes_voeten_robinson/un_roll_calls.csv", "url": h.VOETEN_URL}
    un_rc = dict(UN_SOURCE, path=f"../shared/sources/{UNXML}/unga_resolutions_recorded_2019_2026.csv")
    both = h.CITE_UNVOTES + " Votes from session 75 on and of ES-10 and ES-11: " + CITE_UN
    rcs = tables["un_roll_calls"]
    last, first_un = rcs.date.max(), rcs[rcs.origin == UN].date.min()
    uv = tables["ukraine_votes"].drop_duplicates("resolution")
    meetings = ", ".join(f"{r} ({m})" for r, m in zip(uv.resolution, uv.meeting))
    return [
        h.resource(
            "un_votes", f"UN General Assembly roll-call votes by country, 1946–{last:%Y}",
            "One row per country and roll call. Two sources, told apart by un_roll_calls.origin: "
            "Voeten's data (1946 to January 2020, session 74 included) have a row only where the "
            "country voted yes, no or abstain, so a missing row means absent, not voting or not yet "
            "a member, never 'no'. The UN's own records (sessions 75–80 and the emergency special "
            f"sessions ES-10 and ES-11, from {first_un:%B %Y}) have a row for each of the 193 members, "
            f"with {NOT_VOTING_TEXT} Leave those rows out when you compare votes. Only final votes on "
            "whole resolutions adopted by recorded vote are in the UN part: no amendment or paragraph "
            "votes, no drafts that failed. ES-11/7 and ES-11/8 (24 February 2025) and ES-10/23 (10 May "
            "2024) are not in the UN extract, and DGACM uploads in batches, so a session's last "
            "months may be missing. Session 74 ends on 27 December 2019 in the UN extract and on 14 "
            "January 2020 (74/267) in Voeten's: later recorded votes of that session, if any, are in "
            "neither. The Soviet Union's votes are coded RUS; use roll calls dated "
            "from 1991-12-25 for the Russian Federation. Serbia votes as YUG in Voeten's rows (to "
            "January 2020) and as SRB in the UN's. Country names are in the partners dataset.",
            [F("rcid", "integer", f"Roll-call id; details in un_roll_calls. Ids from {FIRST_RCID} on are "
               "the UN's roll calls, numbered by this build in date order: refer to a vote by its "
               "unres symbol in code that must survive a newer extract."),
             F("iso3", "string", "Country code; see partners for the name.",
               enum=sorted(tables["un_votes"].iso3.unique())),
             F("vote", "string", "The country's vote. " + NOT_VOTING_TEXT + " Only in roll calls of origin "
               f"'{UN}'.", enum=VOTES)],
            ["rcid", "iso3"], [voeten_votes, UN_SOURCE], [h.L_CC0, UN_LICENSE], both),
        h.resource(
            "un_roll_calls", f"UN General Assembly roll calls, 1946–{last:%Y}",
            "One row per recorded vote in the General Assembly, with its date, resolution symbol and "
            "title. origin says whose vote rows un_votes holds for it. Amendment and paragraph votes "
            "are flagged only until 1985; the UN's roll calls are all final votes on whole "
            "resolutions. The meeting record, draft, committee, agenda item and printed tallies come "
            "from the UN extract and are filled wherever it has the resolution (from November 2019, "
            "including 90 of Voeten's 91 roll calls of session 74, whose votes are identical in both "
            "sources). Issue codes (un_issues) exist only for Voeten's roll calls.",
            [F("rcid", "integer", f"Roll-call id (from {FIRST_RCID} on: the UN's, in date order)."),
             F("session", "integer", "General Assembly session number; for an emergency special session, "
               "the regular session in progress, as in Voeten's data."),
             F("date", "date", "Date of the vote."),
             F("unres", "string", "Resolution symbol as in the source (R/68/262 in Voeten's older rows, "
               "A/RES/… from about 2013; A/RES/75/254 A-C keeps its parts).", required=False),
             F("important_vote", "boolean", "Marked as important by the US State Department (Voeten's "
               "rows only).", required=False),
             F("amend", "boolean", "A vote on an amendment.", required=False),
             F("para", "boolean", "A vote on a single paragraph.", required=False),
             F("short", "string", "Short title (the resolution's title in the UN's rows).", required=False),
             F("descr", "string", "Longer description (Voeten's rows only).", required=False),
             F("origin", "string", "Whose vote rows un_votes holds for this roll call.", enum=ORIGINS),
             F("meeting", "string", "Plenary meeting record of the vote (for example A/ES-11/PV.5): cite it.",
               required=False),
             F("draft", "string", "Draft resolution or committee report the vote was on.", required=False),
             F("committee", "string", "Main Committee that prepared it, or 'Without reference to a Main "
               "Committee'.", required=False, categorical=True),
             F("agenda_item", "string", "Agenda item number and name.", required=False),
             F("yes_tally", "integer", "Votes in favour as printed in the UN record.", unit="votes", required=False),
             F("no_tally", "integer", "Votes against as printed in the UN record.", unit="votes", required=False),
             F("abstain_tally", "integer", "Abstentions as printed in the UN record.", unit="votes", required=False),
             F("note", "string", "Where the UN extract's member lists do not match its printed tallies.",
               required=False)],
            ["rcid"], [voeten_rc, un_rc], [h.L_CC0, UN_LICENSE], both),
        h.resource(
            "ukraine_votes", "How countries voted on UN General Assembly resolutions on Ukraine, 2014–2023",
            "A/RES/68/262 (27 March 2014, Voeten's data) and A/RES/ES-11/1 to ES-11/6 (2 March 2022 to "
            "23 February 2023, the UN's records) for all 193 UN members, with 'absent' written out for "
            "members that did not vote. absent = away, present but not voting, or without a vote "
            "under Article 19 of the Charter; neither source says which (the UN record calls them "
            "non-voting). Every tally equals the official one. ES-11/7 and ES-11/8 (24 February 2025) "
            "are not in the UN extract.",
            [F("resolution", "string", "Resolution symbol.", enum=UKRAINE_RESOLUTIONS),
             F("date", "date", "Date of the vote."),
             F("iso3", "string", "Country code."),
             F("country", "string", "Country name (as in partners)."),
             F("vote", "string", "The country's vote; absent = did not vote.", enum=UKRAINE_VOTES),
             F("origin", "string", "Where the row comes from.", enum=ORIGINS),
             F("meeting", "string", "Meeting record of the vote: cite it.")],
            ["resolution", "iso3"], [voeten_votes, UN_SOURCE], [h.L_CC0, UN_LICENSE],
            f"United Nations General Assembly, recorded votes and their meeting records: {meetings}. "
            "Data: 68/262 from Voeten (Harvard Dataverse hdl:1902.1/12379, via the R package unvotes); "
            "ES-11 from the UN's Department for General Assembly and Conference Management (DGACM), "
            "machine-readable General Assembly resolutions (UNxml/GAresolutions)."),
    ]
