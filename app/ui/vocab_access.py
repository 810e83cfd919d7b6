"""The vocabulary store as the window uses it, plus a memory stand-in.

The stand-in exists only so the window still works (without persistence) if the
core store is missing or cannot be opened; the window says so in its status bar.
"""

from __future__ import annotations

import time
from dataclasses import replace

from app.core.types import VocabItem


class MemoryVocab:
    """Same surface as app.core.vocab.VocabStore, kept in memory."""

    notice: str | None = "The vocabulary store is unavailable; saved words last until you quit."

    def __init__(self) -> None:
        self._items: dict[str, VocabItem] = {}

    def save(self, item: VocabItem) -> VocabItem:
        stored = replace(item, added=item.added or time.time())
        self._items[item.simplified] = stored
        return stored

    def get(self, word: str) -> VocabItem | None:
        return self._items.get(word)

    def items(self) -> list[VocabItem]:
        return list(self._items.values())

    def remove(self, word: str) -> bool:
        return self._items.pop(word, None) is not None

    def set_status(self, word: str, status: str) -> None:
        if word in self._items:
            self._items[word] = replace(self._items[word], status=status)

    def known_words(self) -> set[str]:
        return {w for w, i in self._items.items() if i.status == "known"}

    def close(self) -> None:
        pass


def open_vocab_store():  # -> VocabStore, or MemoryVocab if it cannot open
    try:
        from app.core.vocab import VocabStore
    except ImportError:
        return MemoryVocab()
    return VocabStore()


def known_share(word_counts: dict[str, int], known: set[str]) -> float | None:
    """Share of known words from a ViewIndex's counts, when the core provides the measure."""
    try:
        from app.core.vocab import known_share_of_counts
    except ImportError:
        return None
    return known_share_of_counts(word_counts, known)
