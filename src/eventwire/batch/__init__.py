"""Batch coding on Dask.distributed (needs the ``batch`` extra): archives in, partitioned
Parquet out, merged into a store by ``eventwire load``.

    partitions.py   what the input holds, cut into partitions (files, line ranges, row groups)
    worker.py       code one partition on a worker, write its Parquet atomically
    run.py          the cluster, the task graph, retries, progress and the manifest
    load.py         a batch output into a DuckDB store, merged as `eventwire ingest` does
"""
