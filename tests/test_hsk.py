"""HSK levels: what the popup, the vocabulary and the library show a learner."""

from __future__ import annotations

from app.core.analysis.analyzer import default_analyzer
from app.core.language.hsk import HskLevels, band_label, parse_levels
from app.core.types import WordLevel


def test_a_beginner_word_has_both_levels_and_a_rank() -> None:
    level = default_analyzer().hsk.level("爱好")
    assert level is not None
    assert (level.v3, level.v2) == (1, 3)
    assert level.frequency_rank is not None and level.frequency_rank > 0


def test_traditional_form_finds_the_same_level() -> None:
    levels = default_analyzer().hsk
    assert levels.level("愛好") == levels.level("爱好")
    assert levels.level("銀行") == levels.level("银行")


def test_names_and_rare_words_have_no_level() -> None:
    assert default_analyzer().hsk.level("祖克柏") is None


def test_knowing_more_bands_knows_more_words() -> None:
    levels = default_analyzer().hsk
    band1, band3 = levels.words_up_to(1), levels.words_up_to(3)
    assert "爱好" in band1
    assert band1 < band3
    bands = {word: levels.level(word) for word in band3}
    assert all(level is not None and (level.v3 or 99) <= 3 for level in bands.values())


def test_profile_counts_tokens_per_band() -> None:
    rows = [("好", (), WordLevel(1, 1, 10)), ("难题", ("難題",), WordLevel(7, None, 9000))]
    levels = HskLevels(rows)
    profile = levels.profile(["好", "好", "難題", "祖克柏"])
    assert profile.total == 4
    assert profile.share(1) == 0.5
    assert profile.beyond_hsk6 == 0.5  # the 7-9 band word and the unlisted name
    assert profile.to_json()["7–9"] == 0.25


def test_parser_skips_comments_and_broken_lines() -> None:
    rows = list(parse_levels(["# header", "", "好\t\t1\t1\t10", "broken line", "差\t\t2\t\t"]))
    assert [r[0] for r in rows] == ["好", "差"]
    assert rows[1][2] == WordLevel(2, None, None)
    assert band_label(7) == "7–9" and band_label(3) == "3"


def test_an_article_profile_leaves_numbers_out() -> None:
    levels = default_analyzer().hsk
    with_numbers = levels.profile_counts({"爱好": 3, "三千": 5, "2024": 2})
    assert with_numbers.total == 3
    assert with_numbers.share(1) == 1.0
    assert with_numbers.beyond_hsk6 == 0.0


def test_profile_from_counts_matches_profile_from_tokens() -> None:
    levels = default_analyzer().hsk
    words = ["爱好", "爱好", "研究", "祖克柏", "人工智能"]
    counts = {"爱好": 2, "研究": 1, "祖克柏": 1, "人工智能": 1}
    assert levels.profile(words) == levels.profile_counts(counts)
    assert levels.profile(words).beyond_hsk6 == 2 / 5  # a name-like word and a 7–9 word
