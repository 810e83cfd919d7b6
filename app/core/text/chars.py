"""Character classes and sentence ends, in one place for every module: what counts as a
Chinese (Han) character, and which punctuation closes a sentence or a clause."""

from __future__ import annotations

import re

# CJK Extension A, the URO, compatibility ideographs, Extensions B-H, and 〇 (líng, zero).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007"
HAN_RE = re.compile(f"[{HAN_CLASS}]")
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def has_han(text: str) -> bool:
    return HAN_RE.search(text) is not None


def is_han(char: str) -> bool:
    return len(char) == 1 and HAN_RE.match(char) is not None


def all_han(text: str) -> bool:
    """Non-empty and nothing but Han characters (a Chinese word, not 3D or iPhone的)."""
    return _HAN_RUN.fullmatch(text) is not None


def is_bmp_han(char: str) -> bool:
    """Han characters a legacy two-byte encoding (GBK) can produce: the BMP blocks only,
    without 〇. Mojibake repair judges re-decoded bytes by it, not by `is_han`."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def is_unified_han(char: str) -> bool:
    """The URO and Extension A only: the "Han" of the entity tagger's character-shape
    feature, fixed by the shipped model, which was trained with exactly this test."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


# Chinese text around a line break in HTML (Han, CJK punctuation, kana, full-width forms):
# a break between two such characters is not a space.
CJK_TEXT_CLASS = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"

# Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII: older wires and many IMEs type
# them, jieba cuts them one character at a time, and no rule reads "１２月３日" as a date or
# "ＩＢＭ公司" as a firm.
_ASCII_FOR_FULL_WIDTH = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
# ASCII punctuation typed into Chinese (北京,上海.): the Chinese marks the rules and the tagger
# expect, where Chinese stands before it (or, for an opening bracket, after it); not in "3.5",
# "Inc." or "杨格(Greg Yang)", nor a full stop before Chinese (《某某外传.某某》), nor a colon,
# which closes a handle in a chain of reposts (//@某某:).
_CHINESE_BEFORE = f"(?<=[{HAN_CLASS}”’》」』）])"
_ASCII_MARKS = re.compile(
    f"{_CHINESE_BEFORE}[,;)]|{_CHINESE_BEFORE}[.!?](?![0-9A-Za-z{HAN_CLASS}])|\\((?=[{HAN_CLASS}])"
)
_CHINESE_MARK = dict(zip(",;!?.()", "，；！？。（）", strict=True))
# Full-width signs inside a number or a Latin name (１２．５％, ＡＴ＆Ｔ), once its digits and
# letters are ASCII: jieba keeps "12.5%" and "AT&T" one word only with the ASCII signs.
_SIGN_IN_ALNUM = re.compile("(?<=[0-9A-Za-z])(?:[．＆＋－＿＃](?=[0-9A-Za-z])|％)")


def _ascii_sign(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xFEE0)


def analysis_form(text: str) -> str:
    """The text as the segmenter and the name rules read it: full-width letters and digits as
    ASCII, ASCII punctuation inside Chinese as Chinese marks. One character for one, so every
    offset holds and the reader sees the text as written."""
    text = _SIGN_IN_ALNUM.sub(_ascii_sign, text.translate(_ASCII_FOR_FULL_WIDTH))
    return _ASCII_MARKS.sub(lambda m: _CHINESE_MARK[m.group()], text)


# Full stops, question and exclamation marks (both widths): where a sentence surely ends,
# so a long text is cut into pieces there (after line breaks).
# Vowels with a pinyin tone mark: a Latin word holding one is a reading, not English.
TONE_MARKED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SENTENCE_FINALS = "。！？!?"
# What closes a sentence for the saved context, the pinyin network and the entity tagger:
# also a semicolon and a line break (a headline, a list item).
SENTENCE_ENDS = SENTENCE_FINALS + "；;\n"
# Where a clause ends: the polyphone rules never look past one.
CLAUSE_MARKS = SENTENCE_ENDS + "，,、：:…"
