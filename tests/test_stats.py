"""% known, new words and HSK profile: what a learner reads about an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.analysis.stats import (
    article_word_counts,
    countable_word_counts,
    reading_stats,
)
from app.core.types import Token, WordState
from app.core.user.vocab import VocabStore
from tests.conftest import ARTICLES, TAY, YANG

KNOWN = WordState("known")


def tokens_of(sentence: str, words: list[str]) -> list[Token]:
    """Tokens for a hand-segmented sentence (the segmenter is another module's job)."""
    assert "".join(words) == sentence
    tokens, at = [], 0
    for text in words:
        tokens.append(Token(at, at + len(text), text, ()))
        at += len(text)
    return tokens


def stats_of(tokens, states, names=()):
    counts = countable_word_counts(tokens, names)
    return reading_stats(counts.items(), states, default_analyzer().hsk.profile_counts(counts))


def test_known_share_counts_chinese_words_but_not_names_or_numbers():
    # 杨格是知名的数学家和AI研究员。 -> 杨格 is a person: left out, as are "AI" and "。".
    segmented = ["杨格", "是", "知名", "的", "数学家", "和", "AI", "研究员", "。"]
    tokens = tokens_of(YANG, segmented)
    states = {w: KNOWN for w in ("是", "的", "和", "杨格")}
    # Counted: 是 知名 的 数学家 和 研究员 = 6 words; known: 是 的 和 = 3.
    assert stats_of(tokens, states, [(0, 2)]).known_share == pytest.approx(3 / 6)
    # Without the name's span the name counts as a known word: 4 of 7.
    assert stats_of(tokens, states).known_share == pytest.approx(4 / 7)
    numbers = tokens_of("三十个第一名", ["三十", "个", "第一", "名"])
    assert countable_word_counts(numbers, []) == {"个": 1, "名": 1}


def test_known_share_in_a_traditional_article_uses_both_scripts(tmp_path: Path):
    segmented = ["我", "將", "回到", "谷歌", " ", "DeepMind", " ", "從事", "人工智能", "研究", "。"]
    tokens = tokens_of(TAY, segmented)
    with VocabStore(tmp_path / "v.sqlite3") as store:
        store.set_state("从事", "known")  # marked in a simplified article
        states = store.states()
    # Name: 谷歌 (offsets 4-6). Counted: 我 將 回到 從事 人工智能 研究 = 6; known: 從事.
    assert stats_of(tokens, states, [(4, 6)]).known_share == pytest.approx(1 / 6)


def test_tokens_and_distinct_words_new_learning_and_ignored():
    tokens = tokens_of("研究研究我们的研究。", ["研究", "研究", "我们", "的", "研究", "。"])
    states = {"研究": KNOWN, "我们": WordState("learning", 2), "的": WordState("ignored")}
    stats = stats_of(tokens, states)
    # 的 is ignored: not counted at all. 4 tokens (研究 ×3, 我们), 2 distinct words.
    assert (stats.words, stats.distinct_words) == (4, 2)
    assert stats.known_share == pytest.approx(3 / 4)  # learning is not known yet
    assert stats.known_distinct_share == pytest.approx(1 / 2)
    assert stats.new_words == 0
    assert stats_of(tokens, {}).new_words == 3
    assert stats_of(tokens_of("AI。", ["AI", "。"]), {"AI": KNOWN}).known_share == 0.0


def test_the_hsk_profile_covers_every_counted_token():
    tokens = tokens_of("我们研究银行。", ["我们", "研究", "银行", "。"])
    profile = stats_of(tokens, {}).hsk_profile
    assert profile.total == 3
    levels = default_analyzer().hsk
    assert profile.counts[levels.level("我们").v3] >= 1


def test_the_library_counts_the_same_words_as_the_window():
    """The light analysis (no pinyin, no glosses) agrees with the full one, word for word."""
    from app.core.text.articles import load_article

    article = load_article(ARTICLES / "meta-alexandr-wang-lecun-review.txt")
    analysis = default_analyzer().analyze(article, use_cache=False)
    names = [span for entity in analysis.entities for span in entity.spans]
    counted = article_word_counts(default_analyzer(), article)
    assert counted == countable_word_counts(analysis.tokens, names)
