"""How much of an article a learner can read: % known, new words, HSK profile.

One rule for the status bar, the library and `zhreader stats`: the words counted are the
article's Chinese word tokens, leaving out names (entity mentions), numbers (二〇二四,
三十, 第一) and words the learner chose to ignore. "Known" is the known status only;
learning words are not known yet. A new word is a counted word with no state at all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.analysis.analyzer import StopCheck, never_stop
from app.core.language.hsk import LevelProfile, is_number_word
from app.core.text.chars import HAN_RE
from app.core.types import Article, Token, WordState

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer


@dataclass(frozen=True, slots=True)
class ArticleStats:
    """What the library's columns and the status bar say about one article."""

    words: int  # counted word tokens
    distinct_words: int
    known_share: float  # of word tokens, 0.0 to 1.0
    known_distinct_share: float  # of distinct words
    new_words: int  # distinct words with no state (never marked)
    hsk_profile: LevelProfile

    def to_json(self) -> dict:
        return {
            "known_share": round(self.known_share, 4),
            "known_distinct_share": round(self.known_distinct_share, 4),
            "new_words": self.new_words,
            "hsk_profile": self.hsk_profile.to_json(),
        }


def countable_word_counts(
    tokens: Iterable[Token], entity_spans: Iterable[tuple[int, int]]
) -> dict[str, int]:
    """Occurrences of each word the statistics count: the one pass over every token.

    Kept apart so a window can count a long article once, off its GUI thread, and
    re-measure after each vocabulary change over distinct words only.
    """
    return counts_of_spans(((t.start, t.end, t.text) for t in tokens), entity_spans)


def counts_of_spans(
    words: Iterable[tuple[int, int, str]], entity_spans: Iterable[tuple[int, int]]
) -> dict[str, int]:
    """`countable_word_counts` over (start, end, text) triples."""
    spans = sorted(entity_spans)
    starts = [start for start, _ in spans]
    # Running maximum of span ends, so one bisect answers "does any span overlap?".
    max_ends: list[int] = []
    for _, end in spans:
        max_ends.append(max(end, max_ends[-1]) if max_ends else end)

    counts: dict[str, int] = {}
    countable: dict[str, bool] = {}  # one regex search per distinct word, not per token
    for start, end, text in words:
        counted = countable.get(text)
        if counted is None:
            counted = countable[text] = (HAN_RE.search(text) is not None
                                         and not is_number_word(text))
        if not counted:
            continue
        if spans:
            i = bisect_right(starts, end - 1)  # spans starting before this word ends
            if i > 0 and max_ends[i - 1] > start:
                continue
        counts[text] = counts.get(text, 0) + 1
    return counts


def reading_stats(
    counts: Iterable[tuple[str, int]], states: Mapping[str, WordState], profile: LevelProfile
) -> ArticleStats:
    """The statistics of a text's (word, occurrences) against the learner's word states.

    Cheap: one visit per distinct word, so the window and the library re-measure after
    every change of states without reading the text again.
    """
    words = distinct = known = known_distinct = new = 0
    get = states.get
    for word, n in counts:
        state = get(word)
        if state is None:
            new += 1
        elif state.status == "ignored":
            continue
        elif state.status == "known":
            known += n
            known_distinct += 1
        words += n
        distinct += 1
    return ArticleStats(
        words=words,
        distinct_words=distinct,
        known_share=known / words if words else 0.0,
        known_distinct_share=known_distinct / distinct if distinct else 0.0,
        new_words=new,
        hsk_profile=profile,
    )


def article_stats(
    analyzer: Analyzer, article: Article, states: Mapping[str, WordState]
) -> ArticleStats:
    """An article's statistics from scratch (`zhreader stats`)."""
    counts = article_word_counts(analyzer, article)
    return reading_stats(counts.items(), states, analyzer.hsk.profile_counts(counts))


def article_word_counts(analyzer: Analyzer, article: Article,
                        stop: StopCheck = never_stop) -> dict[str, int]:
    """The counted words of an article without pinyin or glosses: a third of the analysis.

    Cut into the same pieces as the full analysis, so the window and the library agree.
    """
    words, names = analyzer.words_and_names(article.text, stop)
    return counts_of_spans(words, names)
