"""An object made once, on first use, by whichever thread asks first (the Analyzer's parts)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Calling it returns the one object, built by whichever thread asks first.

    The GUI's worker and GUI threads both ask; the double-checked lock keeps the expensive
    build to one. `built` answers without building (None until then).
    """

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._instance: T | None = None

    @classmethod
    def of(cls, instance: T) -> Lazy[T]:
        """One already built (a test's or a benchmark's own component)."""
        made: Lazy[T] = cls(lambda: instance)
        made._instance = instance
        return made

    @property
    def built(self) -> T | None:
        return self._instance

    def __call__(self) -> T:
        if self._instance is None:
            with self._lock:
                if self._instance is None:
                    self._instance = self._factory()
        return self._instance
