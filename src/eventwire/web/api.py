"""The JSON API, version 1. Every route is a thin layer over a library function; every
error has the shape in errors.py; writing routes need the bearer token when one is set."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, BeforeValidator, Field, StrictBool

from eventwire.pipeline import Document, NotEnglishWarning, check_text
from eventwire.readers.records import Reject, make_document
from eventwire.store.alerts import novelty, shifts
from eventwire.store.ingest import code_chunk_batched
from eventwire.store.queries import (
    EVENT_FIELDS,
    PERIODS,
    EventFilter,
    actor_profile,
    count_events,
    dyad_series,
    event_detail,
    network,
    select_events,
)
from eventwire.web.app import Service, get_service, reader, require_token
from eventwire.web.errors import RESPONSES, ApiError

router = APIRouter(prefix="/api/v1", responses=RESPONSES)


def _iso_only(value: Any) -> Any:
    """Dates are YYYY-MM-DD: pydantic alone would also read 0 as 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date must be written YYYY-MM-DD")
    if isinstance(value, int | float):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]
ACTOR = r"^[A-Za-z0-9]{1,12}(:[A-Za-z]{2,4})?$"
SORT = "^-?(" + "|".join(EVENT_FIELDS) + ")$"

Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]
ServiceDep = Annotated[Service, Depends(get_service)]


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text.")
    date: IsoDate | None = Field(None, description="Publication date; relative dates resolve against it.")
    title: str | None = None
    id: str | None = Field(None, description="Document id (default: a hash of the text).")
    store: StrictBool = Field(False, description="Also store the document and its events (needs the token if set).")


class CodeResponse(BaseModel):
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]] = Field(default_factory=list, description="Who said what, with the speaker.")
    topics: list[dict[str, Any]] = Field(default_factory=list, description="What the article is about, and why.")
    stored: bool
    warning: str | None = None


class DocumentIn(BaseModel):
    text: str
    id: str | None = None
    date: str | None = Field(None, description="Publication date (ISO or any form dateparser reads).")
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="The outlet; ids are unique per outlet.")


class DocumentsRequest(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)


class Rejected(BaseModel):
    index: int
    reason: str


class DocumentsResponse(BaseModel):
    stored: int
    already_stored: int
    rejected: list[Rejected]
    events: int


@router.post("/code", response_model=CodeResponse, summary="Code one article")
def code(body: CodeRequest, request: Request, service: ServiceDep) -> CodeResponse:
    """The article's events, with their evidence; stored as well with ``store: true``."""
    if body.store:
        require_token(request, service, _bearer_of(request))
    check_text(body.text)
    document = Document(body.text, body.date, body.id, body.title, origin="api")
    with service.code_lock, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NotEnglishWarning)
        coder = service.coder
        _, events = next(coder.code_documents([document]))
        introduced = list(coder.last_introduced)
        quotes = list(coder.last_quotes)
        topics = list(coder.last_topics)
    warning = next((str(w.message) for w in caught if issubclass(w.category, NotEnglishWarning)), None)
    stored = False
    if body.store and warning is None:
        assert service.store is not None
        with service.write_lock:
            stored = service.store.add(document, events, introduced, quotes=quotes, topics=topics)
    return CodeResponse(events=[e.to_dict() for e in events], quotes=[q.to_dict() for q in quotes], topics=topics,
                        stored=stored, warning=warning)


def _bearer_of(request: Request) -> HTTPAuthorizationCredentials | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return HTTPAuthorizationCredentials(scheme=scheme, credentials=value) if scheme.lower() == "bearer" else None


@router.post("/documents", response_model=DocumentsResponse, summary="Ingest documents",
             dependencies=[Depends(require_token)])
def documents(body: DocumentsRequest, service: ServiceDep) -> DocumentsResponse:
    """Code and store one or many documents, merged into events as ``eventwire ingest`` does.
    Documents already stored are skipped; bad ones are listed with the reason."""
    rejected: list[Rejected] = []
    docs: list[tuple[int, Document]] = []
    for i, d in enumerate(body.documents):
        item = make_document(d.text, origin="api", line=i, date=d.date or d.published, doc_id=d.id,
                             title=d.title, source=d.source, url=d.url)
        if isinstance(item, Reject):
            rejected.append(Rejected(index=i, reason=item.reason))
        else:
            docs.append((i, item))
    with service.code_lock:
        results = code_chunk_batched([d for _, d in docs], service.coder) if docs else []
    coded = []
    for (i, _), result in zip(docs, results, strict=True):
        if isinstance(result, Reject):
            rejected.append(Rejected(index=i, reason=result.reason))
        else:
            coded.append(result)
    assert service.store is not None
    with service.write_lock:
        added = service.store.add_batch(coded)
    events = sum(len(c.events) for c, a in zip(coded, added, strict=True) if a)
    return DocumentsResponse(stored=sum(added), already_stored=len(added) - sum(added),
                             rejected=sorted(rejected, key=lambda r: r.index), events=events)


