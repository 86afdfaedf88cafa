"""The Zero to JupyterHub recipe (docs/zero-to-jupyterhub.md, docs/z2jh/) parses and names only what exists.

No Kubernetes cluster is available here, so the recipe is checked for what can be checked offline: the
files parse; the image is the one the page builds from this repository's ``binder/`` folder; nbgitpuller is
the pinned version; the environment variable, mount paths and inbox layout are those kzlessons reads;
every ``hub.config`` setting and every scope is JupyterHub's own; every chart key is one of the chart's;
and the ``hub.extraConfig`` hook gives a learner her inbox and an instructor the whole volume.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

import kzlessons
from kzlessons.hub import inbox

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "zero-to-jupyterhub.md").read_text(encoding="utf-8")
VALUES = yaml.safe_load((ROOT / "docs" / "z2jh" / "values.yaml").read_text(encoding="utf-8"))
PVC = yaml.safe_load((ROOT / "docs" / "z2jh" / "exchange-pvc.yaml").read_text(encoding="utf-8"))
CHART = "4.4.0"

#: The chart keys the recipe sets, each checked by hand in the values.schema.yaml of the jupyterhub chart 4.4.0
#: (zero-to-jupyterhub-k8s, tag 4.4.0). Below them the values are free-form (JupyterHub config, Kubernetes specs).
CHART_KEYS = {
    "hub.config", "hub.loadRoles", "hub.extraConfig",
    "singleuser.image.name", "singleuser.image.tag", "singleuser.extraEnv", "singleuser.initContainers",
    "singleuser.storage.extraVolumes", "singleuser.storage.extraVolumeMounts",
}
LEARNER_SUBPATH = f"{inbox.INBOUND}/{{unescaped_username}}"


def _paths(node: Any, prefix: str = "") -> list[str]:
    """Key paths of ``node`` down to a chart key (or to a leaf, which is then not a chart key)."""
    if prefix in CHART_KEYS or not isinstance(node, dict):
        return [prefix]
    return [p for key, value in node.items() for p in _paths(value, f"{prefix}.{key}" if prefix else key)]


def _images(node: Any) -> list[str]:
    """Every container image the values name (``image: name:tag`` strings)."""
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "image" and isinstance(v, str)] + \
            [i for v in node.values() for i in _images(v)]
    if isinstance(node, list):
        return [i for v in node for i in _images(v)]
    return []


def _image() -> str:
    image = VALUES["singleuser"]["image"]
    return f"{image['name']}:{image['tag']}"


def test_the_files_parse_and_set_only_keys_the_chart_has():
    """Do both files parse, and is every key the values set one of chart 4.4.0's (as the page and the file say)?"""
    assert set(_paths(VALUES)) <= CHART_KEYS, sorted(set(_paths(VALUES)) - CHART_KEYS)
    assert PVC["kind"] == "PersistentVolumeClaim" and PVC["apiVersion"] == "v1"
    assert f"--version {CHART}" in PAGE and f"--version {CHART}" in (ROOT / "docs/z2jh/values.yaml").read_text()


def test_the_only_image_is_the_one_built_from_binder():
    """Is every image in the values the one the page builds with repo2docker from this repository (whose binder/
    folder exists, pins Python 3.11 and installs kzlessons itself), tagged with kzlessons' version, and pushed?"""
    assert set(_images(VALUES)) == {_image()}
    assert VALUES["singleuser"]["image"]["tag"] == kzlessons.__version__
    build = re.search(r"jupyter-repo2docker (.*?)\n(?!\s)", PAGE, re.S)
    assert build, "the page has no repo2docker command"
    assert f"--image-name {_image()}" in build[1] and "https://github.com/kzlessons/kzlessons" in build[1]
    assert f"docker push {_image()}" in PAGE
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    assert "." in (ROOT / "binder" / "requirements.txt").read_text().split()


def test_nbgitpuller_is_the_pinned_version():
    """Does the image add nbgitpuller at the version constraints.txt pins (the one the hub test runs)?"""
    pinned = re.search(r"^nbgitpuller==(\S+)$", (ROOT / "constraints.txt").read_text(), re.M)
    added = re.findall(r"nbgitpuller==(\S+?)\"", PAGE)
    assert pinned and added == [pinned[1]]


