"""Run a batch on Dask.distributed: one task per partition, retried when a worker dies.

Without a scheduler address a LocalCluster starts here (one single-threaded worker
process per core by default: spaCy parsing holds the GIL, so processes, not threads,
give parallelism). Partitions already marked done in the output are skipped, so an
interrupted batch is resumed by running the same command again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import fsspec

from eventwire import __version__, settings
from eventwire.batch.partitions import Partition, plan
from eventwire.batch.worker import code_partition, coder_for


@dataclass
class BatchSummary:
    partitions: int = 0
    skipped: int = 0
    documents: int = 0
    reports: int = 0
    rejects: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # starting the cluster and loading the model on every worker
    dashboard: str | None = None
    workers: int = 0
    per_partition: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def coding_rate(self) -> float:
        """Articles per second once the workers are up (the steady state of a long batch)."""
        coding = self.seconds - self.startup_seconds
        return self.documents / coding if coding > 0 else 0.0


def done_partitions(out: str) -> set[str]:
    fs, root = fsspec.core.url_to_fs(out)
    return {p.rsplit("/", 1)[-1][:-5] for p in fs.glob(f"{root}/_done/*.json")}


def run_batch(inputs: Sequence[str], out: str, *, scheduler: str | None = None, workers: int | None = None,
              partition_size: int = 500, model: str | None = None, kb: Sequence[str] = (),
              default_date: dt.date | None = None, retries: int = 3,
              on_start: Callable[[BatchSummary, int], None] | None = None,
              on_partition: Callable[[dict[str, Any]], None] | None = None) -> BatchSummary:
    """Code ``inputs`` into partitioned Parquet under ``out`` and write its manifest."""
    from distributed import Client, LocalCluster, as_completed

    t0 = time.perf_counter()
    parts = plan(list(inputs), partition_size)
    done = done_partitions(out)
    todo: list[Partition] = [p for p in parts if p.id not in done]
    summary = BatchSummary(partitions=len(parts), skipped=len(parts) - len(todo))
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                               silence_logs=50)
        client = Client(cluster)
    try:
        summary.dashboard = client.dashboard_link
        summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
        if on_start:
            on_start(summary, len(todo))
        model = model or str(settings.get("model"))
        # load the model on every worker at once, before any task: "once per worker", in parallel
        client.run(coder_for, model, tuple(kb))
        summary.startup_seconds = time.perf_counter() - t0
        futures = client.map(code_partition, todo, out=out, model=model, kb=tuple(kb), default_date=default_date,
                             retries=retries, pure=False, key=[f"eventwire-{p.id}" for p in todo])
        for future in as_completed(futures):
            counts = future.result()
            summary.documents += counts["documents"]
            summary.reports += counts["reports"]
            summary.rejects += counts["rejects"]
            summary.per_partition.append(counts)
            if on_partition:
                on_partition(counts)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - t0
    write_manifest(out, parts, summary, inputs, model, kb)
    return summary


def write_manifest(out: str, parts: list[Partition], summary: BatchSummary, inputs: Sequence[str],
                   model: str | None, kb: Sequence[str]) -> None:
    """``manifest.json``: what was read, how it was cut, with what, and what each partition holds."""
    fs, root = fsspec.core.url_to_fs(out)
    counts = {}
    for p in fs.glob(f"{root}/_done/*.json"):
        with fs.open(p) as fh:
            c = json.loads(fh.read())
        counts[c["partition"]] = c
    manifest = {
        "eventwire": __version__, "model": model, "kb": list(kb), "inputs": list(inputs),
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tables": ["documents", "reports", "event_mentions", "rejects"],
        "partitions": [{**p.to_dict(), **{k: v for k, v in counts.get(p.id, {}).items() if k != "partition"},
                        "done": p.id in counts} for p in parts],
        "totals": {"documents": sum(c["documents"] for c in counts.values()),
                   "reports": sum(c["reports"] for c in counts.values()),
                   "rejects": sum(c["rejects"] for c in counts.values())},
    }
    with fs.open(f"{root}/manifest.json", "w") as fh:
        fh.write(json.dumps(manifest, indent=2))
