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


def test_closing_stops_a_long_text_being_read_between_its_pieces(qtbot, tmp_path,
                                                                  monkeypatch) -> None:
    """The library's reading of a long text stops at its next piece when the window closes,
    instead of keeping the process alive until the whole text is read."""
    import app.core.analysis.pipeline as pipeline

    analyzer = default_analyzer()
    long_text = tmp_path / "long.txt"
    long_text.write_text("新的长文\n" + "".join(f"第{day}天，我们去公园散步，看到了{day}只鸟。\n"
                                              for day in range(1, 301)), encoding="utf-8")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 500)  # many pieces
    pieces: list[int] = []
    closing = threading.Event()
    real = analyzer.segment_tagged

    def segment_tagged(text):
        pieces.append(len(text))
        if len(pieces) == 2:  # the window closes while the text is being read
            closing.set()
            assert worker.wait(0) is False  # (still running)
        return real(text)

    monkeypatch.setattr(analyzer, "segment_tagged", segment_tagged)
    worker = LibraryWorker(LibraryStore(tmp_path / "library.sqlite3"), analyzer,
                           tmp_path / "index.sqlite3")
    problems: list[str] = []
    worker.problems.connect(problems.append)
    worker.import_paths([str(long_text)], {})
    assert closing.wait(60)
    worker.shutdown(msecs=30_000)
    assert worker.wait(30_000)
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
    assert 2 <= len(pieces) < 8  # stopped within a piece or two of the close, of 15
    assert problems == []


class _RecordedGate:
    """The reader's idle flag, recording when the library waits on it."""

    def __init__(self, log: list[str]) -> None:
        self.log = log
        self.idle = True

    def set(self) -> None:
        self.idle = True

    def clear(self) -> None:
        self.idle = False

    def is_set(self) -> bool:
        return self.idle

    def wait(self, timeout: float | None = None) -> bool:
        if not self.idle:
            self.log.append("waited for the reader")
            self.idle = True  # the reader's analysis ends
            return False
        return True


def test_a_long_text_being_read_gives_way_to_the_readers_article(qtbot, tmp_path,
                                                                 monkeypatch) -> None:
    """The reader opens an article while the library reads a long text: the library waits
    at its next piece until the article is analysed, then goes on with the same text."""
    import app.core.analysis.pipeline as pipeline

    analyzer = default_analyzer()
    long_text = tmp_path / "long.txt"
    long_text.write_text("新的长文\n" + "".join(f"第{day}天，我们去公园散步，看到了{day}只鸟。\n"
                                              for day in range(1, 301)), encoding="utf-8")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 500)
    log: list[str] = []
    gate = _RecordedGate(log)
    real = analyzer.segment_tagged

    def segment_tagged(text):
        log.append("piece")
        if log.count("piece") == 2:
            gate.clear()  # the reader opened an article
        return real(text)

    monkeypatch.setattr(analyzer, "segment_tagged", segment_tagged)
    worker = LibraryWorker(LibraryStore(tmp_path / "library.sqlite3"), analyzer,
                           tmp_path / "index.sqlite3", reader_idle=gate)
    added: list = []
    worker.entries_added.connect(added.extend)
    worker.import_paths([str(long_text)], {})
    assert worker.wait(60_000)
    qtbot.waitUntil(lambda: len(added) == 1, timeout=10_000)  # read to its end all the same
    assert log[:4] == ["piece", "piece", "waited for the reader", "piece"]
    assert log.count("piece") == 15
