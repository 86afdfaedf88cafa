"""Hand-in and collection on a course JupyterHub (the hub is the engine: no server or scheduler of our own).

* :mod:`.inbox`: the course exchange folder (``KZLESSONS_EXCHANGE``), its two layouts, hand-in file names
  and the permission rules;
* :mod:`.handin`: a learner hands in (``kz.progress.hand_in()``, the *Hand in* button, ``kzlessons hand-in``);
* :mod:`.collect`: an instructor gathers the latest hand-in of each learner for the gradebook
  (``kzlessons collect``), keeping and reporting every late and repeated one;
* :mod:`.hubapi`: the roster from the hub's user list (its REST API);
* :mod:`.cli`: the two commands.

Setting it up: ``docs/instructor-guide.md`` (one server) and ``docs/zero-to-jupyterhub.md`` (Kubernetes).
"""

from __future__ import annotations

from .handin import HandedIn, HandInError, HandInUnavailable, hand_in

__all__ = ["hand_in", "HandedIn", "HandInError", "HandInUnavailable"]
