"""The course exchange on a JupyterHub: where hand-ins go, what they are called, who may read them.

The hub admin sets the environment variable ``KZLESSONS_EXCHANGE`` in every learner's server
(JupyterHub: ``c.Spawner.environment``; Zero to JupyterHub: ``singleuser.extraEnv``) to the
course's exchange folder. Hand-ins go into its ``inbound`` folder, which works in one of two
layouts (``docs/instructor-guide.md`` and ``docs/zero-to-jupyterhub.md`` set them up):

**A shared inbound** (one server; every learner is a system user named as on the hub)::

    $KZLESSONS_EXCHANGE/inbound    root:kz-instructors   drwxr-s-wt  (mode 3753)

Learners may create files there but not list the folder, so they cannot find each other's
files; the sticky bit stops them deleting or renaming files that are not theirs; the set-group-id
bit gives every new file the instructors' group, and a hand-in is written ``rw-r-----`` (0640),
so only its learner and the instructors may read it. (Without the set-group-id bit a hand-in is
``rw-r--r--`` and, as in nbgrader's exchange, only its unguessable name hides it.) The collector
trusts a file's **owner**: a file named as alice's hand-in must belong to the system user alice.

**Per-learner inboxes** (Kubernetes, where every learner runs as the same system user): the hub
mounts only ``inbound/<user>`` of a shared volume at ``$KZLESSONS_EXCHANGE/inbound`` in each
learner's server, and the whole volume in the instructors' servers. There the inbound folder is
writable by its owner alone, and the collector trusts the **folder** a file lies in.

A hand-in is named ``<user>+<UTC time>+<random code>.json`` (the user name percent-encoded where
it holds characters other than letters, digits and ``@._-``), so every hand-in has a name of its
own and none is ever replaced:

>>> import datetime as dt
>>> when = dt.datetime(2025, 3, 1, 9, 58, 12, 123456, tzinfo=dt.timezone.utc)
>>> name = file_name("ali+b", when, "Zx9_q-1")
>>> name
'ali%2Bb+20250301T095812.123456Z+Zx9_q-1.json'
>>> parse_file_name(name)
HandInName(user='ali+b', time=datetime.datetime(2025, 3, 1, 9, 58, 12, 123456, tzinfo=datetime.timezone.utc), code='Zx9_q-1')
>>> parse_file_name("notes.json") is None
True

Whether an inbound folder is shared, and whether it is safe to hand in there, follows from its
mode bits alone:

>>> is_shared(0o3753), is_shared(0o755)
(True, False)
>>> print(shared_problem(0o3753))
None
>>> shared_problem(0o777)
'lets every learner list, read or delete the hand-ins in it (its mode is 0777; it should be 3753)'
>>> oct(hand_in_mode(0o3753)), oct(hand_in_mode(0o1733)), oct(hand_in_mode(0o755))
('0o640', '0o644', '0o640')
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote

__all__ = ["EXCHANGE_ENV", "USER_ENV", "INBOUND", "TEMP_PREFIX", "RECOMMENDED_MODE", "HandInName", "exchange_root",
           "hub_user", "inbound", "file_name", "parse_file_name", "quote_user", "is_shared", "shared_problem",
           "hand_in_mode"]

#: The environment variable naming the course's exchange folder (set by the hub admin).
EXCHANGE_ENV = "KZLESSONS_EXCHANGE"
#: The hub user name, set by JupyterHub in every single-user server.
USER_ENV = "JUPYTERHUB_USER"
#: The folder inside the exchange that hand-ins go into.
INBOUND = "inbound"
#: How a hand-in being written is called until it is complete (then it is renamed).
TEMP_PREFIX = ".kzlessons-"
#: The mode of a shared inbound folder: set-group-id and sticky, rwx for its owner, r-x for the
#: instructors' group, -wx for everyone else.
RECOMMENDED_MODE = 0o3753

_SAFE = "@._-"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"(?P<user>[^+/]+)\+(?P<stamp>\d{8}T\d{6}\.\d{6}Z)\+(?P<code>[A-Za-z0-9_-]{4,40})\.json")


class HandInName(NamedTuple):
    """What a hand-in's file name says: who (the hub user), when (UTC) and its random code."""

    user: str
    time: dt.datetime
    code: str


