"""The FastAPI application: the service owns the store and is its only writer.

DuckDB allows one writing process per file, so the service opens the store once, for
writing, and everything else goes through it: readers get their own cursor per request
(DuckDB isolates them from the writer), writers take a lock, and documents to ingest
arrive over HTTP (POST /api/v1/documents). See docs/web.md.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__, settings
from eventwire.pipeline import Coder, get_coder
from eventwire.store import Store
from eventwire.web import errors

STATIC = Path(__file__).parent / "static"


class Service:
    """What the routes share: the store, the coder (loaded on first use) and the locks."""

    def __init__(self, db: str | Path, token: str, coder: Coder | None, model: str | None,
                 kb: tuple[str, ...]) -> None:
        self.db = str(db)
        self.token = token
        self._coder = coder
        self._model, self._kb = model, kb
        self.store: Store | None = None
        self.write_lock = threading.Lock()
        self.code_lock = threading.RLock()  # re-entered when the first request loads the coder
        self._cursor_lock = threading.Lock()

    def open(self) -> None:
        self.store = Store(self.db)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            with self.code_lock:
                if self._coder is None:
                    self._coder = get_coder(self._model, list(self._kb))
        return self._coder

    def cursor(self) -> duckdb.DuckDBPyConnection:
        assert self.store is not None, "service not started"
        with self._cursor_lock:
            return self.store.con.cursor()


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before the app reads them all."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _send_json(send, 413, {"error": {"status": 413, "code": "body_too_large",
                                                   "message": f"request body is over the {self.limit:,}-byte limit"}})
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise errors.BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    import json

    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


def create_app(db: str | Path | None = None, *, token: str | None = None, max_body_bytes: int | None = None,
               cors_origins: list[str] | None = None, coder: Coder | None = None, model: str | None = None,
               kb: tuple[str, ...] = ()) -> FastAPI:
    """The service over the store at ``db``; unset options come from the settings table."""
    service = Service(db or str(settings.get("db")), token if token is not None else str(settings.get("token")),
                      coder, model, kb)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.open()
        try:
            yield
        finally:
            service.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Political event data (CAMEO and PLOVER) from news text: code articles, "
                              "store them, and ask the store questions.")
    app.state.service = service
    errors.install(app)
    limit = max_body_bytes if max_body_bytes is not None else int(settings.get("max_body_bytes"))
    app.add_middleware(BodyLimit, limit=limit)
    origins = cors_origins if cors_origins is not None else [
        o.strip() for o in str(settings.get("cors_origins")).split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    from eventwire.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def reader(service: Service = Depends(get_service)) -> Iterator[duckdb.DuckDBPyConnection]:  # noqa: B008
    """A cursor of its own for one request's reads."""
    cur = service.cursor()
    try:
        yield cur
    finally:
        cur.close()


bearer = HTTPBearer(auto_error=False, description="Needed for writing endpoints when the service has a token "
                                                   "(EVENTWIRE_TOKEN or --token).")


def require_token(request: Request, service: Service = Depends(get_service),  # noqa: B008
                  credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:  # noqa: B008
    """Writing endpoints need the bearer token when one is configured."""
    if not service.token:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.strip().encode(), service.token.encode()):
        raise errors.ApiError(401, "unauthorized", "this endpoint needs the service's bearer token "
                                                   "(Authorization: Bearer ...)")
