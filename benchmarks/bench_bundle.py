"""The self-contained bundle: its size, and how soon its window appears.

Builds the bundle if needed (scripts/build-bundle.sh), then prints its size unpacked and as
.tar.gz, and the time from starting the program to its main window being mapped on a
virtual X display (Xvfb; xdotool polled every 20 ms), in fresh processes, runs alternated:

- bundle, first start: empty cache, data and config dirs (a new user);
- bundle, again: the caches of an earlier start;
- the pip-installed `zhreader` in .venv, first start, for comparison;
- floor: a bare PySide6 QMainWindow started by the same Python.

    python benchmarks/bench_bundle.py [--runs 5]

Goals (issue 17): bundle <= 250 MB unpacked, first window <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, median

sys.path.insert(0, str(REPO))
from tests.xdisplay import seconds_until_window, virtual_display

TIMEOUT_S = 60
TITLE = "^(.+ — )?zhreader$"
FLOOR = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("zhreader")
window.resize(1280, 800)
window.show()
app.exec()
"""


def tree_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())


def first_window(cmd: list[str], display: str, home: Path) -> float | None:
    """Seconds from start to the mapped main window; the process is then ended."""
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "DISPLAY": display,
        "XDG_CONFIG_HOME": str(home / "config"), "ZHREADER_CACHE_DIR": str(home / "cache"),
        "ZHREADER_DATA_DIR": str(home / "data"),
    }
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=home, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        return seconds_until_window(process, display, TITLE, started, TIMEOUT_S)
    finally:
        process.terminate()
        process.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    built = subprocess.run(["bash", "scripts/build-bundle.sh"], cwd=REPO, check=True,
                           capture_output=True, text=True)
    archive = REPO / built.stdout.strip().splitlines()[-1]
    folder = REPO / "dist" / "zhreader"
    unpacked, packed = tree_bytes(folder), archive.stat().st_size
    print(f"bundle {archive.name}: unpacked {unpacked / 1e6:.1f} MB "
          f"({unpacked / 2**20:.1f} MiB; goal <= 250 MB), .tar.gz {packed / 1e6:.1f} MB "
          f"({packed / 2**20:.1f} MiB)")

    kinds = {
        "bundle, first start (empty caches)": ([str(folder / "zhreader")], False),
        "bundle, again (caches warm)": ([str(folder / "zhreader")], True),
        "pip-installed .venv/bin/zhreader, first start": ([str(REPO / ".venv/bin/zhreader")],
                                                          False),
        "floor: bare PySide6 QMainWindow": ([str(REPO / ".venv/bin/python"), "-c", FLOOR],
                                            False),
    }
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    failed: dict[str, int] = dict.fromkeys(kinds, 0)
    with virtual_display() as display, tempfile.TemporaryDirectory() as scratch:
        warm_home = Path(scratch) / "warm"
        warm_home.mkdir()
        first_window([str(folder / "zhreader")], display, warm_home)  # fills the warm caches
        for _ in range(args.runs):
            for kind, (cmd, warm) in kinds.items():
                home = warm_home if warm else Path(tempfile.mkdtemp(dir=scratch))
                seconds = first_window(cmd, display, home)
                if seconds is None:
                    failed[kind] += 1
                else:
                    times[kind].append(seconds)
    print(f"time to first window (median of {args.runs}, min-max; goal <= 3 s):")
    for kind, values in times.items():
        note = f", {failed[kind]} runs without a window" if failed[kind] else ""
        if values:
            print(f"  {kind}: {median(values):.2f} s ({min(values):.2f}-{max(values):.2f}){note}")
        else:
            print(f"  {kind}: no window{note}")
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    return 0 if not any(failed.values()) else 1


if __name__ == "__main__":
    os.chdir(REPO)
    sys.exit(main())
