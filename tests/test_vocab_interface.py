"""One suite, two vocabularies: the SQLite store and the window's memory stand-in agree.

The window falls back to `MemoryVocab` when the file cannot be written; a learner must not
notice the difference while saving, finding, marking and removing words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.types import VocabItem
from app.core.user.vocab import MemoryVocab, VocabStore, Vocabulary
from tests.conftest import article_sentence

YANG = article_sentence("xai-greg-yang-steps-back.txt", "杨格是知名的数学家")
TAY = article_sentence("yi-tay-returns-to-google.txt", "我將回到谷歌")


@pytest.fixture(params=["sqlite", "memory"])
def vocab(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Vocabulary]:
    opened: Vocabulary
    if request.param == "sqlite":
        opened = VocabStore(tmp_path / "vocabulary.sqlite3")
    else:
        opened = MemoryVocab()
    yield opened
    opened.close()


def test_both_declare_the_interface(vocab: Vocabulary) -> None:
    for name in ("save", "get", "items", "remove", "set_status", "set_note", "known_words",
                 "close", "__len__"):
        assert callable(getattr(vocab, name))
    assert vocab.notice is None  # nothing to tell about a fresh vocabulary


def test_save_then_get_by_either_script(vocab: Vocabulary) -> None:
    saved = vocab.save(VocabItem("从事", "從事", "cóng shì", "to engage in", sentence=TAY))
    assert saved.added > 0
    assert vocab.get("從事") == vocab.get("从事") == saved
    assert vocab.get(" 从事 ") == saved  # typed with spaces
    assert vocab.get("事") is None
    assert len(vocab) == 1


def test_save_fills_in_the_traditional_form_and_strips_the_word(vocab: Vocabulary) -> None:
    saved = vocab.save(VocabItem(" 数学家 ", "", "", ""))
    assert (saved.simplified, saved.traditional) == ("数学家", "數學家")
    assert vocab.get("數學家") == saved


def test_saving_again_merges_instead_of_replacing(vocab: Vocabulary) -> None:
    first = vocab.save(VocabItem("研究", "研究", "yán jiū", "research", sentence=YANG,
                                 article="杨格", added=1000.0))
    vocab.set_status("研究", "known")
    again = vocab.save(VocabItem("研究", "", "", "", sentence=TAY, article="Yi Tay"))
    assert again.added == first.added == 1000.0
    assert (again.gloss, again.pinyin) == ("research", "yán jiū")  # empty fields keep
    assert (again.sentence, again.article) == (TAY, "Yi Tay")  # a new sentence, its article
    assert again.status == "known"  # "learning" by default never demotes
    assert vocab.get("研究") == again
    assert len(vocab) == 1


def test_items_are_newest_first(vocab: Vocabulary) -> None:
    for n, text in enumerate(["数学家", "研究员", "知名"]):
        vocab.save(VocabItem(text, text, "", "", added=1000.0 + n))
    assert [item.simplified for item in vocab.items()] == ["知名", "研究员", "数学家"]


def test_set_status_and_known_words_in_both_scripts(vocab: Vocabulary) -> None:
    vocab.save(VocabItem("从事", "從事", "", ""))
    assert vocab.set_status("從事", "known") is True
    assert vocab.known_words() == {"从事", "從事"}
    assert vocab.set_status("从事", "learning") is True
    assert vocab.known_words() == set()
    assert vocab.set_status("没有", "known") is False
    with pytest.raises(ValueError):
        vocab.set_status("从事", "forgotten")  # type: ignore[arg-type]


def test_notes_and_removal(vocab: Vocabulary) -> None:
    vocab.save(VocabItem("从事", "從事", "", ""))
    assert vocab.set_note("從事", "from the Yi Tay story") is True
    assert vocab.get("从事").note == "from the Yi Tay story"  # type: ignore[union-attr]
    assert vocab.remove("從事") is True
    assert vocab.get("从事") is None
    assert vocab.remove("从事") is False
    assert vocab.set_note("从事", "gone") is False
    assert vocab.items() == [] and len(vocab) == 0


@pytest.mark.parametrize("bad", [VocabItem("  ", "", "", ""),
                                 VocabItem("词", "", "", "", status="forgotten")])  # type: ignore[arg-type]
def test_both_refuse_the_same_items(vocab: Vocabulary, bad: VocabItem) -> None:
    with pytest.raises(ValueError):
        vocab.save(bad)
    assert vocab.items() == []


def test_a_memory_vocabulary_says_why_it_stands_in() -> None:
    stand_in = MemoryVocab([VocabItem("银行", "銀行", "yín háng", "bank", added=5.0)],
                           notice="read-only folder")
    assert stand_in.notice == "read-only folder"
    assert stand_in.get("銀行") is not None
