"""Which handed-in files belong to one learner, and what the files say that an instructor should know.

A "learner" here is a chain of kzlessons stores, never a name. Files are joined when:

* they carry the **same learner id** (one store, handed in more than once);
* a file says its store **imported** another learner id's file (``imported_learner_ids``,
  written by ``kz.progress.load_file``: a learner who went on in a new Binder session or
  on a second computer) and the two files do not disagree on the name;
* a file **without a learner id** (format version 1) holds a history contained in exactly
  one other learner's files (an earlier export of the same store).

Everything else stays apart, and the evidence becomes a sentence in :attr:`Linked.notes`
(see :func:`link`): files that claim one learner id but share no history, the same answers
(attempt ids) under different learners (copied, or imported with ``load_file``), one name
on several learners, a declared import whose names disagree. The gradebook never decides
who cheated; it says what the files show.

>>> from kzlessons.progress.handins import HandIn
>>> row = lambda i: {"attempt_id": i, "question_id": "l00-a", "time": "t" + i}
>>> a = HandIn("a.json", "a" * 32, "Aigerim", (), [row("1")], key="a" * 32)
>>> b = HandIn("b.json", "b" * 32, "Aigerim", ("a" * 32,), [row("1"), row("2")], key="b" * 32)
>>> c = HandIn("c.json", "c" * 32, "Ivan", (), [row("1")], key="c" * 32)
>>> linked = link([a, b, c])
>>> [[h.label for h in group] for group in linked.groups]
[['b.json', 'a.json'], ['c.json']]
>>> "share 1 answer" in linked.notes[0]
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .cells import safe_cell
from .handins import HandIn

__all__ = ["Linked", "link", "names_agree"]


def names_agree(a: str | None, b: str | None) -> bool:
    """True when two self-chosen names may be one person (equal ignoring case, or one is missing).

    >>> names_agree("Aigerim", "aigerim "), names_agree(None, "Ivan"), names_agree("Ivan", "Aigerim")
    (True, True, False)
    """
    return not a or not b or a.strip().casefold() == b.strip().casefold()


@dataclass
class Linked:
    """Files grouped into learners (each group: most rows first) and the notes for the instructor."""

    groups: list[list[HandIn]]
    notes: list[str] = field(default_factory=list)


class _Sets:
    """Union–find over file indices."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def _names(files: Sequence[HandIn]) -> str:
    return ", ".join(h.label for h in files)


def _group_name(files: Sequence[HandIn]) -> str | None:
    return next((h.name for h in files if h.name), None)


def link(hand_ins: Sequence[HandIn]) -> Linked:
    """Group ``hand_ins`` into learners (see the module docs); groups in first-file order."""
    sets = _Sets(len(hand_ins))
    notes: list[str] = []
    by_id: dict[str, int] = {}
    for i, h in enumerate(hand_ins):
        if h.learner_id:
            sets.union(i, by_id.setdefault(h.learner_id, i))
    names: dict[int, str | None] = {}  # group root -> its first name
    for i, h in enumerate(hand_ins):
        root = sets.find(i)
        names[root] = names.get(root) or h.name
    for i, h in enumerate(hand_ins):  # declared imports: "this store went on from that one"
        for other in h.imported_ids:
            j = by_id.get(other)
            if j is None or sets.find(i) == sets.find(j):
                continue
            mine, theirs = names[sets.find(i)], names[sets.find(j)]
            if names_agree(mine, theirs):
                sets.union(i, j)
                names[sets.find(i)] = mine or theirs
            else:
                notes.append(f"{h.label} ({mine!r}) says its store imported the file of learner id {other} "
                             f"({theirs!r}, {hand_ins[j].label}); the names differ, so they are kept as two "
                             "learners. Ask them: one may have loaded the other's file.")
    _join_anonymous(hand_ins, sets)
    roots: dict[int, list[HandIn]] = {}
    for i, h in enumerate(hand_ins):
        roots.setdefault(sets.find(i), []).append(h)
    groups = [sorted(files, key=lambda h: -len(h.rows)) for files in roots.values()]
    notes += _same_id_notes(groups) + _shared_answer_notes(groups) + _same_name_notes(groups)
    return Linked(groups, notes)


def _join_anonymous(hand_ins: Sequence[HandIn], sets: _Sets) -> None:
    """Join each file without a learner id to the one other learner whose files contain its history."""
    for i, h in enumerate(hand_ins):
        if h.learner_id or not h.rows:
            continue
        mine = h.history
        homes = {sets.find(j) for j, other in enumerate(hand_ins)
                 if j != i and sets.find(j) != sets.find(i) and mine <= other.history}
        if len(homes) == 1:
            sets.union(i, homes.pop())


def _same_id_notes(groups: Sequence[Sequence[HandIn]]) -> list[str]:
    """Files with one learner id should each contain the earlier ones (a store only grows)."""
    notes = []
    for files in groups:
        by_id: dict[str, list[HandIn]] = {}
        for h in files:
            if h.learner_id:
                by_id.setdefault(h.learner_id, []).append(h)
        for same in by_id.values():
            if len(same) < 2:
                continue
            largest = same[0].history
            strays = [h for h in same[1:] if h.rows and not h.history <= largest]
            if strays:
                names = {h.name for h in same if h.name}
                named = f" and disagree on the name ({', '.join(sorted(map(repr, names)))})" if len(names) > 1 else ""
                notes.append(f"{_names(same)} carry one learner id but do not share one history{named}: a store's "
                             "later export always contains its earlier ones, so a file may have been edited or "
                             "made by someone else. They are counted as one learner; compare them before relying "
                             "on this row.")
    return notes


def _shared_answer_notes(groups: Sequence[Sequence[HandIn]]) -> list[str]:
    """The same stored answers (same attempt id, question and time) under two different learners."""
    owner: dict[int, int] = {}
    shared: dict[tuple[int, int], int] = {}
    for g, files in enumerate(groups):
        seen: set[int] = set()
        for h in files:
            for mark in h.history - seen:
                seen.add(mark)
                first = owner.setdefault(mark, g)
                if first != g:
                    shared[(first, g)] = shared.get((first, g), 0) + 1
    notes = []
    for (a, b), count in sorted(shared.items()):
        notes.append(f"{_names(groups[a])} and {_names(groups[b])} share {count} answer(s) (the same attempt ids), "
                     "although they are different learners: one file holds a copy of the other's answers, or one "
                     "learner imported the other's file with load_file. Both rows count them; the item analysis "
                     "counts them once.")
    return notes


def _same_name_notes(groups: Sequence[Sequence[HandIn]]) -> list[str]:
    by_name: dict[str, list[Sequence[HandIn]]] = {}
    for files in groups:
        name = _group_name(files)
        if name:
            by_name.setdefault(name.casefold(), []).append(files)
    notes = []
    for same in by_name.values():
        if len(same) > 1:
            listed = "; ".join(_names(files) for files in same)
            notes.append(f"{len(same)} different learners are called {safe_cell(_group_name(same[0]))!r} ({listed}); "
                         "they are kept as separate rows, told apart by the learner_id column.")
    return notes