def test_the_exchange_is_where_kzlessons_looks_and_as_collect_expects():
    """Is KZLESSONS_EXCHANGE the variable kzlessons reads; is a learner's inbox (inbound/<hub user>) mounted at
    $KZLESSONS_EXCHANGE/inbound; does the init container own that same inbox; and is the claim the volume file's?"""
    single = VALUES["singleuser"]
    exchange = single["extraEnv"][inbox.EXCHANGE_ENV]
    assert list(single["extraEnv"]) == [inbox.EXCHANGE_ENV] and exchange == "/srv/kzlessons/exchange"
    (volume,) = single["storage"]["extraVolumes"].values()
    (mount,) = single["storage"]["extraVolumeMounts"].values()
    assert mount == {"name": volume["name"], "mountPath": f"{exchange}/{inbox.INBOUND}", "subPath": LEARNER_SUBPATH}
    assert volume["persistentVolumeClaim"]["claimName"] == PVC["metadata"]["name"]
    assert "ReadWriteMany" in PVC["spec"]["accessModes"]
    (init,) = single["initContainers"]
    assert {m["subPath"]: m["mountPath"] for m in init["volumeMounts"]} == {inbox.INBOUND: "/inbound",
                                                                           LEARNER_SUBPATH: "/inbox"}
    assert all(m["name"] == volume["name"] for m in init["volumeMounts"])
    assert init["securityContext"] == {"runAsUser": 0}
    assert "chown 1000:100 /inbox" in init["command"][-1] and "{" not in init["command"][-1]  # no name in a shell
    assert inbox.is_shared(0o755) is False  # the inbound folder the init container leaves: per-learner inboxes


def test_hub_settings_are_jupyterhubs_own():
    """Is every hub.config class and setting a configurable JupyterHub one, every scope a JupyterHub scope, and is the
    instructors' role given to a group the values load, with the group the page's collect command names?"""
    app = pytest.importorskip("jupyterhub.app", reason="jupyterhub is in the test extra (pip install -e '.[test]')")
    from jupyterhub.scopes import scope_definitions
    from jupyterhub.spawner import Spawner

    classes = {"JupyterHub": app.JupyterHub, "Spawner": Spawner}
    for name, settings in VALUES["hub"]["config"].items():
        assert name in classes, name
        assert set(settings) <= set(classes[name].class_traits(config=True)), (name, settings)
    groups = VALUES["hub"]["config"]["JupyterHub"]["load_groups"]
    scopes = [s for role in VALUES["hub"]["loadRoles"].values() for s in role["scopes"]]
    scopes += VALUES["hub"]["config"]["Spawner"]["server_token_scopes"]
    assert {s.split("!")[0] for s in scopes} <= set(scope_definitions)
    assert all(set(role["groups"]) <= set(groups) for role in VALUES["hub"]["loadRoles"].values())
    assert set(VALUES["hub"]["loadRoles"]["kzlessons-instructor"]["scopes"]) <= set(
        VALUES["hub"]["config"]["Spawner"]["server_token_scopes"])
    collect = re.search(r"kzlessons collect --roster hub --hub-group (\S+)", PAGE)
    assert collect and collect[1] in groups


def _hook():
    from traitlets.config import Config

    c = Config()
    code = VALUES["hub"]["extraConfig"]["kzlessons-exchange"]
    exec(compile(code, "hub.extraConfig.kzlessons-exchange", "exec"), {"c": c})  # noqa: S102 - our own file
    return c.KubeSpawner.pre_spawn_hook


def _spawner(groups: list[str], as_list: bool) -> SimpleNamespace:
    mounts = {"home": {"name": "home", "mountPath": "/home/jovyan"},
              **copy.deepcopy(VALUES["singleuser"]["storage"]["extraVolumeMounts"])}
    user = SimpleNamespace(groups=[SimpleNamespace(name=g) for g in groups])
    return SimpleNamespace(user=user, volume_mounts=list(mounts.values()) if as_list else mounts)


@pytest.mark.parametrize("as_list", [False, True], ids=["mounts as a dict (chart 4.x)", "mounts as a list"])
def test_the_hook_gives_instructors_the_whole_exchange_and_learners_their_inbox(as_list):
    """Does the extraConfig hook leave a learner's mounts as they are (her inbox), and give an instructor the whole
    volume at $KZLESSONS_EXCHANGE in place of an inbox, keeping her home?"""
    hook = _hook()
    exchange = VALUES["singleuser"]["extraEnv"][inbox.EXCHANGE_ENV]
    learner = _spawner(["students"], as_list)
    before = copy.deepcopy(learner.volume_mounts)
    hook(learner)
    assert learner.volume_mounts == before
    teacher = _spawner(["instructors"], as_list)
    hook(teacher)
    mounts = list(teacher.volume_mounts.values()) if isinstance(teacher.volume_mounts, dict) else teacher.volume_mounts
    assert sorted((m["name"], m["mountPath"], m.get("subPath")) for m in mounts) == [
        ("home", "/home/jovyan", None), ("kzlessons-exchange", exchange, None)]


def test_the_page_names_both_files_and_the_gradebook_step():
    """Does the page point to both files and end the collection with the gradebook on to-grade/ and roster.csv?"""
    assert "docs/z2jh/values.yaml" in PAGE and "docs/z2jh/exchange-pvc.yaml" in PAGE
    assert "kzlessons gradebook ~/collected/to-grade --roster ~/collected/roster.csv" in PAGE
