"""The JSON API over real HTTP: every route, the one error shape, limits, auth, CORS, and
schemathesis against the OpenAPI spec (bounded)."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.web_server import live_server, seed

pytestmark = pytest.mark.slow
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base(tmp_path_factory, coder):
    with live_server(tmp_path_factory.mktemp("web") / "api.duckdb", token=TOKEN, coder=coder) as url:
        summary = seed(url, TOKEN)
        assert summary["stored"] == 6 and summary["rejected"] == []
        yield url


def get(base, path, **kw):
    return httpx.get(base + path, timeout=60, **kw)


def assert_error_shape(r: httpx.Response, status: int, code: str) -> dict:
    """The one error shape, pinned: {"error": {status, code, message[, detail]}}."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) <= {"status", "code", "message", "detail"} and {"status", "code", "message"} <= set(err)
    assert (err["status"], err["code"]) == (status, code) and isinstance(err["message"], str) and err["message"]
    return err


def test_every_error_has_the_one_shape(base):
    assert_error_shape(get(base, "/api/v1/events/999999"), 404, "not_found")
    assert_error_shape(get(base, "/api/v1/no/such/route"), 404, "not_found")
    err = assert_error_shape(get(base, "/api/v1/events?limit=0"), 422, "invalid_request")
    assert err["detail"][0]["where"] == "query.limit"
    assert_error_shape(get(base, "/api/v1/events?source=R'U'S"), 422, "invalid_request")
    assert_error_shape(httpx.post(base + "/api/v1/code", json={"text": "a\u0000b"}, timeout=60), 400, "bad_input")
    assert_error_shape(httpx.post(base + "/api/v1/documents", json={"documents": [{"text": "x"}]}, timeout=60),
                       401, "unauthorized")
    assert_error_shape(httpx.post(base + "/api/v1/documents", json={"documents": [{"text": "x"}]},
                                  headers={"Authorization": "Bearer wrong"}, timeout=60), 401, "unauthorized")
    big = "word " * 250_000  # 1.25 MB
    assert_error_shape(httpx.post(base + "/api/v1/code", json={"text": big}, timeout=60), 413, "body_too_large")

    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        for _ in range(30):
            yield b"x" * 50_000

    assert_error_shape(httpx.post(base + "/api/v1/code", content=chunks(),
                                  headers={"content-type": "application/json"}, timeout=60), 413, "body_too_large")


def test_code_returns_events_with_evidence_and_stores_only_with_the_token(base):
    text = "Chinese President Xi Jinping met Kenyan President William Ruto in Beijing on Tuesday."
    r = httpx.post(base + "/api/v1/code", json={"text": text, "date": "2025-03-05"}, timeout=60)
    assert r.status_code == 200
    body = r.json()
    assert body["stored"] is False
    meet = next(e for e in body["events"] if e["cameo"].startswith("04"))
    assert meet["source"][0]["country"] == "CHN" and meet["target"][0]["country"] == "KEN"
    assert meet["date"]["date"] == "2025-03-04" and meet["rule"].startswith("04_")
    assert text[meet["trigger"]["start"]:meet["trigger"]["end"]] == meet["trigger"]["text"]
    assert httpx.post(base + "/api/v1/code", json={"text": text, "store": True}, timeout=60).status_code == 401
    stored = httpx.post(base + "/api/v1/code", json={"text": text, "date": "2025-03-05", "store": True},
                        headers=AUTH, timeout=60).json()
    assert stored["stored"] is True
    again = httpx.post(base + "/api/v1/code", json={"text": text, "date": "2025-03-05", "store": True},
                       headers=AUTH, timeout=60).json()
    assert again["stored"] is False  # the same text is stored once


def test_documents_endpoint_is_idempotent_and_lists_rejects(base):
    docs = [{"id": "k1", "source": "Test Wire", "date": "2025-06-01",
             "text": "Kenya and Uganda signed a trade agreement in Nairobi on Friday."},
            {"id": "bad", "text": "Kenya signed.", "date": "sometime"}]
    first = httpx.post(base + "/api/v1/documents", json={"documents": docs}, headers=AUTH, timeout=60).json()
    assert first["stored"] == 1 and first["rejected"] == [{"index": 1, "reason": "cannot read date 'sometime'"}]
    second = httpx.post(base + "/api/v1/documents", json={"documents": docs[:1]}, headers=AUTH, timeout=60).json()
    assert (second["stored"], second["already_stored"], second["events"]) == (0, 1, 0)


