"""The progress download widget (``kz.progress.download()``).

A name box (optional), a *Prepare download* button and a link. Clicking the
button builds the export in the kernel and puts it into the link as a
``data:application/json;base64,…`` URL with ``download="kzlessons-progress.json"``,
so the browser saves it without any server file access (works on Binder).

The file carries the name typed in the box, whether or not it can be
remembered for next time: on a full disk or a read-only home the download is
the learner's way out, so a name that cannot be saved never costs her the
file; a note under the link says so instead.

Beside the download, *Hand in* puts the same file (named by the hub user name,
not the box) into the course's hand-in folder on a JupyterHub
(:func:`kzlessons.hub.hand_in`); a status line under it says what was handed in,
or, where hand-in is not set up (Binder, a laptop), what to do instead.
"""

from __future__ import annotations

import base64
import json
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..quiz.controls import ActionButton, TextBox
from . import EXPORT_NAME, export_bytes, learner
from .exchange import ExportRefused
from .identity import remember_name
from .store import StoreError

if TYPE_CHECKING:  # pragma: no cover
    from ..hub.handin import HandedIn

__all__ = ["DownloadWidget"]


class DownloadWidget(widgets.VBox):
    """Optional name, a button that prepares the export, and the download link.

    Attributes:
        name: the text box (:class:`~kzlessons.quiz.controls.TextBox`) for the optional self-chosen name.
        hand_in_button: *Hand in*, beside *Prepare download* (:meth:`hand_in`).
        hand_in_status: ``widgets.HTML`` saying what the last hand-in did (in a live region).
        button: the *Prepare download* button; a click carries the name the box shows at that
            moment (:class:`~kzlessons.quiz.controls.ActionButton`), so a name typed just before
            the click is never cut short, however busy the kernel.
        link: ``widgets.HTML`` holding the ``<a download>`` link (in a live region).
    """

    def __init__(self, **kwargs: Any):
        self.name = TextBox(
            value=learner() or "", description="Name (optional):", placeholder="any nickname",
            tooltip="Shown to your instructor in the gradebook; leave empty to stay anonymous",
        )
        self.button = ActionButton(description="Prepare download", button_style="primary", source=self.name,
                                   tooltip="Build your progress file and show a download link")
        self.link = widgets.HTML(value=self._region(""))
        self.button.on_click(self._prepare)
        self.hand_in_button = ActionButton(description="Hand in", tooltip="Put your progress file into your "
                                           "course's hand-in folder on this JupyterHub, named by your hub user name")
        self.hand_in_status = widgets.HTML(value=self._region(""))
        self.hand_in_button.on_click(self._hand_in)
        buttons = widgets.HBox([self.button, self.hand_in_button])
        super().__init__(children=[self.name, buttons, self.link, self.hand_in_status], **kwargs)
        self.add_class("kzlessons-download")

    @staticmethod
    def _region(inner: str) -> str:
        return f"<div role='status' aria-live='polite' style='color:var(--jp-content-font-color1)'>{inner}</div>"

    def prepare(self) -> bytes:
        """Build the export, refresh the link and return the file's bytes (same as clicking).

        The file holds the name typed in the box, which is then remembered for
        next time; if it cannot be (a full disk, a read-only home), a note under
        the link says so and what to do, and the file is offered all the same.
        When the file cannot be made (the store cannot be read, or the file would
        be too large to import), the link area says so in words and ``b""`` is returned.
        """
        typed = self.name.value or ""
        try:
            data = export_bytes(name=typed)
        except (StoreError, ExportRefused) as error:
            self.link.value = self._region(f"⚠️ No file was made: {escape(str(error))}")
            return b""
        note = remember_name(typed)
        encoded = base64.b64encode(data).decode("ascii")
        count = len(json.loads(data)["attempts"])
        self.link.value = self._region(
            f"<a download='{EXPORT_NAME}' href='data:application/json;base64,{encoded}' "
            "style='color:var(--jp-content-link-color)'>"
            f"⬇️ Download {escape(EXPORT_NAME)}</a> ({count} attempt{'s' if count != 1 else ''}). "
            "Hand this file to your instructor, or keep it to continue elsewhere."
            + (f"<br>⚠️ {escape(note)}" if note else "")
        )
        return data

    def _prepare(self, _button: Any = None) -> None:
        self.prepare()

    def hand_in(self) -> HandedIn | None:
        """Hand in (same as clicking *Hand in*); the status line says what happened, in words.

        Returns what was handed in, or None when nothing was (hand-in not set up here: the line says
        to download instead; or the course folder or the store refused: the line says why).
        """
        from ..hub.handin import HandInError, HandInUnavailable, hand_in

        try:
            done = hand_in()
        except HandInUnavailable as error:
            self.hand_in_status.value = self._region(f"ℹ {escape(str(error))}")
            return None
        except HandInError as error:  # its sentences say that nothing was handed in
            self.hand_in_status.value = self._region(f"⚠️ {escape(str(error))}")
            return None
        except (StoreError, ExportRefused) as error:
            self.hand_in_status.value = self._region(f"⚠️ Nothing was handed in: {escape(str(error))}")
            return None
        self.hand_in_status.value = self._region(f"✓ {escape(str(done))}")
        return done

    def _hand_in(self, _button: Any = None) -> None:
        self.hand_in()
