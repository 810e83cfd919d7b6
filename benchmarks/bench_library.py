"""A library of hundreds to thousands of articles: import and analysis in the real window.

Generates N articles (default 200, 1,000 and 2,000; about 5,000 characters each, so
2,000 articles are about 10 million characters) into a temporary folder, from the five
built-in articles and the sentences of the SIGHAN 2005 test files in ../shared
(simplified pku/msr, traditional as/cityu; read there, never copied into the repo).
For each N, a fresh process opens the reading window offscreen on a built-in article,
adds the folder to the library (File → Add a folder) and waits until every text is
read, analysed and measured, while a 5 ms timer on the GUI thread records how long the
event loop was ever kept waiting (the longest "stall"). Then it times full-text queries
(the index alone, and the panel's search box: index plus filtering the table), marking
HSK 1-2 known (every text re-measured), and a restart (the library back, with its
statistics, from the index). Peak memory is the process's high-water mark (VmHWM).

Run: nice .venv/bin/python benchmarks/bench_library.py [--sizes 200,1000,2000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ARTICLES, REPO, fresh_env, shared_benchmarks

SIGHAN = ("pku", "msr", "as", "cityu")  # as/cityu are traditional
TARGET_CHARS = (2_500, 7_500)  # uniform: about 5,000 characters an article
STALL_TICK_MS = 5
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


# -- the articles (parent) ------------------------------------------------------------------


def corpora() -> dict[str, list[str]]:
    """Lines of text per source: built-in articles' paragraphs, SIGHAN test sentences."""
    sources: dict[str, list[str]] = {
        "builtin": [line.strip() for path in sorted(ARTICLES.glob("*.txt"))
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]}
    folder = shared_benchmarks() / "sighan2005"
    for name in SIGHAN:
        path = folder / f"{name}_test_gold.utf8"
        if path.is_file():
            # The gold files separate words by spaces: joined back into running text.
            sources[name] = [joined for line in path.read_text(encoding="utf-8").splitlines()
                             if (joined := "".join(line.split()))]
    return sources


def write_articles(folder: Path, count: int, sources: dict[str, list[str]], seed: int) -> int:
    """`count` articles of consecutive lines of one source each; returns the characters."""
    rng = random.Random(seed)
    names = sorted(sources)
    total = 0
    for n in range(count):
        lines = sources[rng.choice(names)]
        target = rng.randint(*TARGET_CHARS)
        start = rng.randrange(len(lines))
        body: list[str] = []
        size = 0
        while size < target:
            line = lines[(start + len(body)) % len(lines)]
            body.append(line)
            size += len(line) + 1
        text = f"第{n + 1}篇 {body[0][:20]}\n" + "\n".join(body) + "\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def query_words(sources: dict[str, list[str]], count: int, seed: int) -> list[str]:
    """Words a learner might look for: 1-4 characters taken from the texts' Han runs."""
    rng = random.Random(seed + 1)
    words: list[str] = []
    lines = [line for lines in sources.values() for line in lines]
    while len(words) < count:
        runs = _HAN_RUN.findall(rng.choice(lines))
        if runs:
            run = rng.choice(runs)
            size = rng.randint(1, min(4, len(run)))
            at = rng.randrange(len(run) - size + 1)
            words.append(run[at : at + size])
    return words


# -- the measured process (child) -------------------------------------------------------------


