"""The dashboard: server-rendered pages over the same library calls as the API.

Pages work without JavaScript (forms and links); the one script only fills the text box
from an uploaded file. Templates autoescape, and article text is escaped in render.py.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from eventwire.errors import InputError
from eventwire.pipeline import Document, NotEnglishWarning, check_text, parse_date
from eventwire.store.queries import (
    EVENT_FIELDS,
    EventFilter,
    actor_profile,
    count_events,
    dyad_series,
    event_detail,
    network,
    select_events,
)
from eventwire.web import render
from eventwire.web.api import roles_of
from eventwire.web.app import Service, get_service, reader
from eventwire.web.errors import ApiError

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(quad_colours=render.QUAD_COLOURS, quad_names=render.QUAD_NAMES)

Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]
ServiceDep = Annotated[Service, Depends(get_service)]
PAGE = 50


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    return _page(request, "code.html", text="", date="", title="", events=None)


@router.post("/", response_class=HTMLResponse)
def code_page(request: Request, service: ServiceDep, text: Annotated[str, Form()] = "",
              date: Annotated[str, Form()] = "", title: Annotated[str, Form()] = "") -> HTMLResponse:
    """Code the pasted article and show it annotated, with the event table under it."""
    error = None
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    warning = None
    try:
        published = parse_date(date) if date.strip() else None
        check_text(text)
        with service.code_lock, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", NotEnglishWarning)
            _, coded = next(service.coder.code_documents([Document(text, published, None, title or None)]))
            quotes = [q.to_dict() for q in service.coder.last_quotes]
        events = [e.to_dict() for e in coded]
        warning = next((str(w.message) for w in caught if issubclass(w.category, NotEnglishWarning)), None)
    except InputError as exc:
        error = str(exc)
    return _page(request, "code.html", text=text, date=date, title=title, events=events, error=error, quotes=quotes,
                 warning=warning, annotated=None if error else render.annotate(text, events))


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, con: Reader, source: str = "", target: str = "", since: str = "", until: str = "",
    category: str = "", cameo: str = "", sort: str = "-event_date", page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    flt = EventFilter(source or None, target or None, parse_date(since or None), parse_date(until or None),
                      category or None, cameo or None, PAGE, (page - 1) * PAGE, sort or None)
    rel = select_events(con, flt)
    rows = [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]
    total = count_events(con, flt)
    params = {k: v for k, v in {"source": source, "target": target, "since": since, "until": until,
                                "category": category, "cameo": cameo}.items() if v}
    return _page(request, "events.html", rows=rows, total=total, page=page, pages=max(1, -(-total // PAGE)),
                 params=params, sort=sort, columns=EVENT_FIELDS)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, con: Reader, event_id: int) -> HTMLResponse:
    found = event_detail(con, event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    for m in found["mentions"]:
        s, a, b = m["sentence"] or "", m["trigger_at"], m["trigger_end"]
        m["marked"] = render.annotate(s, [{"cameo": found["event"]["cameo"], "cameo_name": found["event"]["cameo_name"],
                                           "quad_class": found["event"]["quad_class"],
                                           "mentions": [{"trigger": {"start": a, "end": b}}],
                                           "source": [], "target": []}])
    return _page(request, "event.html", **found)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, con: Reader, doc_id: str) -> HTMLResponse:
    import json

    row = con.execute("SELECT id, title, url, source, published, text FROM documents WHERE id = ?",
                      [doc_id]).fetchone()
    if row is None:
        raise ApiError(404, "not_found", f"no document {doc_id!r}")
    reports = con.execute("SELECT record, event_id FROM reports WHERE doc_id = ? ORDER BY sentence_index",
                          [doc_id]).fetchall()
    records = [json.loads(r) for r, _ in reports]
    for rec, (_, event_id) in zip(records, reports, strict=True):
        rec["event_id"] = event_id
    doc = dict(zip(("id", "title", "url", "source", "published", "text"), row, strict=True))
    from eventwire.store.queries import find_quotes

    return _page(request, "document.html", doc=doc, events=records, annotated=render.annotate(doc["text"], records),
                 quotes=find_quotes(con, doc_id=doc_id, limit=500),
                 topics=con.execute("SELECT topic, label, evidence FROM doc_topics WHERE doc_id = ?",
                                    [doc_id]).fetchall())


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, con: Reader, a: str = "USA", b: str = "RUS", by: str = "week",
              since: str = "", until: str = "") -> HTMLResponse:
    s, u = parse_date(since or None), parse_date(until or None)
    series = dyad_series(con, a, b, by, False, s, u)
    listed = []
    for first, second in ((a, b), (b, a)):
        rel = select_events(con, EventFilter(first, second, s, u, limit=200, sort="-event_date"))
        listed += [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]
    listed.sort(key=lambda r: (r["event_date"] or dt.date.min, r["id"]), reverse=True)
    totals = {q: sum(getattr(p, f) for p in series) for q, f in
              ((1, "verbal_coop"), (2, "material_coop"), (3, "verbal_conflict"), (4, "material_conflict"))}
    return _page(request, "dyad.html", a=a.upper(), b=b.upper(), by=by, since=since, until=until,
                 chart=render.dyad_svg(series), rows=listed[:200], totals=totals,
                 periods=len(series))


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, con: Reader, key: str) -> HTMLResponse:
    found = actor_profile(con, key)
    if found is None:
        raise ApiError(404, "not_found", f"no actor {key!r} in the store")
    return _page(request, "actor.html", roles=roles_of(found["actor"].get("kb_id")), **found)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, con: Reader, since: str = "", until: str = "") -> HTMLResponse:
    pairs = network(con, parse_date(since or None), parse_date(until or None))
    return _page(request, "network.html", chart=render.network_svg(pairs), pairs=pairs, since=since, until=until)
