"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright, against the app of
`wirecoder serve` on 127.0.0.1 over a store built from the test stories. Screenshots go to test-artifacts/.
The page's Content-Security-Policy stays on (no `bypass_csp`), so these tests also prove the dashboard
works under it; that is why they wait with locator assertions rather than evaluated JavaScript.

Chromium is required, not optional: without it these tests fail and say how to install it
(`apt-get install -y chromium`); `playwright install` is never used (no browser downloads).
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from test_api import ARTICLES, build_store
from wirecoder.api import create_app

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # fail (not skip) with the reason, in every test of this file
    expect = sync_playwright = None

ONE_EVENT = re.compile(r"^1 event$")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn in a thread, on a free loopback port."""
    db = build_store(tmp_path_factory.mktemp("web") / "events.duckdb")
    app = create_app(db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        threading.Event().wait(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail(
            "Chromium is not installed: the dashboard tests need Debian's browser at /usr/bin/chromium "
            "(run `apt-get update && apt-get install -y chromium`; never `playwright install`)",
            pytrace=False,
        )
    if sync_playwright is None:
        pytest.fail(
            "the Python package `playwright` is missing (pip install playwright==1.65.2)", pytrace=False
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server: str):
    """A fresh page on the dashboard, failing the test on any script error or request leaving the machine."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))

    def only_local(route) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            problems.append(f"request left the machine: {route.request.url}")
            route.abort()

    pg.route("**/*", only_local)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    yield pg
    context.close()
    assert not problems, problems


def rows(pg) -> list[str]:
    return pg.locator("#events-table tbody tr").all_inner_texts()


def marked(pg, kind: str) -> str:
    """The article text highlighted as `kind` for the open event (pieces split by nested spans, rejoined)."""
    return "".join(pg.locator(f"#article-text .hl-{kind}").all_text_contents())


def shot(pg, name: str) -> None:
    pg.wait_for_timeout(450)  # let the map's zoom transition finish so the picture shows the final state
    pg.screenshot(path=str(ARTIFACTS / name))


def test_dashboard_loads_map_timeline_and_table(page, server: str) -> None:
    total = len(ARTICLES)
    assert page.locator("#map path.country").count() > 150
    expect(page.locator("#map circle.event").first).to_be_visible()
    located = int(page.locator("#map").get_attribute("data-points"))
    assert page.locator("#map circle.event").count() == located >= total
    assert page.locator("#timeline rect.bar").count() >= 3
    count = page.locator("#event-count").inner_text()
    assert len(rows(page)) == int(count.split()[0]) >= total
    assert page.locator("#legend").inner_text().count("ASSAULT") == 1
    shot(page, "web-01-load.png")


def test_filter_by_type_and_country(page) -> None:
    page.select_option("#filter-type", "PROTEST")
    expect(page.locator("#event-count")).to_have_text(ONE_EVENT)
    assert all("PROTEST" in r for r in rows(page)) and len(rows(page)) == 1
    expect(page.locator("#map circle.event")).to_have_count(1)
    shot(page, "web-02-filter-type.png")
    page.select_option("#filter-type", "")
    page.select_option("#filter-country", "SY")
    expect(page.locator("#events-table tbody tr", has_not_text="Aleppo")).to_have_count(0)
    assert len(rows(page)) >= 2


def test_click_event_shows_highlighted_evidence(page) -> None:
    page.fill("#filter-source", "Wire One")
    page.select_option("#filter-country", "SY")
    row = page.locator("#events-table tbody tr", has_text="14").first
    row.wait_for()
    row.click()
    page.wait_for_selector("#article-text .hl-sentence")
    sentence = marked(page, "sentence")
    assert sentence.startswith("Syrian government aircraft bombed a crowded market in Aleppo")
    assert sentence.endswith("the Syrian Observatory for Human Rights said.")
    assert marked(page, "place") == "Aleppo"
    assert "14" in marked(page, "casualties")
    assert marked(page, "cue") == "said"
    assert "Tuesday" in marked(page, "date")
    assert marked(page, "actor") and marked(page, "actor") in sentence
    assert page.locator("#article-title").inner_text() == "Air strike hits Aleppo market"
    # the other report of the same strike, and the disputed toll, are shown beside the article
    cluster = page.locator("#cluster").inner_text()
    assert "Daily Two" in cluster and "52" in cluster
    shot(page, "web-03-article.png")


def test_click_map_point_opens_its_article(page) -> None:
    page.fill("#filter-actor", "Taliban")
    expect(page.locator("#map circle.event")).to_have_count(1)
    page.wait_for_timeout(450)
    page.locator("#map circle.event").click()
    page.wait_for_selector("#article-text .hl-sentence")
    assert page.locator("#article-title").inner_text() == "Kabul convoy attacked"
    assert marked(page, "place") == "Kabul"
    shot(page, "web-04-map-click.png")


def test_brushing_the_timeline_filters_by_date(page) -> None:
    bars = page.locator("#timeline rect.bar")
    boxes = sorted((bars.nth(i).bounding_box() for i in range(bars.count())), key=lambda b: b["x"])
    middle = boxes[len(boxes) // 2]  # the Kabul story sits between the 2016 and 2019 ones
    y = middle["y"] + middle["height"] / 2
    page.mouse.move(middle["x"] - 4, y)
    page.mouse.down()
    page.mouse.move(middle["x"] + middle["width"] + 4, y, steps=5)
    page.mouse.up()
    expect(page.locator("#event-count")).to_have_text(ONE_EVENT)
    assert page.input_value("#filter-start") <= "2018-05-06" <= page.input_value("#filter-end")
    assert "Kabul" in rows(page)[0]
    shot(page, "web-05-brush.png")


def test_contradictions_view_shows_both_sides(page) -> None:
    page.click("#tab-contradictions")
    card = page.locator(".contradiction", has_text="killed").first
    card.wait_for()
    sides = card.locator(".side").all_inner_texts()
    assert any("Wire One" in s and "14" in s for s in sides)
    assert any("Daily Two" in s and "52" in s for s in sides)
    shot(page, "web-06-contradictions.png")
    card.locator(".side", has_text="Daily Two").click()
    page.wait_for_selector("#article-text .hl-sentence")
    assert page.locator("#article-title").inner_text() == "Dozens dead in Aleppo raid"
