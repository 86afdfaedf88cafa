"""Hand in your progress on a course JupyterHub: ``kz.progress.hand_in()``, the *Hand in* button, ``kzlessons hand-in``.

The file is the same as the download (:func:`kzlessons.progress.export_bytes`), with the hub user
name (``JUPYTERHUB_USER``, set by the hub, not typed) as its learner name. It is written whole
under a temporary name in the course's inbound folder (:mod:`kzlessons.hub.inbox`), then renamed
to a name of its own (``<user>+<UTC time>+<random code>.json``), so a hand-in never replaces an
earlier one and the instructor's collector never sees half a file.

Outside a hub, or on a hub without a course exchange, nothing is written and
:class:`HandInUnavailable` says what to do instead (download the file and upload it to the
course page). A shared inbound folder that would let other learners read or delete the file is
refused (:class:`HandInError`), as is one that does not exist or cannot be written.

>>> try:
...     hand_in(environ={})
... except HandInUnavailable as error:
...     print(error)
Hand-in is not set up here: this is not a course JupyterHub (JUPYTERHUB_USER is not set). Download your progress instead (Prepare download in lesson 00, or kz.progress.export("my-progress.json")) and upload the file to your course page (the LMS).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import LearnerError
from ..progress.store import reason
from . import inbox

__all__ = ["HandedIn", "HandInError", "HandInUnavailable", "hand_in", "DOWNLOAD_INSTEAD"]

_HOW = ('(Prepare download in lesson 00, or kz.progress.export("my-progress.json")) and upload the file to your '
        "course page (the LMS).")
#: What a learner can always do instead of handing in on the hub.
DOWNLOAD_INSTEAD = f"Download your progress instead {_HOW}"
_MEANWHILE = f"Tell your instructor; meanwhile, download your progress {_HOW}"


class HandInError(LearnerError, OSError):
    """Nothing was handed in; the message says why and what to do."""


class HandInUnavailable(HandInError):
    """Hand-in is not set up here (not a hub, or no course exchange); the message says what to do instead."""


@dataclass(frozen=True)
class HandedIn:
    """One hand-in that was made: who, where, when (UTC) and how many answers and checks it holds."""

    user: str
    path: Path
    time: dt.datetime
    attempts: int

    def __str__(self) -> str:
        return (f"Handed in as {self.user} at {self.time:%Y-%m-%d %H:%M:%S} UTC ({self.attempts} "
                f"attempt{'' if self.attempts == 1 else 's'}). Hand in again whenever you like: every hand-in "
                "is kept, and your instructor grades the latest.")


def _unavailable(environ: Mapping[str, str]) -> str | None:
    user, root = inbox.hub_user(environ), inbox.exchange_root(environ)
    if user and root:
        return None
    if not user:
        why = (f"this is not a course JupyterHub ({inbox.USER_ENV} is not set)" if not root else
               f"{inbox.EXCHANGE_ENV} is set, but {inbox.USER_ENV} is not, so hand-in cannot tell who you are "
               "(it works in a JupyterHub server only)")
    else:
        why = f"your JupyterHub has no course hand-in folder (the hub admin sets {inbox.EXCHANGE_ENV})"
    return f"Hand-in is not set up here: {why}. {DOWNLOAD_INSTEAD}"


def _check_folder(folder: Path) -> int:
    """The folder's mode, once it is known to be a folder one may hand in to; else :class:`HandInError`."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        raise HandInError(f"The course hand-in folder {folder} does not exist, so nothing was handed in. "
                          f"{_MEANWHILE}") from None
    except OSError as error:
        raise HandInError(f"The course hand-in folder {folder} cannot be reached ({reason(error)}), so nothing "
                          f"was handed in. {_MEANWHILE}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise HandInError(f"The course hand-in folder {folder} is not a folder, so nothing was handed in. "
                          f"{_MEANWHILE}")
    problem = inbox.shared_problem(info.st_mode) if inbox.is_shared(info.st_mode) else None
    if problem:
        raise HandInError(f"Nothing was handed in: the course hand-in folder {folder} {problem}. {_MEANWHILE}")
    return info.st_mode


def _write(folder: Path, user: str, data: bytes, when: dt.datetime, mode: int) -> Path:
    """Write ``data`` whole under a temporary name in ``folder``, then rename it to a new hand-in name."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=inbox.TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        for _ in range(10):
            target = folder / inbox.file_name(user, when, secrets.token_urlsafe(9))
            if not os.path.lexists(target):  # 72 random bits: taken only if someone copied a name
                os.rename(tmp, target)
                return target
        raise FileExistsError(f"no free hand-in name in {folder}")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def hand_in(*, environ: Mapping[str, str] | None = None, now: dt.datetime | None = None) -> HandedIn:
    """Hand in your progress to the course exchange of this JupyterHub; returns a :class:`HandedIn`.

    ``environ`` replaces ``os.environ`` (``JUPYTERHUB_USER``, ``KZLESSONS_EXCHANGE``) and ``now`` the
    clock, for tests. Raises :class:`HandInUnavailable` when hand-in is not set up here,
    :class:`HandInError` when the course folder cannot take the file, and what the export raises
    (:class:`~kzlessons.progress.StoreError`, :class:`~kzlessons.progress.ExportRefused`) when your
    progress cannot be read. Every message is a sentence saying what to do.
    """
    from ..progress import export_bytes

    environ = os.environ if environ is None else environ
    missing = _unavailable(environ)
    if missing:
        raise HandInUnavailable(missing)
    user, root = inbox.hub_user(environ), inbox.exchange_root(environ)
    assert user is not None and root is not None
    folder = inbox.inbound(root)
    mode = _check_folder(folder)
    data = export_bytes(name=user)
    when = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    try:
        path = _write(folder, user, data, when, inbox.hand_in_mode(mode))
    except OSError as error:
        raise HandInError(f"Nothing was handed in: the course hand-in folder {folder} could not take your file "
                          f"({reason(error)}). {_MEANWHILE}") from None
    return HandedIn(user=user, path=path, time=when, attempts=len(json.loads(data)["attempts"]))
