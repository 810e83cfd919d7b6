"""Cleaning removes site debris from the built-in articles and keeps every real sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.analysis.analyzer import default_analyzer
from app.core.text.cleaning import clean_text
from app.core.text.mojibake import repair_mojibake


def is_word(word: str) -> bool:
    """CC-CEDICT's headword test, as the app hands it to the cleaner."""
    return default_analyzer().is_headword(word)


ARTICLES = Path(__file__).resolve().parents[1] / "resources" / "articles"
FILES = sorted(p.name for p in ARTICLES.glob("*.txt"))
# The annotation the portal pasted after characters, as a reader would describe it.
ANNOTATION = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔù][a-zü]*\)")
# Disclaimers that are boilerplate although they end in 。.
KNOWN_BOILERPLATE = ("版权申明:", "特別聲明:")


def _raw(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {name: clean_text(_raw(name), words=is_word) for name in FILES}


def test_the_five_articles_are_there() -> None:
    assert len(FILES) == 5


@pytest.mark.parametrize("name", FILES)
def test_cleaning_never_grows_the_text(name: str, cleaned: dict[str, str]) -> None:
    assert len(cleaned[name]) <= len(_raw(name))
    assert cleaned[name].strip()


@pytest.mark.parametrize("name", FILES)
def test_no_sentence_is_lost(name: str, cleaned: dict[str, str]) -> None:
    # "菲利克斯?希爾": the `?` that stood for a lost name dot comes back as "·".
    # Encoding damage inside a sentence is repaired, so compare repaired sentences.
    kept = {line.replace("·", "?") for line in cleaned[name].splitlines()}
    for line in _raw(name).splitlines():
        line = ANNOTATION.sub("", repair_mojibake(line.strip(), is_word)).replace("·", "?")
        if line.endswith("。") and not line.startswith(KNOWN_BOILERPLATE):
            assert line in kept, line


@pytest.mark.parametrize("name", FILES)
def test_one_paragraph_per_line_without_blank_or_padded_lines(
    name: str, cleaned: dict[str, str]
) -> None:
    for line in cleaned[name].split("\n"):
        assert line and line == line.strip()


def test_wechat_mini_program_header_and_footer_go(cleaned: dict[str, str]) -> None:
    text = cleaned["openai-departures-after-sutskever.txt"]
    for junk in (
        "微信扫一扫进入小程序",
        "扬帆创投微信小程序",
        "扫码进群",
        "{{likeNum}}",
        "bd@yfchuhai.com",
        "版权申明",
        "请添加下方商务企业微信",
        "好文章,需要你的鼓励",
    ):
        assert junk not in text
    assert text.startswith("今天,我又看到了至少 4 位 OpenAI 团队成员宣布离职。")
    assert text.endswith("IIya:变化是唯一的不变。")


def test_image_placeholders_go_but_neighbours_stay(cleaned: dict[str, str]) -> None:
    lines = cleaned["openai-departures-after-sutskever.txt"].splitlines()
    assert "图片" not in lines
    assert "IIya:变化是唯一的不变。" in lines


def test_comment_widget_line_goes(cleaned: dict[str, str]) -> None:
    text = cleaned["xai-greg-yang-steps-back.txt"]
    assert "热门跟贴" not in text
    assert text.endswith("仍是未知数。")


def test_repeated_source_lines_and_broken_html_go(cleaned: dict[str, str]) -> None:
    text = cleaned["yi-tay-returns-to-google.txt"]
    assert "本文來自微信公眾號" not in text
    assert "?/p>" not in text and "</span>" not in text and "/span>" not in text
    assert "支持一下" not in text
    assert text.splitlines()[0] == "“由于工作強度和不健康的生活方式,我已經胖了 15 公斤"
    assert "感謝 Jeff Dean 在新加坡與我共進晚餐(并提醒我谷歌很棒;" in text
    # Real question marks stay.
    assert "AI 領域的創業究竟有多卷?Yi Tay" in text
    # References are content, not boilerplate.
    assert "https://www.yitay.net/blog/returning-to-google-deepmind" in text


def test_topic_tag_line_goes_and_title_line_stays(cleaned: dict[str, str]) -> None:
    lines = cleaned["meta-alexandr-wang-lecun-review.txt"].splitlines()
    assert lines[0].startswith("沒PhD,算什麼AI研究員!")
    assert "#Alexandr Wang" not in lines
    assert lines[-1].endswith("亞歷克斯 (Alex)(AI寒武紀)")


def test_pinyin_annotations_are_removed(cleaned: dict[str, str]) -> None:
    text = cleaned["sam-altman-reflections.txt"]
    assert "在 X 平臺發布了一篇反思博客" in text
    assert "近兩年公司的風波" in text
    assert "(fā)" not in text and "(xué)" not in text and "(jìn)" not in text


def test_real_parenthesised_names_survive(cleaned: dict[str, str]) -> None:
    assert "菲利克斯·希爾(Felix Hill)意外離世" in cleaned["sam-altman-reflections.txt"]
    assert "(AI寒武紀)" in cleaned["meta-alexandr-wang-lecun-review.txt"]
    assert "对齐(alignment)研究" in cleaned["xai-greg-yang-steps-back.txt"]
    assert "(disentangled,)" in cleaned["openai-departures-after-sutskever.txt"]


def test_lost_name_dot_is_restored_not_added(cleaned: dict[str, str]) -> None:
    text = cleaned["sam-altman-reflections.txt"]
    assert "菲利克斯·希爾(Felix Hill),是 Google DeepMind" in text
    assert "埃萊娜·費蘭特(Elena Ferrante)" in text
    # A real question followed by a name keeps its question mark.
    assert clean_text("他是谁?張三(Zhang San)说。") == "他是谁?張三(Zhang San)说。"


def test_emoji_damage_and_netease_footer_go(cleaned: dict[str, str]) -> None:
    text = cleaned["sam-altman-reflections.txt"]
    assert "?????" not in text
    assert "來源丨機器之心" not in text
    assert "Notice: The content above" not in text
    assert "網易號" not in text
    assert "菲利克斯都經歷了什么?絕筆揭露了人工智能研究的哪些問題?以下,Enjoy:" in text


def test_single_annotation_is_left_alone() -> None:
    # One parenthesised reading may be the author's own gloss.
    assert clean_text("行(háng)是多音字。") == "行(háng)是多音字。"


def test_question_marks_that_end_sentences_stay() -> None:
    text = "你为什么想创业呀?\n真的吗??\n"
    assert clean_text(text) == "你为什么想创业呀?\n真的吗??"


def test_short_wechat_mentions_inside_the_story_stay() -> None:
    text = "标题在这里\n他在微信公众号上发表了一篇长文,引发热议。\n第二段。\n扫码关注我们"
    assert clean_text(text) == "标题在这里\n他在微信公众号上发表了一篇长文,引发热议。\n第二段。"


def test_windows_line_endings_and_blank_runs() -> None:
    assert clean_text("第一段。\r\n\r\n\r\n第二段。  \r\n") == "第一段。\n第二段。"


def test_consecutive_duplicate_lines_collapse() -> None:
    assert clean_text("同一行。\n同一行。\n下一行。") == "同一行。\n下一行。"


DEBRIS_ALPHABET = "发布(fā)?!。 \n\r扫码进群<>/p{}#图片AbcZ·希爾"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(DEBRIS_ALPHABET), max_size=80))
def test_cleaning_never_grows_any_text(text: str) -> None:
    assert len(clean_text(text, words=is_word)) <= len(text)


def test_full_width_punctuation_is_understood_like_ascii() -> None:
    # Real pages use ：！？ (the seed articles happen to use ASCII): same rules must apply.
    text = (
        "正文第一句话很长，讲的是人工智能的发展！\n"
        "第二句话也是正文内容，说明了很多问题。\n来源：新华社\n编辑：王五"
    )
    cleaned = clean_text(text, words=is_word)
    assert "来源：新华社" not in cleaned and "编辑：王五" not in cleaned
    assert cleaned.startswith("正文第一句话很长，讲的是人工智能的发展！")
    assert "#这是一句话！" in clean_text("#这是一句话！\n另一句。")


def test_a_line_ending_in_a_full_width_comma_is_not_a_title() -> None:
    from app.core.text.articles import title_from_text

    assert title_from_text("据报道，\n杨格宣布退出日常事务。") != "据报道，"
