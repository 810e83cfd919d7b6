"""Closing the window while the library reads a long text in the background."""

from __future__ import annotations

import threading

from app.core.analysis.analyzer import default_analyzer
from app.core.user.library import LibraryStore
from app.ui.library_worker import LibraryWorker


def test_closing_during_a_long_read_leaves_the_job_its_connections(qtbot, tmp_path) -> None:
    """A job still reading when the window gives up waiting finishes without a "closed
    database" error, and the connections are closed as it ends."""
    worker = LibraryWorker(LibraryStore(tmp_path / "library.sqlite3"), default_analyzer(),
                           tmp_path / "index.sqlite3")
    problems: list[str] = []
    worker.problems.connect(problems.append)
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def long_read(job) -> None:
        job.shared.opened()
        started.set()
        release.wait(30)  # the window closes meanwhile
        index, _texts = job.shared.opened()
        index.load()
        finished.set()

    worker._start(long_read)
    assert started.wait(30)
    worker.shutdown(msecs=0)  # gave up waiting: the job is still running
    release.set()
    assert worker.wait(30_000)
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)  # its signals delivered
    assert finished.is_set()
    assert problems == []
    assert worker._shared.index is None  # closed by the job as it ended
