"""Exports, imports and marking thousands of words known, off the GUI thread: reading
pinyin for every sentence of a deck, speaking its audio or looking up a long word list takes
seconds, and storing an HSK band's words tens of milliseconds, not a frame."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import UserError

T = TypeVar("T")
# What a job hands back to the GUI thread: its `done` callback bound to its result.
_Delivery = Callable[[], None]


class _Signals(QObject):
    finished = Signal(str, object)  # job name, _Delivery
    failed = Signal(str, str)  # job name, message for the user


class _Job(QRunnable):
    def __init__(self, name: str, work: Callable[[], _Delivery], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._name = name
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            delivery = self._work()
        except (UserError, OSError) as exc:
            self._signals.failed.emit(self._name, str(exc))
        except Exception as exc:  # the window must keep running
            traceback.print_exc()
            self._signals.failed.emit(self._name, f"unexpected {type(exc).__name__}: {exc}")
        else:
            self._signals.finished.emit(self._name, delivery)


class FileJobs(QObject):
    """One file job at a time on its own thread; its result goes to its `done` callback on
    the GUI thread, a failure comes back by signal."""

    failed = Signal(str, str)  # job name, message
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._running: str | None = None
        self._shut = False

    @property
    def busy(self) -> bool:
        return self._running is not None

    def run(self, name: str, work: Callable[[], T], done: Callable[[T], None]) -> bool:
        """Start `work`, then `done(result)` on the GUI thread; False (nothing started) while
        another job runs."""
        if self._running is not None or self._shut:
            return False

        def job() -> _Delivery:
            result = work()
            return lambda: done(result)

        self._running = name
        self.busy_changed.emit(True)
        self._pool.start(_Job(name, job, self._signals))
        return True

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def shut_down(self) -> None:
        """Let the running job finish (a write to the vocabulary is never cut short, so the
        store may be closed after this), start no other, and drop what it hands back: the
        window it was for is closing."""
        self._shut = True
        self._pool.waitForDone()

    def _done(self) -> None:
        self._running = None
        self.busy_changed.emit(False)

    def _on_finished(self, _name: str, deliver: _Delivery) -> None:
        self._done()
        if not self._shut:
            deliver()

    def _on_failed(self, name: str, message: str) -> None:
        self._done()
        if not self._shut:
            self.failed.emit(name, message)
