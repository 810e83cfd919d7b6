"""Process-wide objects (dictionary, segmenter, pinyin reader) made once, on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ProcessWide(Generic[T]):
    """Calling it returns the one instance, built by whichever thread asks first.

    The GUI's worker and GUI threads both ask; the double-checked lock keeps the expensive
    build to one, and `instance` is a plain attribute tests can reset.
    """

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self.instance: T | None = None

    def __call__(self) -> T:
        if self.instance is None:
            with self._lock:
                if self.instance is None:
                    self.instance = self._factory()
        return self.instance
