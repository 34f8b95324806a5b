"""Headless Chromium for tests that look at HTML pages as a user's browser does."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


def render(page: Path, screenshot: Path | None = None, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after scripts ran, and the console messages the page produced."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        extra = [f"--screenshot={screenshot}", "--window-size=1000,1400"] if screenshot else ["--dump-dom"]
        url = page.resolve().as_uri() + fragment
        proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, timeout=120)
    console = [line for line in proc.stderr.decode("utf-8", "replace").splitlines() if ":CONSOLE" in line]
    return proc.stdout.decode("utf-8", "replace"), console
