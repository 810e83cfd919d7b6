"""A private X server (Xvfb) and a way to see a program's window appear on it.

The offscreen platform cannot show that a bundle's X11 plugin and libraries load; a virtual
display can. Used by tests/test_bundle.py and benchmarks/bench_bundle.py (xvfb and xdotool
come from scripts/install.sh).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 30


@contextmanager
def virtual_display(size: str = "1280x1024x24") -> Iterator[str]:
    """Start Xvfb on a free display number (it picks one with -displayfd); yield ":N"."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("Xvfb is missing: run scripts/install.sh (Debian package xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp",
         "-noreset"],  # no reset when the last client leaves: the next would fail to connect
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], START_TIMEOUT_S)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


def visible_window(display: str, title_regex: str) -> bool:
    """Is a window whose title matches `title_regex` mapped on `display` now?"""
    xdotool = shutil.which("xdotool")
    if xdotool is None:
        raise RuntimeError("xdotool is missing: run scripts/install.sh (Debian package xdotool)")
    found = subprocess.run(
        [xdotool, "search", "--onlyvisible", "--name", title_regex],
        env={"DISPLAY": display, "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True, check=False, timeout=10,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def seconds_until_window(process: subprocess.Popen, display: str, title_regex: str,
                         started: float, timeout: float) -> float | None:
    """Poll (every 20 ms) until the window is mapped; None when the process ends first or
    `timeout` passes. `started` is the process's time.perf_counter() start."""
    while time.perf_counter() - started < timeout:
        if visible_window(display, title_regex):
            return time.perf_counter() - started
        if process.poll() is not None:
            return None
        time.sleep(0.02)
    return None
