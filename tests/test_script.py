"""Script detection and the length-preserving conversion analysis relies on."""

from __future__ import annotations

import pytest

from app.core.text.script import detect_script, to_simplified, to_traditional


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("xai-greg-yang-steps-back.txt", "simplified"),
        ("openai-departures-after-sutskever.txt", "simplified"),
        ("yi-tay-returns-to-google.txt", "traditional"),
        ("meta-alexandr-wang-lecun-review.txt", "traditional"),
        ("sam-altman-reflections.txt", "traditional"),
    ],
)
def test_builtin_articles_are_detected_in_their_script(article_text, name, script):
    assert detect_script(article_text(name)) == script


def test_conversion_keeps_every_offset(article_text):
    text = article_text("meta-alexandr-wang-lecun-review.txt")
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert "纽约大学" in to_simplified("紐約大學")
    assert to_traditional("英伟达") == "英偉達"


def test_text_without_chinese_counts_as_simplified():
    assert detect_script("Hello, world 123") == "simplified"


def test_shipped_character_tables_match_the_installed_opencc() -> None:
    """Script detection reads the shipped tables; an OpenCC upgrade must come with new ones
    (`python scripts/build_opencc_characters.py`)."""
    from app.core.text.script import _char_tables, compute_char_tables

    assert _char_tables() == compute_char_tables()


def test_a_long_traditional_text_converts_with_its_phrases_on_every_line() -> None:
    """Long texts are converted a run of lines at a time (short native calls): every line
    still gets OpenCC's phrase rules, and every offset stays where it was."""
    from app.core.text import script

    line = "他一邊聽著音樂，一邊寫著信，頭髮乾了。\n"
    count = 3 * script._CONVERT_CHARS // len(line)
    simplified = script.to_simplified(line * count)
    assert len(simplified) == len(line) * count
    assert simplified == script.to_simplified(line) * count
    assert "头发干了" in simplified


def test_hong_kong_and_taiwan_variants_convert_to_simplified() -> None:
    """衞 (Hong Kong's 衛) and 妳 (Taiwan's feminine 你) are written 卫 and 你 in a simplified
    text; OpenCC keeps them, which left 衞生署 a word no segmenter or dictionary knew."""
    from app.core.language.entities.lexicon import _simplify

    assert to_simplified("香港衞生署說妳們放心") == "香港卫生署说你们放心"
    assert _simplify("敍利亞") == "叙利亚"  # the names' table agrees with the text's
    assert detect_script("衞生署") == "traditional"
