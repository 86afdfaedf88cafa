"""The roster from the hub: who the hub's users are, read from JupyterHub's REST API.

Inside a JupyterHub server the hub sets ``JUPYTERHUB_API_URL`` and ``JUPYTERHUB_API_TOKEN``;
:func:`hub_users` uses them (nothing else is contacted). The token must hold the scopes
``list:users`` and ``read:users:name`` (plus ``read:users`` to leave admins out, or
``read:groups`` for a group): the hub admin gives instructors a role with them and lets the
server token carry them (``c.Spawner.server_token_scopes``; see ``docs/zero-to-jupyterhub.md``).

Without ``group`` every user is listed except the hub's admins (an instructor usually is one; a
learner never is); with ``group`` the members of that JupyterHub group. Pages are followed
(JupyterHub's pagination), so a hub of thousands is read whole.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, urlencode

from ..errors import LearnerError

__all__ = ["HubError", "hub_users", "API_URL_ENV", "API_TOKEN_ENV"]

API_URL_ENV, API_TOKEN_ENV = "JUPYTERHUB_API_URL", "JUPYTERHUB_API_TOKEN"
PAGINATION = "application/jupyterhub-pagination+json"
PAGE = 200
_SCOPES = {None: "list:users and read:users:name", "group": "read:groups"}


class HubError(LearnerError, OSError):
    """The hub's user list could not be read; the message says why and what to do."""


Fetch = Callable[[urllib.request.Request], Any]


def _fetch(request: urllib.request.Request) -> Any:
    with urllib.request.urlopen(request, timeout=30) as response:  # the hub's own API, on its private network
        return json.loads(response.read() or b"null")


def _get(api: str, token: str, path: str, fetch: Fetch, what: str, group: str | None = None) -> Any:
    request = urllib.request.Request(f"{api.rstrip('/')}{path}", headers={
        "Authorization": f"token {token}", "Accept": f"{PAGINATION}, application/json"})
    try:
        return fetch(request)
    except urllib.error.HTTPError as error:
        if error.code == 403:
            scopes = _SCOPES["group" if group else None]
            raise HubError(f"The hub refused to show {what} (HTTP 403): your server's token lacks the scope(s) "
                           f"{scopes}. Ask the hub admin to give instructors a role with them (see "
                           "docs/zero-to-jupyterhub.md), or give --roster a CSV file.") from None
        if error.code == 404 and group:
            raise HubError(f"The hub has no group {group!r}; check its name on the hub's admin page.") from None
        raise HubError(f"The hub did not show {what} (HTTP {error.code} {error.reason}); try again, or give "
                       "--roster a CSV file.") from None
    except (urllib.error.URLError, OSError) as error:
        why = getattr(error, "reason", None) or error
        raise HubError(f"The hub's API at {api} cannot be reached ({why}); run collect in your own server on the "
                       "hub, or give --roster a CSV file.") from None
    except ValueError:
        raise HubError(f"The hub's API at {api} did not answer with JSON; check {API_URL_ENV}.") from None


def hub_users(group: str | None = None, *, environ: Mapping[str, str] | None = None,
              fetch: Fetch | None = None) -> list[str]:
    """The hub's user names, sorted: the members of ``group``, or every user but the admins.

    ``environ`` replaces ``os.environ`` and ``fetch`` the HTTP call (for tests). Raises
    :class:`HubError` with a sentence when the list cannot be read.
    """
    environ = os.environ if environ is None else environ
    api, token = environ.get(API_URL_ENV, "").strip(), environ.get(API_TOKEN_ENV, "").strip()
    if not api or not token:
        raise HubError(f"--roster hub reads the hub's users through {API_URL_ENV} and {API_TOKEN_ENV}, which the "
                       "hub sets in every server; run collect in a terminal of your server on the hub, or give "
                       "--roster a CSV file.")
    fetch = fetch or _fetch
    if group:
        model = _get(api, token, f"/groups/{quote(group, safe='')}", fetch, f"the group {group!r}", group)
        names = model.get("users") if isinstance(model, dict) else None
        if not isinstance(names, list):
            raise HubError(f"The hub did not list the members of the group {group!r}; your token may lack the "
                           "scope read:groups.")
        return sorted((str(n) for n in names), key=str.casefold)
    users: list[str] = []
    offset = 0
    while True:
        page = _get(api, token, f"/users?{urlencode({'offset': offset, 'limit': PAGE})}", fetch, "its users")
        items = page.get("items") if isinstance(page, dict) else page  # a hub without pagination sends a list
        if not isinstance(items, list):
            raise HubError("The hub did not list its users; check that JUPYTERHUB_API_URL is the hub's API.")
        users += [str(u["name"]) for u in items if isinstance(u, dict) and "name" in u and u.get("admin") is not True]
        following = (page.get("_pagination") or {}).get("next") if isinstance(page, dict) else None
        if not following or not items:
            return sorted(dict.fromkeys(users), key=str.casefold)
        offset = int(following.get("offset", offset + len(items)))
