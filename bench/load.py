"""A bounded load run against the web service on loopback.

    python bench/load.py [--requests 2000] [--concurrency 16]

Starts `eventwire serve` as its own process over a fresh store, ingests articles through
POST /api/v1/documents, then sends ``--requests`` requests, ``--concurrency`` at a time,
half POST /api/v1/code (a short article each) and half GET /api/v1/events (varied
filters and pages). Prints errors, throughput, p50/p95/p99 latency per endpoint, and the
server's resident memory before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-politics-2004-2009.jsonl"
ARTICLES = [
    "Chinese President Xi Jinping met Kenyan President William Ruto in Beijing on Tuesday.",
    "Russian forces shelled the city of Kharkiv on Monday, regional officials said.",
    "The European Union imposed new sanctions on Belarus on Wednesday.",
    "Japan and South Korea signed a defence agreement in Tokyo on Friday.",
    "Protesters marched against the government in Nairobi on Saturday, police said.",
    "India condemned a militant attack in Kashmir and called on Pakistan to act.",
]
FILTERS = [{}, {"source": "USA"}, {"target": "IRQ"}, {"category": "CONSULT"}, {"cameo": "19"},
           {"since": "2006-01-01", "limit": 20}, {"sort": "-goldstein", "limit": 10}, {"offset": 40}]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seed-docs", type=int, default=300)
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    tmp = tempfile.mkdtemp()
    server = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "serve", "--db", f"{tmp}/load.duckdb",
                               "--port", str(port)], stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            print("server did not start", file=sys.stderr)
            return 2
        if CORPUS.exists():
            rows = [json.loads(line) for line in CORPUS.open()][: args.seed_docs]
            docs = [{"id": r.get("id"), "text": r["text"], "date": r.get("date"), "source": "wikinews"}
                    for r in rows if r.get("text")]
        else:
            docs = [{"id": str(i), "text": t, "date": "2025-03-05"} for i, t in enumerate(ARTICLES)]
        t0 = time.perf_counter()
        for i in range(0, len(docs), 50):
            httpx.post(base + "/api/v1/documents", json={"documents": docs[i:i + 50]}, timeout=600).raise_for_status()
        print(f"seeded              {len(docs)} documents in {time.perf_counter() - t0:.1f} s")
        httpx.post(base + "/api/v1/code", json={"text": ARTICLES[0]}, timeout=60)  # the coder is loaded by now
        before = rss_kb(server.pid)
        rng = random.Random(7)
        plan = [("code", rng.choice(ARTICLES)) if i % 2 == 0 else ("events", rng.choice(FILTERS))
                for i in range(args.requests)]
        client = httpx.Client(timeout=60, limits=httpx.Limits(max_connections=args.concurrency))

        def send(item: tuple[str, object]) -> tuple[str, float, int]:
            kind, payload = item
            start = time.perf_counter()
            try:
                if kind == "code":
                    r = client.post(base + "/api/v1/code", json={"text": payload, "date": "2025-03-05"})
                else:
                    r = client.get(base + "/api/v1/events", params=payload)  # type: ignore[arg-type]
                status = r.status_code
            except httpx.HTTPError:
                status = 0
            return kind, (time.perf_counter() - start) * 1000, status

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(send, plan))
        wall = time.perf_counter() - t0
        after = rss_kb(server.pid)
        errors = sum(1 for _, _, status in results if status != 200)
        print(f"requests            {len(results)} ({args.concurrency} at a time) in {wall:.1f} s "
              f"= {len(results) / wall:.0f} requests/s")
        print(f"errors              {errors}")
        for kind in ("code", "events"):
            lat = [ms for k, ms, _ in results if k == kind]
            print(f"{kind:8s} n={len(lat):5d}  p50 {pct(lat, 50):7.1f} ms  p95 {pct(lat, 95):7.1f} ms  "
                  f"p99 {pct(lat, 99):7.1f} ms  mean {statistics.mean(lat):7.1f} ms")
        print(f"server memory       {before / 1024:.0f} MB before, {after / 1024:.0f} MB after")
        return 0 if errors == 0 else 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
