"""Tone sandhi of 一 and 不 for display: spoken tones from citation tones."""

from __future__ import annotations

import pytest

from app.core.language.sandhi import spoken


@pytest.mark.parametrize(
    ("text", "citation", "said"),
    [
        ("不要", "bù yào", "bú yào"),
        ("不行", "bù xíng", "bù xíng"),
        ("一样", "yī yàng", "yí yàng"),
        ("一天", "yī tiān", "yì tiān"),
        ("一起", "yī qǐ", "yì qǐ"),
        ("一个", "yī gè", "yí gè"),
        ("第一次", "dì yī cì", "dì yī cì"),
        ("十一月", "shí yī yuè", "shí yī yuè"),
        ("统一", "tǒng yī", "tǒng yī"),
    ],
)
def test_spoken_tones(text: str, citation: str, said: str) -> None:
    assert " ".join(spoken(text, citation.split())) == said


def test_other_syllables_and_non_han_are_untouched() -> None:
    assert spoken("他不A", ["tā", "bù", ""]) == ["tā", "bù", ""]
