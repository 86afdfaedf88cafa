"""Tests for kzlessons/hub/hubapi.py against a small stand-in for JupyterHub's REST API on 127.0.0.1.

The stand-in answers as JupyterHub 5/6 does (checked against the real hub in tests/browser/test_hub.py):
``GET /users`` pages with ``_pagination.next`` when asked with the pagination media type, a bare list
otherwise; ``GET /groups/NAME`` gives ``users``; a token without the scopes gets 403.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from kzlessons.hub.hubapi import HubError, hub_users

USERS = [{"name": n, "admin": n == "teacher"} for n in ["zhanna", "teacher", "aigerim", "Bolat", "dana", "erlan"]]
GROUPS = {"students": ["erlan", "aigerim"]}
TOKEN = "right-token"


class _Api(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: object) -> None:
        raw = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.seen.append(self.path)
        if self.headers.get("Authorization") != f"token {TOKEN}":
            return self._send(403, {"status": 403, "message": "Action is not authorized with current scopes"})
        url = urlsplit(self.path)
        query = {k: int(v[0]) for k, v in parse_qs(url.query).items()}
        if url.path == "/hub/api/users":
            offset, limit = query.get("offset", 0), min(query.get("limit", 200), 2)  # pages of 2, as a small max
            items = USERS[offset:offset + limit]
            if "jupyterhub-pagination" not in self.headers.get("Accept", ""):
                return self._send(200, USERS)
            following = {"offset": offset + limit, "limit": limit} if offset + limit < len(USERS) else None
            return self._send(200, {"items": items, "_pagination": {"offset": offset, "limit": limit,
                                                                    "total": len(USERS), "next": following}})
        if url.path.startswith("/hub/api/groups/"):
            name = url.path.rsplit("/", 1)[1]
            if name in GROUPS:
                return self._send(200, {"kind": "group", "name": name, "users": GROUPS[name]})
        return self._send(404, {"status": 404, "message": "Not Found"})


@pytest.fixture
def api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Api.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}/hub/api"
    server.shutdown()
    server.server_close()


def _env(api: str, token: str = TOKEN) -> dict[str, str]:
    return {"JUPYTERHUB_API_URL": api, "JUPYTERHUB_API_TOKEN": token}


def test_every_page_of_users_is_read_and_admins_are_left_out(api):
    """Are all pages followed (pages of 2 here), the admin left out, and the names sorted ignoring case?"""
    assert hub_users(environ=_env(api)) == ["aigerim", "Bolat", "dana", "erlan", "zhanna"]
    assert [p.split("?")[1] for p in _Api.seen] == ["offset=0&limit=200", "offset=2&limit=200", "offset=4&limit=200"]


def test_a_group_gives_its_members(api):
    """With a group, are its members listed (and only them)?"""
    assert hub_users("students", environ=_env(api)) == ["aigerim", "erlan"]


def test_a_hub_that_sends_one_list_is_read_too():
    """A hub answering with a bare list (no pagination): is it read as it is?"""
    assert hub_users(environ=_env("http://hub/api"), fetch=lambda request: USERS[:3]) == ["aigerim", "zhanna"]


def test_failures_say_what_to_do(api):
    """Missing variables, a token without scopes (403), an unknown group (404) and a hub that cannot be reached:
    does each give a sentence saying what to do?"""
    with pytest.raises(HubError, match="JUPYTERHUB_API_URL and JUPYTERHUB_API_TOKEN, which the hub sets"):
        hub_users(environ={})
    with pytest.raises(HubError, match=r"HTTP 403\): your server's token lacks the scope\(s\) list:users and "
                                       r"read:users:name\. Ask the hub admin"):
        hub_users(environ=_env(api, "wrong"))
    with pytest.raises(HubError, match="lacks the scope\\(s\\) read:groups"):
        hub_users("students", environ=_env(api, "wrong"))
    with pytest.raises(HubError, match="The hub has no group 'teachers'"):
        hub_users("teachers", environ=_env(api))
    closed = api.rsplit(":", 1)[0] + ":9"  # the discard port: nothing listens there
    with pytest.raises(HubError, match="cannot be reached .*give --roster a CSV file"):
        hub_users(environ=_env(closed + "/hub/api"))
