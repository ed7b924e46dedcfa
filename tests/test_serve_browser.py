"""``serve`` in a real browser: headless Chromium opens the address with the token, the app draws, the lookup answers.

The terminal is drawn on a canvas, so the test reads what the page received
over its websocket (a recorder put in before the page's own script) and
saves a screenshot to /tmp/serve-shot.png for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from serve_helpers import app_processes, drawn_text, serving

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs Debian's chromium and chromium-driver (.ci/run installs them with apt-get)",
)
SCREENSHOT = Path("/tmp/serve-shot.png")
# Keeps a text copy of every frame the page's websocket receives, for the test to read.
RECORD_WEBSOCKET = """
window.__received = [];
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  const decoder = new TextDecoder();  // one per socket: a character may span two frames
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") window.__received.push(decoder.decode(event.data, {stream: true}));
  });
  return socket;
};
window.WebSocket.prototype = Native.prototype;
Object.assign(window.WebSocket, Native);
"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_WEBSOCKET})
        yield driver
    finally:
        driver.quit()


def drawn(driver: WebDriver, since: int = 0) -> str:
    """What the page's terminal was sent (from the ``since``-th piece on), as text."""
    received = "".join(driver.execute_script("return window.__received || []")[since:])
    return drawn_text(received.encode())


def pieces_received(driver: WebDriver) -> int:
    return int(driver.execute_script("return (window.__received || []).length"))


def wait_for(condition: Callable[[], bool], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_browser_opens_the_app_and_looks_an_officer_up(sample_file: Path, browser: WebDriver) -> None:
    driver = browser
    with serving(sample_file) as served:
        driver.get(f"{served.address}/?token={served.token}")
        # The token leaves the address bar; the cookie it set carries the page's files and websocket.
        assert wait_for(lambda: driver.current_url == f"{served.address}/")
        assert wait_for(lambda: "Itinerary" in drawn(driver)), drawn(driver)[-2000:]
        assert len(app_processes(sample_file)) == 1
        # Typed as a person does: into the terminal's (hidden) input, focused as a click would.
        driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
        assert wait_for(lambda: "Your name, please" in drawn(driver))  # asked once per browser session
        mark = pieces_received(driver)
        ActionChains(driver).send_keys("Li Wei", Keys.ENTER).perform()
        assert wait_for(lambda: "Lookup" in drawn(driver, since=mark))  # the main screen's key bar again
        ActionChains(driver).send_keys("/").perform()
        assert wait_for(lambda: "Find an officer, city" in drawn(driver, since=mark))  # the lookup's prompt
        ActionChains(driver).send_keys("Kahonen").perform()
        assert wait_for(lambda: re.search(r"officer\s+Henri Kahonen", drawn(driver)) is not None), drawn(driver)[-3000:]
        time.sleep(1)  # the frame in the stream is drawn on the canvas a moment later
        driver.save_screenshot(str(SCREENSHOT))
        # A browser without the token gets the refusal and no app.
        driver.delete_all_cookies()
        driver.get(f"{served.address}/")
        assert wait_for(lambda: "403 Forbidden" in driver.page_source, timeout=20)  # a loaded machine draws it late
        assert served.stop()[0] == 0
    assert app_processes(sample_file) == []
