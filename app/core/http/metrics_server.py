"""Prometheus across worker processes, and `/metrics` on a port of its own.

With several workers each process counts alone, and a scrape of the API's port reaches one
of them. `serve` therefore runs multi-worker servers in prometheus_client's multiprocess
mode: every worker writes its counts to files in `PROMETHEUS_MULTIPROC_DIR`, and a scrape
sums the files. The folder is the operator's when `PROMETHEUS_MULTIPROC_DIR` is set, else a
temporary one `serve` makes; either way it is emptied at start, since counts left by an
earlier run would be added to this one's.

With `IPA_METRICS_PORT` set, `serve` answers `/metrics` on that port (at
`IPA_METRICS_HOST`) from its own process, and the API's port has no `/metrics`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prometheus_client import REGISTRY, CollectorRegistry, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"


@contextmanager
def multiprocess_metrics(workers: int) -> Iterator[Path | None]:
    """The multiprocess folder, emptied, named in the environment the workers inherit, and
    removed afterwards when `serve` made it: for several workers, or whenever the operator
    names one. None for one worker and no folder named."""
    given = os.environ.get(MULTIPROC_DIR)
    if workers < 2 and not given:
        yield None
        return
    folder = Path(given) if given else Path(tempfile.mkdtemp(prefix="ipa-metrics-"))
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    os.environ[MULTIPROC_DIR] = str(folder)
    try:
        yield folder
    finally:
        if not given:
            shutil.rmtree(folder, ignore_errors=True)


def serve_metrics(host: str, port: int, folder: Path | None) -> None:
    """Answer `/metrics` on host:port from a thread of this process: every worker's counts
    summed when `folder` is the multiprocess folder, else this process's own."""
    registry = REGISTRY
    if folder is not None:
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(folder))  # type: ignore[no-untyped-call]
    start_http_server(port, addr=host, registry=registry)
