"""The vocabulary as the window uses it: the store, or a memory stand-in it falls back to.

The stand-in (`app.core.user.vocab.MemoryVocab`) exists so the window still opens when the
store cannot be written (a newer zhreader's file, a read-only or full folder, a file or
folder in the way): the file is left untouched, the words that could be read are shown,
and the status bar says that words saved now last only until the window quits.
"""

from __future__ import annotations

from app.core.user.vocab import Vocabulary, open_vocabulary


def open_vocab_store() -> Vocabulary:
    return open_vocabulary()
