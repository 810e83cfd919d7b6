"""The one lookup policy: the popup, the window's save, `zhreader lookup` and `vocab add` agree,
and the reading shown in context is always one the dictionary entries shown under it have."""

from __future__ import annotations

import pytest

from app.cli_vocab import lookup_item
from app.core.analysis.analyzer import default_analyzer
from app.core.language.lookup import context_reading, look_up, ordered_entries, reads_as
from app.core.text.articles import builtin_articles
from app.core.text.chars import has_han


@pytest.mark.parametrize("item", builtin_articles(), ids=lambda item: item.path.stem)
def test_no_popup_contradicts_its_entries(item) -> None:
    analysis = default_analyzer().analyze_path(item.path)
    dictionary = default_analyzer().dictionary
    wrong = []
    for token in analysis.tokens:
        if not has_han(token.text):
            continue
        found = look_up(dictionary, token.text, token.pinyin, analysis.script)
        if found.entries and not any(reads_as(e, found.reading) for e in found.entries):
            wrong.append((token.text, " ".join(token.pinyin)))
        elif found.entries:
            assert found.matched, token.text  # the entry read as here comes first
    assert wrong == []


def test_reading_in_context_picks_the_entry_and_gloss() -> None:
    dictionary = default_analyzer().dictionary
    reader = default_analyzer().reader
    give_back = look_up(dictionary, "还", context_reading(reader, "还", "借的钱明天一定要还。"))
    still = look_up(dictionary, "还", context_reading(reader, "还", "天还没亮。"))
    assert give_back.reading == ("huán",) and "to pay back" in give_back.gloss
    assert still.reading == ("hái",) and "still" in still.gloss
    assert "pay back" not in still.gloss


def test_vocab_add_with_context_saves_what_the_window_saves() -> None:
    sentence = "借的钱明天一定要还。"
    from_cli = lookup_item(default_analyzer(), "还", sentence)
    tokens = analyze_path_text(sentence)
    token = next(t for t in tokens if t.text == "还")
    from_window = look_up(default_analyzer().dictionary, token.text, token.pinyin, "simplified")
    assert from_cli == from_window


def analyze_path_text(text: str):

    return default_analyzer().analyze_document(text, clean=False, use_cache=False).tokens


def test_a_name_comes_after_the_common_word_read_the_same() -> None:
    entries = default_analyzer().dictionary.lookup("文")
    first = ordered_entries(entries, ("wén",))[0]
    assert not first.proper and "language" in first.gloss


def test_a_missing_word_shows_its_parts_common_meaning_first() -> None:
    found = look_up(default_analyzer().dictionary, "文字游戏们", ("wén", "zì", "yóu", "xì", "men"))
    assert found.entries == ()
    for _text, entries in found.parts:
        if entries:
            assert not entries[0].proper


def test_traditional_article_keeps_its_form_and_saves_the_simplified_word() -> None:
    found = look_up(default_analyzer().dictionary, "瞭解", ("liǎo", "jiě"), "traditional")
    assert (found.simplified, found.traditional) == ("了解", "瞭解")
    particle = look_up(default_analyzer().dictionary, "意味著", ("yì", "wèi", "zhe"), "traditional")
    assert particle.simplified == "意味着" and particle.matched
