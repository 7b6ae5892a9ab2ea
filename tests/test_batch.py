"""Batch coding on a real Dask LocalCluster: the same output as serial ingest, a worker
killed mid-run, resumption, Parquet input, and the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.store.ingest import ingest
from tests.test_ingest import article

pytestmark = pytest.mark.slow
distributed = pytest.importorskip("distributed", reason="batch tests need the batch extra (dask.distributed)")

from eventwire.batch.load import load_batch  # noqa: E402
from eventwire.batch.run import run_batch  # noqa: E402

COMPARE = {
    "documents": "SELECT id, content_hash, published, title, text, source, url FROM documents ORDER BY id",
    "reports": "SELECT id, doc_id, cameo, event_id, record FROM reports ORDER BY id",
    "events": "SELECT * EXCLUDE (added_at) FROM events ORDER BY id",
    "event_mentions": "SELECT * FROM event_mentions ORDER BY event_id, report_id, sentence_index",
    "actor_mentions": "SELECT * FROM actor_mentions ORDER BY report_id, role, start_char",
    "actors": "SELECT * FROM actors ORDER BY key",
    "learned_actors": "SELECT * FROM learned_actors ORDER BY ALL",
}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as c:
        yield c


def _inputs(tmp_path, n=40):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps(article(i)) for i in range(n)]
    lines.insert(9, "{not json")
    lines.insert(20, json.dumps({"id": "empty", "text": ""}))
    src.write_text("\n".join(lines) + "\n")
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(3):
        (texts / f"t{i}.txt").write_text(f"Kenyan President William Ruto met Ugandan President Yoweri Museveni "
                                         f"in Kampala on Monday for talks on trade route {i}.")
    return [str(src), str(texts)]


def test_batch_then_load_equals_serial_ingest(tmp_path, cluster):
    inputs = _inputs(tmp_path)
    serial, batched, out = tmp_path / "serial.duckdb", tmp_path / "batched.duckdb", str(tmp_path / "out")
    s = ingest(inputs, serial, processes=1, default_date=None, rejects=tmp_path / "serial.rejects.jsonl")
    b = run_batch(inputs, out, scheduler=cluster.scheduler_address, partition_size=7)
    assert (b.documents, b.rejects) == (s.stored, s.rejected) == (43, 2)
    loaded = load_batch(out, batched)
    assert loaded.stored == 43
    with duckdb.connect(str(serial), read_only=True) as a, duckdb.connect(str(batched), read_only=True) as c:
        for table, sql in COMPARE.items():
            assert a.execute(sql).fetchall() == c.execute(sql).fetchall(), table
    serial_rejects = {(r["line"], r["reason"]) for r in map(json.loads, (tmp_path / "serial.rejects.jsonl").open())}
    batch_rejects = {(r["line"], r["reason"].split(" (")[0]) for r in
                     duckdb.sql(f"SELECT line, reason FROM read_parquet('{out}/rejects/*.parquet')").df()
                     .to_dict("records")}
    assert {(line, reason.split(" (")[0]) for line, reason in serial_rejects} == batch_rejects
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["totals"] == {"documents": 43, "reports": b.reports, "rejects": 2}
    assert all(p["done"] for p in manifest["partitions"]) and len(manifest["partitions"]) == 7
    # the Parquet is queryable where it lies
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/documents/*.parquet')").fetchall()[0][0]
    assert n == 43


def test_a_killed_worker_loses_nothing_and_a_rerun_skips_finished_partitions(tmp_path, cluster):
    inputs = _inputs(tmp_path, n=60)
    out = str(tmp_path / "out")
    with distributed.Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(counts):
        if not killed:
            victim = next(pid for pid in pids.values() if pid != counts["worker_pid"])
            os.kill(victim, signal.SIGKILL)  # mid-task: the other worker is busy with its partition
            killed.append(victim)

    first = run_batch(inputs, out, scheduler=cluster.scheduler_address, partition_size=5, on_partition=kill_one)
    assert killed
    ids = duckdb.sql(f"SELECT id FROM read_parquet('{out}/documents/*.parquet')").fetchall()
    assert len(ids) == len(set(ids)) == 63 == first.documents
    assert len({c["worker_pid"] for c in first.per_partition}) >= 2
    assert not list((tmp_path / "out" / "documents").glob(".*.tmp"))
    again = run_batch(inputs, out, scheduler=cluster.scheduler_address, partition_size=5)
    assert (again.skipped, again.documents) == (first.partitions, 0)


def test_parquet_input_and_the_cli(tmp_path):
    rows = [article(i) for i in range(6)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    out = tmp_path / "out"
    cli = [sys.executable, "-m", "eventwire.cli.main"]
    run = subprocess.run([*cli, "batch", str(tmp_path / "in.parquet"), "--out", str(out), "--workers", "1",
                          "--partition-size", "4"], capture_output=True, text=True, timeout=400)
    assert run.returncode == 0, run.stderr
    assert "dashboard" in run.stderr and "documents        6" in run.stderr
    load = subprocess.run([*cli, "load", str(out), "--db", str(tmp_path / "ew.duckdb")], capture_output=True,
                          text=True, timeout=300)
    assert load.returncode == 0 and "stored           6" in load.stderr, load.stderr
    bad = subprocess.run([*cli, "load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and "not a batch output" in bad.stderr and "Traceback" not in bad.stderr