@router.get("/events", summary="Merged events, filtered and paged")
def events(
    con: Reader,
    source: Annotated[str | None, Query(description="Country or IGO code, optionally :SECTOR (RUS:GOV).",
                                        pattern=ACTOR)] = None,
    target: Annotated[str | None, Query(pattern=ACTOR)] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    category: Annotated[str | None, Query(description="PLOVER category.", max_length=40)] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix.", pattern=r"^\d{1,4}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Annotated[str | None, Query(description="A column, '-' first for descending.", pattern=SORT)] = None,
) -> dict[str, Any]:
    flt = EventFilter(source, target, since, until, category, cameo, limit, offset, sort)
    rel = select_events(con, flt)
    cols = rel.columns
    rows = [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
    return {"total": count_events(con, flt), "limit": limit, "offset": offset, "events": rows}


@router.get("/events/{event_id}", summary="One event with every mention and its evidence")
def event(con: Reader, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    found = event_detail(con, event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    return found


@router.get("/dyads/{a}/{b}/series", summary="A dyad's time series")
def dyad(
    con: Reader,
    a: Annotated[str, Path(pattern=ACTOR)],
    b: Annotated[str, Path(pattern=ACTOR)],
    by: Annotated[str, Query(description=f"One of {', '.join(PERIODS)}.", pattern="^(" + "|".join(PERIODS) + ")$")]
    = "week",
    directed: bool = False,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
) -> dict[str, Any]:
    series = dyad_series(con, a, b, by, directed, since, until)
    return {"a": a.upper(), "b": b.upper(), "by": by, "directed": directed,
            "series": [p.__dict__ for p in series]}


@router.get("/actors/{key:path}", summary="An actor: who, roles over time, partners, recent events")
def actor(con: Reader, key: Annotated[str, Path(min_length=1, max_length=300)]) -> dict[str, Any]:
    found = actor_profile(con, key)
    if found is None:
        raise ApiError(404, "not_found", f"no actor {key!r} in the store")
    found["roles"] = roles_of(found["actor"].get("kb_id"))
    return found


def roles_of(kb_id: str | None) -> list[dict[str, Any]]:
    """The dated roles the knowledge base holds for a person or group."""
    if not kb_id:
        return []
    from eventwire.actors.kb import default_kb

    person = default_kb().people.get(kb_id)
    if person is None:
        return []
    return [{"role": r.role, "sector": r.sector, "start": r.start, "end": r.end, "country": r.country or person.country}
            for r in sorted(person.roles, key=lambda r: r.start or dt.date.min)]


@router.get("/alerts", summary="Novel interactions and sudden shifts")
def alerts(
    con: Reader,
    since: Annotated[IsoDate | None, Query(description="Default: 30 days before the latest event.")] = None,
    days: Annotated[int, Query(ge=1, le=36500)] = 1095,
    by: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")] = "week",
    baseline: Annotated[int, Query(ge=1, le=520)] = 8,
    min_shift: Annotated[float, Query(ge=0, le=40)] = 3.0,
    min_events: Annotated[int, Query(ge=1, le=100000)] = 3,
) -> dict[str, Any]:
    if since is None:
        row = con.execute("SELECT max(event_date) FROM events").fetchone()
        latest = row[0] if row and row[0] else dt.date.today()
        since = latest - dt.timedelta(days=30)
    found = novelty(con, since, days) + shifts(con, since, by, baseline, min_shift, min_events)
    return {"since": since, "alerts": [a.to_dict() for a in sorted(found, key=lambda a: (a.date, a.kind))]}


@router.get("/quotes", summary="Quotes and claims, by speaker")
def quotes_route(
    con: Reader,
    speaker: Annotated[str | None, Query(description="A country code, a knowledge-base id or part of a name.",
                                         max_length=100)] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> dict[str, Any]:
    from eventwire.store.queries import find_quotes

    return {"quotes": find_quotes(con, speaker, since, until, limit)}


@router.get("/network", summary="Country pairs by number of events")
def pairs(con: Reader, since: IsoDate | None = None, until: IsoDate | None = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 40) -> dict[str, Any]:
    return {"pairs": network(con, since, until, limit)}


@router.get("/health", summary="Liveness and store size")
def health(con: Reader) -> dict[str, Any]:
    row = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").fetchone()
    return {"status": "ok", "documents": row[0] if row else 0, "events": row[1] if row else 0}
