"""Pinyin above words (ruby) and tone colours: what they cost the window.

1. Time to show: `zhreader screenshot` of the largest built-in article in fresh processes,
   ruby off against ruby on (all words; all words with tone colours on the characters),
   rounds alternated, caches warm. Goal: ruby on <= 1.3x ruby off.
2. Scrolling: the real window, offscreen, scrolled from the top of each built-in article to
   its end one wheel notch at a time, then 40 jumps to random places; each step is the
   scroll, the event loop's turns (decoration pass) and a synchronous repaint of the whole
   viewport (more than a real scroll repaints). The longest step is the longest GUI-thread
   stall, reported per mode as the worst over the five articles. Modes: ruby off, all
   words, only words you don't know (HSK bands 1-2 counted as known, as in the README's
   screenshot), each ruby mode with tone colours on the characters and the dark theme,
   and ruby off so too; pinyin in tone colours throughout (the default). Goal: none over
   50 ms on the built-in articles. `--million` adds a 1,000,000-character text (the
   built-in articles repeated; analysed once, then cached).

    python benchmarks/bench_ruby.py [--runs 7] [--million]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from _common import (
    ARTICLES,
    LARGEST_ARTICLE,
    PYTHON,
    REPO,
    alternate_runs,
    fresh_env,
    load_average,
    median,
    open_in_window,
    percentile,
    use_private_data_dir,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
use_private_data_dir()
sys.path.insert(0, str(REPO))

MODES = {  # label: (ruby mode, tone colours on characters, theme)
    "ruby off": ("off", False, "light"),
    "ruby all": ("all", False, "light"),
    "ruby unknown": ("unknown", False, "light"),
    "ruby off, tone colours, dark": ("off", True, "dark"),
    "ruby all, tone colours, dark": ("all", True, "dark"),
    "ruby unknown, tone colours, dark": ("unknown", True, "dark"),
}
KNOWN_BAND = 2  # "only words I don't know": HSK 3.0 bands 1-2 count as known
JUMPS = 40


def time_to_show(runs: int) -> None:
    env = fresh_env()
    out = os.path.join(tempfile.mkdtemp(), "shot.png")
    base = [PYTHON, "-m", "app", "screenshot", out, "--article", str(LARGEST_ARTICLE)]
    commands = {
        "ruby off": [*base, "--ruby", "off"],
        "ruby all": [*base, "--ruby", "all"],
        "ruby all + tone colours": [*base, "--ruby", "all", "--tone-text"],
    }
    load_before = load_average()
    times, peaks, retries = alternate_runs(commands, runs, env)
    print(f"time to show, `zhreader screenshot` of {LARGEST_ARTICLE.name} "
          f"({len(LARGEST_ARTICLE.read_text(encoding='utf-8')):,} chars), {runs} alternating "
          f"rounds, medians (load avg {load_before} -> {load_average()}"
          f"{f', {retries} rounds redone' if retries else ''}):")
    off = median(times["ruby off"])
    for name in commands:
        print(f"  {name:26s} {median(times[name]):6.3f} s  (min {min(times[name]):.3f})  "
              f"{median(times[name]) / off:5.2f}x ruby off   peak {max(peaks[name]):6.1f} MiB")
    print("  goal: ruby on <= 1.30x ruby off")


def _step(app, view, value: int) -> tuple[float, float]:
    """One scroll step as the GUI thread lives it: scroll, event loop turns, full repaint.

    Returns (wall seconds, this thread's CPU seconds): on a machine shared with other jobs
    the wall time includes waiting for a core, the CPU time does not.
    """
    start, cpu = time.perf_counter(), time.thread_time()
    view.verticalScrollBar().setValue(value)
    app.processEvents()
    app.processEvents()  # the decoration pass runs on a zero-delay timer
    view.viewport().repaint()
    return time.perf_counter() - start, time.thread_time() - cpu


def scroll_stalls(window, app, path: Path, mode: tuple[str, bool, str], notches: int | None,
                  seed: int = 7) -> tuple[list[tuple[float, float]], int, int]:
    window.aids.set_tone_colors(True)
    window.aids.set_known_band(KNOWN_BAND)
    window.aids.set_ruby_mode(mode[0])
    window.aids.set_tone_text(mode[1])
    window.aids.set_theme(mode[2])
    view = window.view
    bar = view.verticalScrollBar()
    notch = bar.singleStep() * app.wheelScrollLines()
    for _ in range(3):
        _step(app, view, 0)
    steps: list[tuple[float, float]] = []
    value = 0
    count = 0
    while value < bar.maximum() and (notches is None or count < notches):
        value = min(bar.maximum(), value + notch)
        steps.append(_step(app, view, value))
        count += 1
    rng = random.Random(seed)
    for _ in range(JUMPS):
        steps.append(_step(app, view, rng.randrange(0, bar.maximum() + 1)))
    words = len(view.visible_ruby())
    return steps, count, words


def scrolling(million: bool) -> None:
    from app.ui.main import ensure_application
    from app.ui.main_window import MainWindow

    app = ensure_application()
    window = MainWindow(persist=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    texts = [(p.stem, p, None) for p in sorted(ARTICLES.glob("*.txt"))]
    if million:
        corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
        path = Path(tempfile.gettempdir()) / "zhreader-bench-ruby-1M.txt"
        body = (corpus * (1_000_000 // len(corpus) + 1))[:1_000_000]
        if not path.is_file() or path.read_text(encoding="utf-8") != body:
            path.write_text(body, encoding="utf-8")
        texts.append(("1,000,000 characters (articles repeated)", path, 600))
    print(f"scrolling, one wheel notch at a time to the end, then {JUMPS} random jumps; "
          f"each step = scroll + event loop + full repaint (load avg {load_average()}):")
    # label: the longest step over the built-in articles, each (ms, article): wall, CPU
    # of a wheel notch, CPU of a jump.
    worst: dict[str, list[tuple[float, str]]] = {}
    for name, path, notches in texts:
        start = time.perf_counter()
        open_in_window(window, path)
        opened = time.perf_counter() - start
        print(f"  {name} (opened in {opened:.1f} s)")
        for label, mode in MODES.items():
            steps, count, words = scroll_stalls(window, app, path, mode, notches)
            wall = [w for w, _ in steps]
            cpu = [c for _, c in steps]
            notch_cpu, jump_cpu = max(cpu[:count]), max(cpu[count:])
            if notches is None:
                before = worst.setdefault(label, [(0.0, "")] * 3)
                now = (1000 * max(wall), 1000 * notch_cpu, 1000 * jump_cpu)
                worst[label] = [max(old, (ms, name)) for old, ms in zip(before, now, strict=True)]
            print(f"    {label:32s} {len(steps):4d} steps: median {1000 * median(wall):5.1f} ms"
                  f" (CPU {1000 * median(cpu):4.1f}), "
                  f"p99 {1000 * percentile(wall, 0.99):5.1f} "
                  f"(CPU {1000 * percentile(cpu, 0.99):4.1f}), longest {1000 * max(wall):5.1f} "
                  f"(CPU {1000 * max(cpu):4.1f}; wheel notch {1000 * notch_cpu:4.1f}, jump "
                  f"{1000 * jump_cpu:4.1f}); {words} words with pinyin on screen")
    print(f"  the five built-in articles, worst of each (load avg {load_average()}):")
    for label, (wall, notch_cpu, jump_cpu) in worst.items():
        print(f"    {label:32s} longest step {wall[0]:5.1f} ms wall ({wall[1]}); CPU: "
              f"wheel notch {notch_cpu[0]:4.1f} ms ({notch_cpu[1]}), jump {jump_cpu[0]:4.1f} ms "
              f"({jump_cpu[1]}); goal <= 50 ms")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--million", action="store_true", help="also a 1M-character text")
    parser.add_argument("--skip-show", action="store_true", help="only the scrolling part")
    args = parser.parse_args()
    if not args.skip_show:
        time_to_show(args.runs)
    scrolling(args.million)


if __name__ == "__main__":
    main()
