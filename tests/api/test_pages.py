"""The HTML pages on both back ends: search, person, company chart, event evidence, errors."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.models import Correction, Event

from .conftest import Rows

Client = AsyncTestClient[Litestar]

# Our own article: a fictional prize, so the event page has a stored text to highlight in.
ARTICLE = {
    "text": (
        "Harbor Lights Weekly\n\n"
        "The Lantern Society said on Monday that Ines Marr has won the 2024 Beacon Medal for her "
        "work on warehouse robots. Marr is the chief technology officer of Northwind Robotics.\n"
    ),
    "format": "text",
    "published_at": "2024-05-06T10:00:00+00:00",
    "url": "https://harbor.example.com/beacon-medal",
    "title": "Marr wins the Beacon Medal",
    "source": "Harbor Lights Weekly",
}
# Attributes that make a browser fetch something: each must stay on this server.
FETCHES = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=["']([^"']+)["']""")


@pytest.fixture
async def company(rows: Rows) -> Rows:
    for name in ("Gil Barros", "Ines Marr"):
        await rows.person(name)
    await rows.company("Northwind Robotics")
    await rows.event("appointment", "Gil Barros", "Northwind Robotics", "2015-04-01", role="CTO")
    await rows.event("appointment", "Ines Marr", "Northwind Robotics", "2019-06", role="CTO")
    await rows.event("departure", "Ines Marr", "Northwind Robotics", "2024", status="announced", role="CTO")
    await rows.event("appointment", "Gil Barros", "Northwind Robotics", "2020", role="chair")
    await rows.event("award", "Ines Marr", None, "2021")
    return rows


def assert_local(html: str) -> None:
    assert [url for url in FETCHES.findall(html) if not url.startswith("/")] == []


async def test_home_searches_names_and_lists_latest_moves(client: Client, company: Rows) -> None:
    response = await client.get("/", params={"q": "marr"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert f'<a href="/p/{company.ids["Ines Marr"]}">Ines Marr</a>' in html
    assert "Gil Barros</a>" not in html.split('id="departures"')[0]  # not a search result
    departures = html.split('id="departures"')[1].split('id="appointments"')[0]
    assert "announced" in departures and "Ines Marr" in departures
    assert '<label for="q">' in html
    assert_local(html)


async def test_person_page_keeps_dates_at_their_precision(client: Client, company: Rows) -> None:
    html = (await client.get(f"/p/{company.ids['Ines Marr']}")).text

    headings = re.findall(r"<h3>(\w+)</h3>", html)
    assert headings == ["2019", "2021", "2024"]
    assert '<time datetime="2024">2024</time>' in html
    assert '<time datetime="2019-06">June 2019</time>' in html
    assert "January" not in html
    assert '<h2 id="current">Current roles</h2>' in html
    assert_local(html)


async def test_filters_stay_in_the_query_string_and_the_downloads(client: Client, company: Rows) -> None:
    person_id = company.ids["Ines Marr"]
    html = (await client.get(f"/p/{person_id}", params={"type": "award", "since": "2020"})).text

    assert re.findall(r"<h3>(\w+)</h3>", html) == ["2021"]
    assert 'value="award" checked' in html and 'value="departure" checked' not in html
    assert 'name="since" value="2020"' in html
    assert f'href="/events?type=award&amp;since=2020&amp;person={person_id}&amp;format=csv"' in html
    export = await client.get(f"/events?type=award&since=2020&person={person_id}&format=csv")
    assert export.text.count("\r\n") == 2  # the header and the one award


async def test_company_page_draws_open_and_uncertain_ends(client: Client, company: Rows) -> None:
    html = (await client.get(f"/c/{company.ids['Northwind Robotics']}")).text

    chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
    assert chart.count('<g class="span">') == 3
    assert chart.count('class="arrow"') == 1  # the chair is still held
    assert chart.count('class="uncertain"') == 2  # ends in June 2019 and in 2024
    assert "Ines Marr, chief technology officer: June 2019 – 2024 (announced)" in chart
    assert '<h2 id="chart-heading">Leadership chart</h2>' in html
    assert_local(html)


async def test_event_page_highlights_the_evidence(client: Client) -> None:
    created = await client.post("/articles", json=ARTICLE)
    assert created.status_code == 201, created.text
    award = next(e for e in created.json()["events"] if e["type"] == "award")

    html = (await client.get(f"/e/{award['id']}")).text

    marked = re.search(r'<mark id="evidence-1" class="evidence-mark">(.*?)</mark>', html)
    assert marked is not None
    assert marked.group(1).startswith("The Lantern Society said on Monday that Ines Marr has won")
    assert "Harbor Lights Weekly</a>" in html or "Marr wins the Beacon Medal</a>" in html
    assert "rule <code>award." in html
    assert "Correction history" not in html  # none yet


async def test_event_page_shows_its_correction_history(
    client: Client, company: Rows, sessions: async_sessionmaker[AsyncSession]
) -> None:
    event_id = await company.event("appointment", "Ines Marr", "Northwind Robotics", "2022", role="CFO")
    async with sessions() as session, session.begin():
        await session.execute(update(Event).where(Event.id == event_id).values(state="rejected"))
        session.add(
            Correction(
                subject_type="event",
                subject_id=event_id,
                action="reject",
                actor="analyst-1",
                before={"state": "active"},
                after={"state": "rejected"},
                reason="the article names another Ines Marr",
            )
        )

    html = (await client.get(f"/e/{event_id}")).text

    assert "<h2>Correction history</h2>" in html
    row = html.split("<h2>Correction history</h2>")[1]
    for cell in (
        "reject",
        "analyst-1",
        "state: active",
        "state: rejected",
        "the article names another Ines Marr",
    ):
        assert f"<td>{cell}</td>" in row, cell
    assert "<dt>State</dt><dd>rejected" in html


@pytest.mark.parametrize("path", ["/p/987654", "/c/987654", "/e/987654"])
async def test_missing_pages_are_readable_404s(client: Client, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "987654" in response.text and "<h1>Not found</h1>" in response.text


async def test_a_bad_filter_says_what_to_type(client: Client, company: Rows) -> None:
    response = await client.get(f"/p/{company.ids['Ines Marr']}", params={"since": "last spring"})
    assert response.status_code == 400
    assert "use YYYY, YYYY-MM or YYYY-MM-DD" in response.text


async def test_docs_and_their_assets_are_served_here(client: Client) -> None:
    for path in ("/schema", "/schema/swagger"):
        page = await client.get(path)
        assert page.status_code == 200, path
        assert "/static/swagger-ui-bundle.js" in page.text
        assert_local(page.text)
    for asset in ("/static/swagger-ui-bundle.js", "/static/swagger-ui.css", "/static/site.css"):
        response = await client.get(asset, headers={"Authorization": ""})
        assert response.status_code == 200, asset
        assert len(response.content) > 1000
