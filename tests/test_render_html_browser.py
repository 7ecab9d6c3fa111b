"""The HTML report in headless Chromium: it loads, without JavaScript, and shows the conflicts.

Skipped when Debian's ``chromium`` is not installed (CI installs it).
CROSSCHECK_SCREENSHOT=path also saves a screenshot of the seeds report.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from crosscheck.model import Report
from crosscheck.render import html

import render_fixtures as fx
from render_golden import seeds_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")


def _chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=1400,1000",
        *extra, page.as_uri(),
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _page(tmp_path: Path, report: Report) -> Path:
    page = tmp_path / "report.html"
    page.write_text(html.render(report), encoding="utf-8")
    return page


def test_seeds_page_loads_and_shows_conflicts(tmp_path: Path) -> None:
    page = _page(tmp_path, seeds_report())
    dom = _chromium(page, tmp_path / "profile-dom", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Conflicts (" in dom.stdout and '<mark class="clash">indirectly</mark>' in dom.stdout
    shot = Path(os.environ.get("CROSSCHECK_SCREENSHOT", tmp_path / "seeds.png"))
    # Headless --dump-dom and --screenshot need script enabled in Chromium
    # itself; the page has none, and its Content-Security-Policy forbids any.
    run = _chromium(page, tmp_path / "profile-shot", f"--screenshot={shot}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hostile_page_renders_markup_as_text(tmp_path: Path) -> None:
    dom = _chromium(_page(tmp_path, fx.hostile()), tmp_path / "profile", "--dump-dom").stdout
    assert "<script>alert(1)</script>" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
