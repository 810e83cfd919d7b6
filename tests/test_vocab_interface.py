"""One suite, two vocabularies: the SQLite store and the window's memory stand-in agree.

The window falls back to `MemoryVocab` when the file cannot be written; a learner must not
notice the difference while saving, finding, marking and removing words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.types import VocabItem, WordState
from app.core.user.vocab import MemoryVocab, VocabStore, Vocabulary
from tests.conftest import NOT_A_STATUS, article_sentence

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
                 "close", "__len__", "set_state", "set_states", "restore", "snapshot", "states"):
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
        vocab.set_status("从事", NOT_A_STATUS)


def test_notes_and_removal(vocab: Vocabulary) -> None:
    vocab.save(VocabItem("从事", "從事", "", ""))
    assert vocab.set_note("從事", "from the Yi Tay story") is True
    noted = vocab.get("从事")
    assert noted is not None and noted.note == "from the Yi Tay story"
    assert vocab.remove("從事") is True
    assert vocab.get("从事") is None
    assert vocab.remove("从事") is False
    assert vocab.set_note("从事", "gone") is False
    assert vocab.items() == [] and len(vocab) == 0


@pytest.mark.parametrize("bad", [VocabItem("  ", "", "", ""),
                                 VocabItem("词", "", "", "", status=NOT_A_STATUS)])
def test_both_refuse_the_same_items(vocab: Vocabulary, bad: VocabItem) -> None:
    with pytest.raises(ValueError):
        vocab.save(bad)
    assert vocab.items() == []


def test_a_memory_vocabulary_says_why_it_stands_in() -> None:
    stand_in = MemoryVocab([VocabItem("银行", "銀行", "yín háng", "bank", added=5.0)],
                           notice="read-only folder")
    assert stand_in.notice == "read-only folder"
    assert stand_in.get("銀行") is not None


# -- word states (unknown, learning 1-4, known, ignored) -----------------------------------


def _word(simplified: str, traditional: str = "", *, sentence: str = "", note: str = ""
          ) -> VocabItem:
    return VocabItem(simplified, traditional or simplified, "", "", sentence=sentence, note=note)


def test_a_word_marked_known_or_ignored_is_not_listed(vocab: Vocabulary) -> None:
    vocab.set_state("研究", "known")
    vocab.set_state("從事", "ignored")
    assert vocab.items() == [] and len(vocab) == 0
    assert vocab.known_words() == {"研究"}
    states = vocab.states()
    assert states["研究"] == WordState("known")
    # A traditional word is keyed by its simplified form and found by either.
    assert states["从事"] == states["從事"] == WordState("ignored")
    ignored = vocab.get("從事")
    assert ignored is not None and ignored.saved is False


def test_learning_levels_are_kept_through_known_and_back(vocab: Vocabulary):
    vocab.save(_word("数学家", "數學家", sentence=YANG))
    vocab.set_state("数学家", "learning", 3)
    assert vocab.states()["數學家"] == WordState("learning", 3)
    vocab.set_state("数学家", "known")
    vocab.set_state("数学家", "learning")  # no level given: the old one comes back
    item = vocab.get("数学家")
    assert (item.status, item.level, item.saved, item.sentence) == ("learning", 3, True, YANG)
    with pytest.raises(ValueError):
        vocab.set_state("数学家", "learning", 5)


def test_saving_a_marked_word_lists_it_and_keeps_what_it_knew(vocab: Vocabulary):
    vocab.set_state("知名", "known")
    vocab.set_state("研究员", "ignored")
    vocab.set_state("数学家", "learning", 2)
    vocab.save(_word("知名", sentence=YANG))
    vocab.save(_word("研究员", sentence=YANG))  # saving an ignored word means learning it
    vocab.save(_word("数学家", sentence=YANG))
    saved = {item.simplified: item for item in vocab.items()}
    assert set(saved) == {"知名", "研究员", "数学家"}
    assert saved["知名"].status == "known"
    assert saved["研究员"].status == "learning"
    assert (saved["数学家"].status, saved["数学家"].level) == ("learning", 2)


def test_marking_the_rest_known_leaves_words_with_a_state_alone_and_undoes(vocab: Vocabulary):
    vocab.save(_word("数学家", "數學家", sentence=YANG))
    vocab.set_state("研究员", "ignored")
    page = ["杨格", "是", "知名", "的", "数学家", "和", "研究员", "是"]
    before = vocab.set_states(page, "known")
    assert before == {"杨格": None, "是": None, "知名": None, "的": None, "和": None}
    states = vocab.states()
    # Known under both scripts: 杨格 is also found as 楊格 in a traditional article.
    assert {w for w, s in states.items() if s.status == "known"} == {*before, "楊格"}
    assert states["数学家"].status == "learning" and states["研究员"].status == "ignored"
    assert [item.simplified for item in vocab.items()] == ["数学家"]  # the list is unchanged

    vocab.restore(before)  # undo
    assert set(vocab.states()) == {"数学家", "數學家", "研究员", "研究員"}
    assert vocab.get("数学家").sentence == YANG


def test_setting_many_states_can_overwrite_and_undo_exactly(vocab: Vocabulary):
    vocab.save(_word("数学家", "數學家", sentence=YANG, note="杨格"))
    vocab.set_state("数学家", "learning", 4)
    before = vocab.set_states(["数学家", "從事"], "known", only_unknown=False)
    assert set(before) == {"数学家", "从事"} and before["从事"] is None
    assert vocab.known_words() == {"数学家", "數學家", "从事", "從事"}
    vocab.restore(before)
    again = vocab.get("数学家")
    assert (again.status, again.level, again.note, again.saved) == ("learning", 4, "杨格", True)
    assert vocab.get("从事") is None


def test_memory_vocab_can_be_read_while_a_background_job_writes() -> None:
    """The window reads word states while a file job (an import, "I know HSK 1–N") writes
    from a worker thread; the stand-in vocabulary must not fail mid-read the way a plain
    dict does when it grows during iteration."""
    import sys
    import threading

    vocab = MemoryVocab()
    words = [f"词{n}" for n in range(5_000)]
    errors: list[BaseException] = []

    def write() -> None:
        try:
            vocab.set_states(words, "known")
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        writer = threading.Thread(target=write)
        writer.start()
        while writer.is_alive():
            vocab.states()
            vocab.known_words()
        writer.join()
        vocab.states()
    except RuntimeError as exc:
        errors.append(exc)
    finally:
        sys.setswitchinterval(old)
    assert not errors
    assert set(words) <= vocab.known_words()