def exchange_root(environ: Mapping[str, str] | None = None) -> Path | None:
    """The course exchange folder from ``KZLESSONS_EXCHANGE`` (None when it is not set).

    >>> exchange_root({"KZLESSONS_EXCHANGE": "/srv/kzlessons/exchange"})
    PosixPath('/srv/kzlessons/exchange')
    >>> exchange_root({"KZLESSONS_EXCHANGE": "  "}) is None
    True
    """
    value = (os.environ if environ is None else environ).get(EXCHANGE_ENV, "").strip()
    return Path(value).expanduser() if value else None


def hub_user(environ: Mapping[str, str] | None = None) -> str | None:
    """The hub user name from ``JUPYTERHUB_USER`` (None outside a JupyterHub server).

    >>> hub_user({"JUPYTERHUB_USER": "aigerim"}), hub_user({})
    ('aigerim', None)
    """
    value = (os.environ if environ is None else environ).get(USER_ENV, "").strip()
    return value or None


def inbound(root: Path) -> Path:
    """The folder hand-ins go into, inside the exchange ``root``."""
    return root / INBOUND


def quote_user(user: str) -> str:
    """A hub user name as it appears in file and folder names (percent-encoded beyond ``[A-Za-z0-9@._-]``).

    >>> quote_user("aigerim.n@uni.kz"), quote_user("Ерлан"), quote_user("..")
    ('aigerim.n@uni.kz', '%D0%95%D1%80%D0%BB%D0%B0%D0%BD', '%2E%2E')
    """
    quoted = quote(user, safe=_SAFE)
    return "".join(f"%{ord(ch):02X}" for ch in quoted) if set(quoted) == {"."} else quoted


def file_name(user: str, when: dt.datetime, code: str) -> str:
    """The file name of ``user``'s hand-in made at ``when`` (an aware time) with the random ``code``."""
    return f"{quote_user(user)}+{when.astimezone(dt.timezone.utc).strftime(_STAMP)}+{code}.json"


def parse_file_name(name: str) -> HandInName | None:
    """Who, when and which code a hand-in's file name says; None for any other name."""
    found = _NAME.fullmatch(name)
    if found is None:
        return None
    try:
        when = dt.datetime.strptime(found["stamp"], _STAMP).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    try:
        user = unquote(found["user"], errors="strict")
    except UnicodeDecodeError:
        return None
    return HandInName(user, when, found["code"]) if user and quote_user(user) == found["user"] else None


def is_shared(mode: int) -> bool:
    """True when an inbound folder of this mode is shared: writable by its group or by everyone."""
    return bool(mode & (stat.S_IWGRP | stat.S_IWOTH))


def shared_problem(mode: int) -> str | None:
    """Why a shared inbound folder of this mode would expose hand-ins (None when it would not).

    It must have the sticky bit (else anyone who may write may delete or rename), and learners
    must not be able to list it: it is not readable by everyone, nor by a group that may write.
    """
    readable = bool(mode & stat.S_IROTH) or (bool(mode & stat.S_IRGRP) and bool(mode & stat.S_IWGRP))
    if mode & stat.S_ISVTX and not readable:
        return None
    what = "list, read or delete" if readable and not mode & stat.S_ISVTX else "list and read" if readable \
        else "delete or rename"
    return (f"lets every learner {what} the hand-ins in it (its mode is {stat.S_IMODE(mode):04o}; "
            f"it should be {RECOMMENDED_MODE:o})")


def hand_in_mode(folder_mode: int) -> int:
    """The mode a hand-in is written with in a folder of ``folder_mode``.

    ``rw-r-----`` (0640) where the folder gives new files its group (set-group-id: the instructors')
    or is a learner's own inbox; ``rw-r--r--`` (0644) in a shared folder without it, where the
    instructor reads hand-ins as "others" and only the unguessable name hides them (as nbgrader does).
    """
    if is_shared(folder_mode) and not folder_mode & stat.S_ISGID:
        return 0o644
    return 0o640