def _peak_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(folder: Path, count: int, queries: list[str]) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main import ensure_application
    from app.ui.main_window import MainWindow

    app = ensure_application()
    gc_pauses: list[float] = []  # diagnostics: a long collection is a long stall
    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        elif info.get("generation") == 2:
            gc_pauses.append(time.perf_counter() - gc_started[0])

    gc.callbacks.append(on_gc)
    stalls: list[float] = []
    clock = QElapsedTimer()
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        stalls.append(now - last[0] - STALL_TICK_MS)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(STALL_TICK_MS)
    ticker.timeout.connect(tick)

    def measure_stalls(work, done) -> tuple[float, float, int]:
        """Seconds until `done()`, the longest GUI stall (ms), and stalls over 100 ms."""
        stalls.clear()
        clock.start()
        last[0] = 0.0
        ticker.start()
        started = time.perf_counter()
        work()
        while not done():
            app.processEvents()
            time.sleep(0.0005)
        seconds = time.perf_counter() - started
        ticker.stop()
        return seconds, max(stalls, default=0.0), sum(1 for s in stalls if s > 100)

    def open_window() -> MainWindow:
        window = MainWindow(persist=False)
        window.resize(1280, 800)
        window.show()
        return window

    def all_measured(window) -> bool:
        model = window.library_panel.model
        return (not window.library.worker.busy and model.rowCount() >= count
                and all(model.stats(r) is not None for r in range(model.rowCount())))

    window = open_window()
    window.open_initial([])
    while window.analysis is None:
        app.processEvents()
    result: dict = {"articles": count}

    seconds, stall, over = measure_stalls(
        lambda: window.library.import_paths([str(folder)]), lambda: all_measured(window))
    result |= {"import_s": seconds, "import_stall_ms": stall, "import_stalls_over_100": over,
               "rows": window.library_panel.model.rowCount()}

    index_times, panel_times = [], []
    panel = window.library_panel
    for word in queries:
        started = time.perf_counter()
        window.library.search(word)
        index_times.append(time.perf_counter() - started)
        panel.search_edit.setText(word)
        started = time.perf_counter()
        panel.run_search()
        panel_times.append(time.perf_counter() - started)
    panel.search_edit.clear()
    panel.run_search()
    slowest = sorted(zip(panel_times, queries, strict=True), reverse=True)[:3]
    result |= {"slowest_box_queries": [(q, round(t * 1000, 1)) for t, q in slowest],
               "longest_full_gc_ms": max(gc_pauses, default=0.0) * 1000,
               "query_p50_ms": _quantile(index_times, 0.5) * 1000,
               "query_p99_ms": _quantile(index_times, 0.99) * 1000,
               "panel_search_p99_ms": _quantile(panel_times, 0.99) * 1000}

    before = {r: panel.model.stats(r) for r in range(panel.model.rowCount())}
    seconds, stall, _ = measure_stalls(
        lambda: window.mark_hsk_known(2),
        lambda: not window.library.worker.busy and not window.library._states_timer.isActive()
        and all(panel.model.stats(r) is not before[r] for r in before))
    result |= {"remeasure_s": seconds, "remeasure_stall_ms": stall}
    window.close()
    window.deleteLater()
    app.processEvents()

    holder: list = []
    seconds, stall, _ = measure_stalls(
        lambda: holder.append(open_window()), lambda: bool(holder) and all_measured(holder[0]))
    result |= {"restart_s": seconds, "restart_stall_ms": stall}
    holder[0].close()
    result["peak_mib"] = _peak_mib()
    QApplication.processEvents()
    return result


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


# -- orchestration ----------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,1000,2000", help="article counts to run")
    parser.add_argument("--queries", type=int, default=300, help="full-text queries timed")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--child", nargs=3, metavar=("FOLDER", "COUNT", "QUERIES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, count, queries = args.child
        result = child(Path(folder), int(count), json.loads(Path(queries).read_text("utf-8")))
        print(json.dumps(result), flush=True)
        return 0

    sources = corpora()
    if len(sources) == 1:
        print("note: ../shared/benchmarks/sighan2005 not found; built-in articles only")
    queries = query_words(sources, args.queries, args.seed)
    cache = Path(tempfile.gettempdir()) / "zhreader-bench-library-cache"  # dictionary index
    print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
    rows = []
    for count in (int(size) for size in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="zhreader-bench-library-"))
        try:
            folder = work / "articles"
            folder.mkdir()
            chars = write_articles(folder, count, sources, args.seed)
            (work / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
            (cache / "library-index.sqlite3").unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                (cache / f"library-index.sqlite3{suffix}").unlink(missing_ok=True)
            env = fresh_env(ZHREADER_DATA_DIR=str(work / "data"), ZHREADER_CACHE_DIR=str(cache),
                            XDG_CONFIG_HOME=str(work / "config"))
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(folder), str(count),
                 str(work / "queries.json")],
                env=env, cwd=REPO, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
                return 1
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["chars"] = chars
            rows.append(result)
            _print_row(result, header=len(rows) == 1)
            print(f"  (diagnostics: longest full collection {result['longest_full_gc_ms']:.0f} ms;"
                  f" slowest search-box queries {result['slowest_box_queries']})", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["import_s"] / first["import_s"]) / (last["chars"] / first["chars"])
        print(f"time grows {growth:.2f}x as fast as the text "
              f"({last['chars'] / first['chars']:.1f}x the characters, "
              f"{last['import_s'] / first['import_s']:.1f}x the time): 1.00 is linear")
    return 0


def _print_row(r: dict, header: bool) -> None:
    if header:
        print(f"{'articles':>8} {'chars':>11} {'import+analyse':>15} {'chars/s':>8} "
              f"{'peak MiB':>8} {'stall ms':>8} {'>100ms':>6} {'FTS p50/p99 ms':>15} "
              f"{'box p99':>8} {'re-measure':>11} {'restart':>8}")
    print(f"{r['articles']:>8,} {r['chars']:>11,} {r['import_s']:>14.1f}s "
          f"{r['chars'] / r['import_s']:>8,.0f} {r['peak_mib']:>8.0f} "
          f"{r['import_stall_ms']:>8.0f} {r['import_stalls_over_100']:>6} "
          f"{r['query_p50_ms']:>7.2f}/{r['query_p99_ms']:<7.2f} {r['panel_search_p99_ms']:>8.1f} "
          f"{r['remeasure_s']:>6.2f}s/{r['remeasure_stall_ms']:<3.0f} "
          f"{r['restart_s']:>7.2f}s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
