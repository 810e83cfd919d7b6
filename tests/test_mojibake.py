"""Re-aligning GBK runs decoded one byte out of step, in the built-in articles."""

from __future__ import annotations

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.text.cleaning import clean_text
from app.core.text.mojibake import repair_mojibake, repaired_spans


def is_word(word: str) -> bool:
    """CC-CEDICT's headword test, as the app hands it to the cleaner."""
    return default_analyzer().is_headword(word)


ALL_ARTICLES = (
    "sam-altman-reflections.txt",
    "yi-tay-returns-to-google.txt",
    "meta-alexandr-wang-lecun-review.txt",
    "openai-departures-after-sutskever.txt",
    "xai-greg-yang-steps-back.txt",
)


@pytest.fixture(params=("raw", "cleaned"))
def prepare(request):
    """The repair runs on raw text and on clean_text's output alike."""
    if request.param == "raw":
        return lambda text: text
    return lambda text: clean_text(text, words=is_word)


def test_misaligned_run_is_read_again_in_step(article_text, prepare):
    text = repair_mojibake(prepare(article_text("sam-altman-reflections.txt")), is_word)
    assert "撌鞘裁醋屓斯ぶ悄苎芯砍錆M" not in text
    assert "通過談論是什么讓人工智能研究充滿壓力" in text


def test_lost_lead_and_trail_bytes_come_back_when_words_confirm_them(article_text, prepare):
    text = repair_mojibake(prepare(article_text("sam-altman-reflections.txt")), is_word)
    assert "請提供經驗,看看我們" in text
    assert "峁┙" not in text


def test_run_ending_before_a_pinyin_reading_is_repaired(article_text, prepare):
    text = repair_mojibake(prepare(article_text("sam-altman-reflections.txt")), is_word)
    assert "悻F" not in text
    assert "現在正在遭受痛苦" in text or "現(xiàn)在正在遭受痛苦" in text


def test_lost_full_stop_is_restored(article_text, prepare):
    text = repair_mojibake(prepare(article_text("yi-tay-returns-to-google.txt")), is_word)
    assert "就提了離職。現在想來,如果" in text


@pytest.mark.parametrize("name", ALL_ARTICLES)
def test_text_outside_repaired_spans_is_unchanged(article_text, prepare, name):
    original = prepare(article_text(name))
    repaired = repair_mojibake(original, is_word)
    spans = repaired_spans(original, is_word)
    assert len(repaired) <= len(original)
    for start, end, replacement in spans:
        damaged = original[start:end]
        assert len(replacement) <= len(damaged)
        assert "?" in damaged or any(ord(ch) > 0x7F for ch in damaged)
        # The repair sits between the original text on both sides.
        assert original[max(0, start - 6) : start] + replacement + original[end : end + 6] in (
            repaired
        )
    repaired_lines = repaired.split("\n")
    original_lines = original.split("\n")
    assert len(repaired_lines) == len(original_lines)
    touched = {original.count("\n", 0, start) for start, _, _ in spans}
    for index, (before, after) in enumerate(zip(original_lines, repaired_lines, strict=True)):
        if index not in touched:
            assert before == after


@pytest.mark.parametrize(
    "name",
    [
        "meta-alexandr-wang-lecun-review.txt",
        "openai-departures-after-sutskever.txt",
        "xai-greg-yang-steps-back.txt",
    ],
)
def test_articles_without_this_damage_are_left_alone(article_text, prepare, name):
    original = prepare(article_text(name))
    assert repair_mojibake(original, is_word) == original


@pytest.mark.parametrize(
    "sentence",
    [
        "你吃飯了嗎?我還沒吃,等一下再說。",
        "他问:这是什么?为什么会这样?",
        "被蜱蟲叮咬後,他在醫院住了三天。",
        "魑魅魍魉、饕餮之徒,古文里常见。",
        "菲利克斯?希爾(Felix Hill)是一名研究科學家。",
        "OpenAI 的 GPT-4o 於 2024 年 5 月發佈?",
        "他說:「我們會再見的!」然後就走了。",
        "",
        "plain English text, no Chinese at all?",
    ],
)
def test_normal_sentences_of_both_scripts_are_untouched(sentence):
    assert repair_mojibake(sentence, is_word) == sentence


def test_only_the_damaged_spots_of_the_two_articles_change(article_text):
    for name, expected in (("sam-altman-reflections.txt", 3), ("yi-tay-returns-to-google.txt", 1)):
        raw = article_text(name)
        assert len(repaired_spans(raw, is_word)) == expected
        # Cleaning applies the repairs: nothing damaged is left for a second pass.
        assert repaired_spans(clean_text(raw, words=is_word), is_word) == []
