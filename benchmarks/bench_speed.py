"""Speed issue: zhreader against its floors, in fresh processes, runs alternated.

Floors: a bare PySide6 QTextBrowser showing the largest article's text and grabbing a PNG;
a bare process that imports jieba and segments the same text. Measured: `zhreader analyze`
and `zhreader screenshot` of that article, caches warm (one untimed warm-up run each).

    python benchmarks/bench_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import tempfile

from _common import LARGEST_ARTICLE, PYTHON, median, run_fresh

BARE_QT = r"""
import sys
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv)
view = QTextBrowser()
view.resize(1280, 800)
view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
view.show()
app.processEvents()
view.grab().save(sys.argv[2])
"""

BARE_JIEBA = r"""
import sys
import jieba
jieba.setLogLevel(60)
text = open(sys.argv[1], encoding="utf-8").read()
words = jieba.lcut(text)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = os.path.join(tempfile.mkdtemp(), "shot.png")
    article = str(LARGEST_ARTICLE)
    commands = {
        "bare Qt window": [PYTHON, "-c", BARE_QT, article, out],
        "zhreader screenshot": [PYTHON, "-m", "app", "screenshot", out, "--article", article],
        "bare jieba": [PYTHON, "-c", BARE_JIEBA, article],
        "zhreader analyze": [PYTHON, "-m", "app", "analyze", article],
    }
    for cmd in commands.values():  # warm caches (dictionary index, jieba, analysis)
        run = run_fresh(cmd, env)
        if run.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():  # alternate so drift hits all equally
            run = run_fresh(cmd, env)
            times[name].append(run.seconds)
            peaks[name].append(run.peak_mib)
    print(f"article: {LARGEST_ARTICLE.name} ({len(LARGEST_ARTICLE.read_text()):,} chars), "
          f"{args.runs} alternating runs, medians")
    for name in commands:
        print(f"  {name:22s} {median(times[name]):6.3f} s   peak {max(peaks[name]):6.1f} MiB")
    shot = median(times["zhreader screenshot"]) / median(times["bare Qt window"])
    ana = median(times["zhreader analyze"]) / median(times["bare jieba"])
    print(f"  screenshot / bare Qt   {shot:.2f}x  (goal <= 2.5x)")
    print(f"  analyze / bare jieba   {ana:.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