def test_events_filter_page_sort_and_detail(base):
    all_rus = get(base, "/api/v1/events", params={"source": "RUS", "limit": 2}).json()
    assert all_rus["total"] >= 2 and len(all_rus["events"]) == 2
    assert {e["source_country"] for e in all_rus["events"]} == {"RUS"}
    page2 = get(base, "/api/v1/events", params={"source": "RUS", "limit": 2, "offset": 2}).json()
    assert not {e["id"] for e in page2["events"]} & {e["id"] for e in all_rus["events"]}
    by_g = get(base, "/api/v1/events", params={"sort": "-goldstein", "limit": 1000}).json()["events"]
    assert [e["goldstein"] for e in by_g] == sorted((e["goldstein"] for e in by_g), reverse=True)
    assert get(base, "/api/v1/events", params={"sort": "text; DROP TABLE events"}).status_code == 422
    assert get(base, "/api/v1/events", params={"category": "X' OR '1'='1"}).json()["total"] == 0
    merged = get(base, "/api/v1/events", params={"source": "RUS:MIL", "cameo": "19"}).json()["events"]
    twice = next(e for e in merged if e["num_articles"] == 2)  # the strike two outlets reported
    detail = get(base, f"/api/v1/events/{twice['id']}").json()
    assert detail["event"]["id"] == twice["id"] and len(detail["mentions"]) >= 2
    m = detail["mentions"][0]
    assert m["sentence"][m["trigger_at"]:m["trigger_end"]] == m["trigger_text"]
    assert m["rule"] and {a["role"] for a in m["actors"]} >= {"source"}
    assert {m["outlet"] for m in detail["mentions"]} == {"Wire One", "Northgate Post"}


def test_dyad_actor_alerts_network_health(base):
    series = get(base, "/api/v1/dyads/rus/ukr/series", params={"by": "day"}).json()
    assert series["a"] == "RUS" and sum(p["events"] for p in series["series"]) >= 3
    assert get(base, "/api/v1/dyads/RUS/UKR/series", params={"by": "fortnight"}).status_code == 422
    actor = get(base, "/api/v1/actors/volodymyr-zelensky").json()
    assert actor["actor"]["country"] == "UKR" and actor["roles"][0]["role"]
    assert actor["recent"] and actor["partners"]
    assert get(base, "/api/v1/actors/RUS").json()["actor"]["origin"] == "country"
    assert get(base, "/api/v1/actors/nobody-at-all").status_code == 404
    assert "alerts" in get(base, "/api/v1/alerts").json()
    pairs = get(base, "/api/v1/network").json()["pairs"]
    assert ("RUS", "UKR") in {(p["a"], p["b"]) for p in pairs}
    assert get(base, "/api/v1/health").json()["documents"] >= 6


def test_cors_is_off_by_default(base):
    r = httpx.options(base + "/api/v1/events", headers={"Origin": "https://elsewhere.example",
                                                        "Access-Control-Request-Method": "GET"}, timeout=30)
    assert "access-control-allow-origin" not in r.headers
    assert "access-control-allow-origin" not in get(base, "/api/v1/health",
                                                    headers={"Origin": "https://elsewhere.example"}).headers


@pytest.fixture(scope="module")
def api_schema(base):
    return schemathesis.openapi.from_url(base + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
def test_api_conforms_to_its_openapi_spec(case):
    case.call_and_validate(headers=AUTH, timeout=60)


def test_ingest_through_the_running_service_while_it_owns_the_store(tmp_path, coder):
    """DuckDB has one writer: the service. An ingest sends it documents; a direct query of
    the file meanwhile is refused in one line."""
    import json
    import subprocess
    import sys

    db = tmp_path / "owned.duckdb"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "source": "Wire", "date": "2025-03-05",
                               "text": "Chile and Peru signed a fishing agreement in Lima on Tuesday."}) + "\n"
                   + json.dumps({"id": "2", "text": "   "}) + "\n")
    cli = [sys.executable, "-m", "eventwire.cli.main"]
    with live_server(db, token=TOKEN, coder=coder) as url:
        run = subprocess.run([*cli, "ingest", str(src), "--server", url, "--token", TOKEN,
                              "--rejects", str(tmp_path / "rej.jsonl")], capture_output=True, text=True, timeout=300)
        assert run.returncode == 3, run.stderr
        assert "stored           1" in run.stderr and "rejected         1" in run.stderr
        assert httpx.get(url + "/api/v1/health", timeout=30).json()["documents"] == 1
        busy = subprocess.run([*cli, "events", "--db", str(db)], capture_output=True, text=True, timeout=120)
        assert busy.returncode == 2 and "being written by another process" in busy.stderr
        assert "Traceback" not in busy.stderr
        refused = subprocess.run([*cli, "ingest", str(src), "--server", url], capture_output=True, text=True,
                                 timeout=300)
        assert refused.returncode == 1 and "HTTP 401" in refused.stderr and "Traceback" not in refused.stderr
