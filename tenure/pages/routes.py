"""The HTML pages: home and search, person, company and event pages.

They live under short paths of their own (/, /p/{id}, /c/{id}, /e/{id}) so the JSON API keeps
its paths, and read through the same services the API calls. Errors come back as an HTML page
carrying the problem the API would have sent. The event page's correction forms and the sign-in
they need are in tenure.pages.forms.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec
from litestar import Request, Router, get
from litestar.params import QueryParameter
from litestar.response import Template

from tenure.api.deps import IdPath, ReadSession
from tenure.api.problems import problem_response
from tenure.errors import InvalidQuery
from tenure.extractors.contract import DEPARTURE_STATUSES, EVENT_TYPES
from tenure.pages.chart import leadership_chart
from tenure.pages.display import FilterForm, group_by_year, highlight, today
from tenure.pages.forms import FORM_ROUTES, csrf_token, signed_in_key
from tenure.shape import EntityOut
from tenure.timelines.directory import get_entity, search_entities
from tenure.timelines.evidence import event_evidence
from tenure.timelines.filters import parse_filter
from tenure.timelines.leadership import company_spans, person_spans
from tenure.timelines.queries import EntityKind, timeline
from tenure.timelines.recent import latest_events
from tenure.timelines.spans import Span

__all__ = ["PAGES"]

# Events one timeline page shows; a longer timeline links to the next page.
PAGE_EVENTS = 500
SEARCH_RESULTS = 20
LATEST = 10

Choices = Annotated[list[str] | None, QueryParameter(name="type", required=False)]
Statuses = Annotated[list[str] | None, QueryParameter(name="status", required=False)]
Text = Annotated[str | None, QueryParameter(required=False)]


@get("/", name="home")
async def home(session: ReadSession, q: Text = None) -> Template:
    people: list[EntityOut] = []
    companies: list[EntityOut] = []
    message = None
    if q and q.strip():
        try:
            people = (await search_entities(session, "person", q, SEARCH_RESULTS)).items
            companies = (await search_entities(session, "organization", q, SEARCH_RESULTS)).items
        except InvalidQuery as exc:
            message = exc.detail
    context = {
        "q": q or "",
        "searched": bool(q and q.strip()),
        "message": message,
        "people": people,
        "companies": companies,
        "departures": await latest_events(session, ("departure",), LATEST),
        "appointments": await latest_events(session, ("appointment",), LATEST),
    }
    return Template(template_name="home.html", context=context)


@get("/p/{entity_id:int}", name="person-page")
async def person_page(
    entity_id: IdPath,
    session: ReadSession,
    types: Choices = None,
    statuses: Statuses = None,
    since: Text = None,
    until: Text = None,
    cursor: Text = None,
) -> Template:
    form = FilterForm(tuple(types or ()), since or "", until or "", tuple(statuses or ()))
    subject, spans = await person_spans(session, entity_id)
    context = await _entity_context(session, "person", subject.id, form, cursor, spans)
    return Template(template_name="entity.html", context=context)


@get("/c/{entity_id:int}", name="company-page")
async def company_page(
    entity_id: IdPath,
    session: ReadSession,
    types: Choices = None,
    statuses: Statuses = None,
    since: Text = None,
    until: Text = None,
    cursor: Text = None,
) -> Template:
    form = FilterForm(tuple(types or ()), since or "", until or "", tuple(statuses or ()))
    subject, spans = await company_spans(session, entity_id)
    context = await _entity_context(session, "organization", subject.id, form, cursor, spans)
    context["chart"] = leadership_chart(spans, today())
    return Template(template_name="entity.html", context=context)


async def _entity_context(
    session: Any, kind: EntityKind, entity_id: int, form: FilterForm, cursor: str | None, spans: list[Span]
) -> dict[str, Any]:
    event_filter = parse_filter(form.types, form.since, form.until, form.statuses)
    entity = await get_entity(session, kind, entity_id)
    page = await timeline(session, kind, entity_id, event_filter, cursor, PAGE_EVENTS)
    export_key = "person" if kind == "person" else "company"
    now = today()
    return {
        "kind": kind,
        "entity": entity,
        "spans": spans,
        "current": [s for s in spans if s.open or _ends_after(s, now)],
        "groups": group_by_year(page.items),
        "shown": len(page.items),
        "next_cursor": page.next_cursor,
        "form": form,
        "event_types": EVENT_TYPES,
        "statuses": DEPARTURE_STATUSES,
        "export": {
            name: f"/events?{form.query(**{export_key: str(entity_id), 'format': name})}"
            for name in ("csv", "ndjson")
        },
        "chart": None,
    }


def _ends_after(span: Span, day: Any) -> bool:
    """A planned or announced departure still ahead: the role is still held."""
    bounds = span.end.bounds if span.end else None
    return bounds is not None and bounds[0] > day


@get("/e/{event_id:int}", name="event-page")
async def event_page(request: Request[Any, Any, Any], event_id: IdPath, session: ReadSession) -> Template:
    found = await event_evidence(session, event_id)
    evidence = [(item, highlight(item.text, item.start, item.end, item.evidence)) for item in found.evidence]
    sources = {source.article_id: source for source in found.view.sources}
    key = signed_in_key(request)
    context = {
        "view": found.view,
        "evidence": evidence,
        "sources": sources,
        "corrections": found.corrections,
        # The correction forms: shown with a CSRF token once signed in, else a sign-in link.
        "csrf": csrf_token(key) if key else None,
        "statuses": DEPARTURE_STATUSES,
        "precisions": ("year", "month", "week", "day"),
    }
    return Template(template_name="event.html", context=context)


def html_problem(request: Request[Any, Any, Any], exc: Exception) -> Template:
    """The problem the API would send, as a page a person can read."""
    response = problem_response(request, exc)
    problem = msgspec.json.decode(response.content)
    # A refused correction form links back to its event's page (to reload it, or sign in from it).
    form_of = _FORM_PATH.match(request.url.path) if request.method == "POST" else None
    return Template(
        template_name="error.html",
        context={"problem": problem, "back": f"/e/{form_of[1]}" if form_of else None},
        status_code=response.status_code or 500,
        headers={k: v for k, v in response.headers.items() if k.lower() != "content-type"},
        media_type="text/html",
    )


_FORM_PATH = re.compile(r"^/e/(\d+)/[a-z]+$")

PAGES = Router(
    path="/",
    route_handlers=[home, person_page, company_page, event_page, *FORM_ROUTES],
    include_in_schema=False,
    exception_handlers={Exception: html_problem},
)
