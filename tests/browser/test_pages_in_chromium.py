"""The pages in a real browser: the distribution's headless Chromium, driven by Playwright.

A real `tenure serve` on a database holding seeds/; a person searches "LeCun", opens his page,
filters to awards, opens the award and sees the highlighted evidence; another signs in with an
API key and rejects an event from its page. No request may leave
127.0.0.1 and the console must stay free of errors. Screenshots of each page are saved under
test-output/browser/ (gitignored). Without Chromium (or Playwright) the test skips, except with
CI=true, where it must run: .ci/run installs Chromium with apt-get.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tenure.models.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
TENURE = str(Path(sys.executable).parent / "tenure")
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "browser"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _need(ok: bool, why: str) -> None:
    if not ok:
        if IN_CI:
            pytest.fail(f"CI=true but {why}")
        pytest.skip(why)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a fresh SQLite database with seeds/ ingested."""
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('browser') / 'seeded.db'}"
    upgrade(url)
    env = {**os.environ, "TENURE_DATABASE_URL": url, "TENURE_SERVE_WORKER": "false"}
    subprocess.run([TENURE, "ingest", "seeds/"], env=env, check=True, capture_output=True, cwd=ROOT)
    return env


@pytest.fixture(scope="module")
def api_key(seeded: dict[str, str]) -> str:
    """A key named "browser desk" in the seeded database, as an operator would create it."""
    created = subprocess.run(
        [TENURE, "keys", "create", "browser desk"],
        env=seeded,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return created.stdout.splitlines()[0].strip()


@pytest.fixture(scope="module")
def server(seeded: dict[str, str]) -> Iterator[str]:
    """`tenure serve` on the seeded database; yields its base URL."""
    env = seeded
    port = _free_port()
    process = subprocess.Popen(
        [TENURE, "serve", "--port", str(port), "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"tenure serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/static/site.css", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail("tenure serve did not answer within 30 s")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install -e '.[dev]')")
        raise
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class Watch:
    """Every request the page makes and every console error it logs."""

    def __init__(self, page: Any) -> None:
        self.hosts: set[str] = set()
        self.errors: list[str] = []
        page.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))
        page.on("console", lambda message: self._console(message))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)


# Every HTML element with its own text whose colour on its background is under 4.5:1 (WCAG AA).
LOW_CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg")) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName} ${ratio.toFixed(2)} ${el.textContent.trim().slice(0, 30)}`);
  }
  return low;
}"""


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_lecun_filter_awards_and_see_the_evidence(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    watch = Watch(page)
    page.goto(f"{server}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    shot(page, "1-home")

    page.get_by_label("Name or alias").fill("LeCun")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=LeCun")
    shot(page, "2-search")
    page.get_by_role("link", name="Yann LeCun", exact=True).first.click()
    page.wait_for_url("**/p/*")
    assert page.get_by_role("heading", level=1).inner_text() == "Yann LeCun"
    shot(page, "3-person")
    assert page.evaluate(LOW_CONTRAST_JS) == []

    page.get_by_label("award", exact=True).check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**type=award**")
    types = page.locator("li.event .type").all_inner_texts()
    assert types and {t.lower() for t in types} == {"award"}
    assert "type=award" in (page.get_by_role("link", name="CSV").get_attribute("href") or "")
    shot(page, "4-person-awards")

    page.locator("a.event-title", has_text="award").first.click()
    page.wait_for_url("**/e/*")
    evidence = page.locator("mark.evidence-mark").first
    evidence.scroll_into_view_if_needed()
    assert evidence.is_visible()
    assert "LeCun" in evidence.inner_text()
    shot(page, "5-event")
    assert page.evaluate(LOW_CONTRAST_JS) == []

    assert watch.errors == []
    assert watch.hosts == {urlsplit(server).netloc}
    page.close()


def test_company_chart_and_offline_docs(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    watch = Watch(page)
    page.goto(f"{server}/?q=Northwind")
    page.get_by_role("link", name="Northwind Robotics", exact=True).first.click()
    page.wait_for_url("**/c/*")
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    assert chart.locator("g.span").count() >= 3
    shot(page, "6-company")
    # The view docs/company-page.png shows in the README.
    page.locator("section[aria-labelledby=chart-heading]").screenshot(path=str(SHOTS / "6-company-chart.png"))

    page.goto(f"{server}/schema/swagger")
    page.locator(".swagger-ui .info .title").wait_for(timeout=15_000)
    assert "tenure" in page.locator(".swagger-ui .info .title").inner_text()
    shot(page, "7-docs")

    assert watch.errors == []
    assert watch.hosts == {urlsplit(server).netloc}
    page.close()


def test_sign_in_and_reject_an_event_from_its_page(server: str, browser: Any, api_key: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    watch = Watch(page)
    page.goto(f"{server}/?q=LeCun")
    page.get_by_role("link", name="Yann LeCun", exact=True).first.click()
    page.wait_for_url("**/p/*")
    page.locator("a.event-title").first.click()
    page.wait_for_url("**/e/*")
    event_url = page.url

    page.get_by_role("link", name="Sign in with an API key").click()
    page.get_by_label("API key").fill(api_key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(event_url)
    page.get_by_label("Reason (why it is false)").fill("checked: the wrong person")
    shot(page, "8-event-signed-in")
    assert page.evaluate(LOW_CONTRAST_JS) == []
    page.get_by_role("button", name="Reject").click()
    page.wait_for_url(event_url)

    facts = page.locator("dl.facts").inner_text()
    assert "rejected" in facts
    assert page.get_by_role("button", name="Restore").is_visible()
    history = page.locator("table.spans").last.inner_text()
    assert "reject" in history and "browser desk" in history and "the wrong person" in history
    # The key is in an HttpOnly cookie: the page's scripts cannot read it.
    assert "tenure_key" not in page.evaluate("document.cookie")
    shot(page, "9-event-rejected")

    assert watch.errors == []
    assert watch.hosts == {urlsplit(server).netloc}
    page.close()
