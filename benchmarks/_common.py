"""Shared helpers for benchmark scripts: locating data and timing fresh processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "resources" / "articles"
LARGEST_ARTICLE = ARTICLES / "meta-alexandr-wang-lecun-review.txt"


def shared_benchmarks() -> Path:
    """Evaluation data stays in ../shared (research licence): read it there, never copy it."""
    override = os.environ.get("ZHREADER_SHARED")
    base = Path(override) if override else REPO.parent / "shared"
    return base / "benchmarks"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    returncode: int


def run_fresh(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak RSS of one fresh process (rusage of exactly that child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


PYTHON = sys.executable
