"""A real HTTP server (uvicorn on loopback) over a fresh store, for API and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from eventwire.web import create_app

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "examples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db: Path, token: str | None = None, coder=None, **kwargs) -> Iterator[str]:
    """Serve the app on a free loopback port; yields the base URL."""
    port = free_port()
    app = create_app(db, token=token or "", coder=coder, **kwargs)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def seed(base: str, token: str | None = None) -> dict:
    """Store the bundled example stream through the API, as a client would."""
    docs = []
    for path in sorted((EXAMPLES / "stream").glob("*.md")):
        head, _, body = path.read_text().partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines()[1:])
        docs.append({"id": path.stem, "text": body, "date": meta["date"], "title": meta["title"],
                     "source": meta["source"]})
    docs.append({"id": "article", "text": (EXAMPLES / "article.txt").read_text(), "date": "2025-06-04",
                 "source": "eventwire example"})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    r = httpx.post(f"{base}/api/v1/documents", json={"documents": docs}, headers=headers, timeout=120)
    r.raise_for_status()
    return r.json()
