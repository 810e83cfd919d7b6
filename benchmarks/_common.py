"""Shared helpers for benchmark scripts: locating data and timing fresh processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
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


# Linux carries the RSS high-water mark of a forked parent into its child, even across
# exec, so a child of a big benchmark process would report the parent's peak. A small
# launcher process forks the measured command instead and reports its time and rusage.
_LAUNCHER = r"""
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_fresh(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak RSS of one fresh process (exactly that process, not its parent)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rusage") as report:
        subprocess.run(
            [sys.executable, "-S", "-c", _LAUNCHER, report.name, *cmd],
            env=env, cwd=REPO, check=True,
        )
        seconds, max_kib, returncode = report.read().split()
    return Run(float(seconds), int(max_kib) / 1024, int(returncode))


def use_private_data_dir() -> None:
    """A data dir of the benchmark's own (unless one is set): a developer's library with texts
    to re-read would be read in the background while the window is measured."""
    os.environ.setdefault("ZHREADER_DATA_DIR", tempfile.mkdtemp(prefix="zhreader-bench-data-"))


def fresh_env(**extra: str) -> dict[str, str]:
    """The environment for timed child processes: offscreen Qt, bytecode cache warm.

    An installed zhreader has .pyc files; a checkout run with PYTHONDONTWRITEBYTECODE
    recompiles every module on each start (~50 ms). The bytecode goes to a prefix in the
    temp dir, never into the repository.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX",
                   str(Path(tempfile.gettempdir()) / "zhreader-bench-pycache"))
    return env


def analysis_fingerprint() -> str:
    """What the analysis cache keys on besides the text; changes when core code is edited.

    Other engineers edit app/core while benchmarks run: a run that straddles an edit
    pays for a full analysis and must be retried, not counted as "caches warm".
    """
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from app.core.analysis import cache as analysis_cache

    return analysis_cache._code_fingerprint.__wrapped__()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


PYTHON = sys.executable


def alternate_runs(commands: dict[str, list[str]], runs: int, env: dict[str, str]):
    """Run every command once per round, rounds repeated; re-warm when app/core changes."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    warm_for = None
    retries = 0
    while len(next(iter(times.values()))) < runs:
        before = analysis_fingerprint()
        if before != warm_for:
            for cmd in commands.values():  # dictionary index, analysis cache, bytecode
                run = run_fresh(cmd, env)
                if run.returncode != 0:
                    raise SystemExit(f"failed: {' '.join(cmd)}")
            warm_for = before
        results = {name: run_fresh(cmd, env) for name, cmd in commands.items()}
        if analysis_fingerprint() != before:
            retries += 1  # someone edited app/core mid-round: not a warm round
            if retries > 20:
                raise SystemExit("app/core keeps changing; try again later")
            continue
        for name, run in results.items():
            times[name].append(run.seconds)
            peaks[name].append(run.peak_mib)
    return times, peaks, retries


def load_average() -> str:
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def open_in_window(window, path, timeout_ms: int = 600_000) -> None:
    """Open `path` in a MainWindow and turn the event loop until its analysis is shown."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.analysis_shown.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.open_path(str(path))
    loop.exec()
    window.analysis_shown.disconnect(loop.quit)
    window.runner.wait()  # the worker also warms the popup's lookups after the analysis
