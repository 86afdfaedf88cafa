"""Opening a lesson starts its kernel without asking (issue 22: a "Select Kernel" dialog seen once).

JupyterLab starts the kernel a notebook names (``python3``, ipykernel's, installed with jupyterlab;
``tests/test_notebooks.py`` checks every lesson names it) once the server's kernel specs are known:
the notebook's content is requested only after them. It asks "Select Kernel" only when the specs
could not be fetched at all, do not include the name, or the session failed to start (after an
"Error Starting Kernel" dialog). This checks the first case that was suspected, a slow spec list on a
busy machine: the lesson still opens on its own kernel, with no dialog.
"""

from __future__ import annotations

import re
import time

import harness


def test_lesson_opens_on_its_kernel_when_the_kernel_specs_are_slow(browser, lab_server: harness.LabServer,
                                                                  artifacts) -> None:
    """With the first kernel-spec requests held back 6 s, does lesson 00 open on a started python3 kernel,
    with no "Select Kernel" dialog?"""
    lab_server.delete_kernels()
    page = harness.LabPage(browser, lab_server)
    started = time.monotonic()
    held: list[str] = []

    def slow(route) -> None:
        if time.monotonic() - started < 10:
            held.append(route.request.url)
            time.sleep(6)  # holds this request only (Playwright serves routes one at a time)
        route.continue_()

    try:
        page.context.route(re.compile(r".*/api/kernelspecs.*"), slow)
        page.open("00_start_here.ipynb")
        assert held, "the kernel-spec requests were not held back"
        assert page.page.locator(".jp-Dialog").count() == 0, page.page.locator(".jp-Dialog").first.inner_text()
        kernels = lab_server.kernels()
        assert [k["name"] for k in kernels] == ["python3"], kernels
    except Exception:
        page.screenshot(artifacts / "FAILED-kernel-choice.png")
        raise
    finally:
        page.close()
        lab_server.delete_kernels()
