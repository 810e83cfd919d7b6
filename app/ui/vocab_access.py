"""The vocabulary store as the window uses it, plus a memory stand-in.

The stand-in exists so the window still opens when the store cannot be (written by a
newer zhreader, or its folder is unwritable): the file is left untouched, and the
window says in its status bar that saved words last only until it quits.
"""

from __future__ import annotations

import time
from dataclasses import replace

from app.core.errors import UserError
from app.core.types import VocabItem
from app.core.user.vocab import VocabStore, known_share_of_counts


class MemoryVocab:
    """Same surface as app.core.user.vocab.VocabStore, kept in memory."""

    def __init__(self, reason: str) -> None:
        self._items: dict[str, VocabItem] = {}
        self.notice = f"{reason} — saved words last until you quit"

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


def open_vocab_store() -> VocabStore | MemoryVocab:
    try:
        return VocabStore()
    except UserError as exc:
        return MemoryVocab(str(exc))


def known_share(word_counts: dict[str, int], known: set[str]) -> float:
    """Share of known words from a ViewIndex's per-word counts."""
    return known_share_of_counts(word_counts, known)
