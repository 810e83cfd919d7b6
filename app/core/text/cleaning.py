"""Removing what a scraper dragged into an article, without touching the article.

Scraped Chinese news carries predictable debris: promo blocks of the hosting site at
the top and bottom (QR-code prompts, mini-program and app ads, "contact us", comment
widgets), credit lines repeated by each re-poster, HTML tags cut in half by a bad
decode, emoji turned into `?` runs, and on some portals a pinyin reading pasted after
every polyphonic character (`發(fā)布`). Readers study the sentences, so every rule
here only deletes (the text never grows) and judges lines by their shape — short,
no sentence punctuation, site vocabulary, at the edge of the document — rather than
by a list of known strings, so real sentences survive even when they mention WeChat.
"""

from __future__ import annotations

import re

from app.core.text.chars import HAN_CLASS, SENTENCE_ENDS, SENTENCE_FINALS, TONE_MARKED_VOWELS
from app.core.text.encoding import replace_lone_surrogates
from app.core.text.mojibake import WordTest, repair_mojibake

_TONED = TONE_MARKED_VOWELS
_PINYIN_LETTERS = f"a-zü{_TONED}"
# One tone-marked pinyin syllable in parentheses, as pasted after a character.
_PINYIN_ANNOTATION = re.compile(
    rf"(?<=[^\s(（])[(（](?=[{_PINYIN_LETTERS}]*[{_TONED}])"
    rf"((?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[{_PINYIN_LETTERS}]{{1,5}})[)）]"
)
_MIN_ANNOTATIONS = 2  # one "(háng)" may be a linguist's gloss; a pattern is a portal's habit

# Tags, whole or cut in half by a bad decode (`?/p>` is what is left of `。</p>`).
_TAG_NAMES = (
    r"(?:p|span|div|a|b|i|u|em|strong|br|li|ul|ol|h[1-6]|section|article|img|font|sup|sub|"
    r"blockquote|figure|figcaption|table|tr|td|th|tbody|small|center|hr)"
)
_HTML_TAG = re.compile(rf"</?{_TAG_NAMES}(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
_BROKEN_TAG = re.compile(rf"[?？!！。]*\?/{_TAG_NAMES}>", re.IGNORECASE)
_TEMPLATE_PLACEHOLDER = re.compile(r"\{\{\s*[\w.$]+\s*\}\}|\$\{\s*\w+\s*\}")
# Emoji lost in a decode become `?`: three or more in a row, or two that don't end a
# sentence (preceded by a space or the start of the line). "什么?" and "真的??" stay.
_DAMAGED_QUESTION_MARKS = re.compile(r"\?{3,}|(?:(?<=\s)|^)\?{2}(?=\S)", re.MULTILINE)
# Characters that spell foreign names (菲利克斯, 埃萊娜): around a `?` followed by the
# name in Latin letters, that `?` is the lost name dot of "菲利克斯?希爾(Felix Hill)".
_NAME_SOUNDS = (
    "阿埃艾爱愛安奥奧巴拜班邦保贝貝本比彼宾賓波伯博布查达達戴丹德迪蒂丁杜多厄恩法凡菲費芬"
    "弗福盖蓋冈岡戈格哥古哈海汉漢赫亨华華霍基吉加贾賈杰傑金卡凯凱坎康柯科克肯库庫拉莱萊兰"
    "蘭朗劳勞勒雷里理利莉丽麗莲蓮林琳卢盧鲁魯路伦倫罗羅洛马馬玛瑪迈邁麦麥曼梅蒙米敏摩莫默"
    "穆姆纳納娜奈内內尼妮纽紐诺諾欧歐帕潘佩皮珀普奇齐齊乔喬琼瓊萨薩塞桑瑟森沙莎史斯索塔泰"
    "坦汤湯唐特提汀图圖托瓦威维維温溫沃乌烏西希夏谢謝辛休亚亞扬揚伊因英尤约約泽澤扎詹兹茲"
    "佐尔爾娅婭蕾丝絲"
)
_LOST_NAME_DOT = re.compile(
    rf"(?<=[{_NAME_SOUNDS}])\?(?=[{_NAME_SOUNDS}][{HAN_CLASS}]{{0,5}}"
    rf"[(（][A-Z][\w'-]*(?: [A-Z][\w'-]*)+[)）])"
)
# Invisible characters a copy from the web leaves inside words (they would split a word
# for the segmenter). A zero-width joiner between two emoji is kept: it glues 👨‍👩‍👧.
# Bidirectional embeddings, overrides and isolates go too: in a Chinese article they
# only serve to show the rest of a line backwards ("Trojan Source" text).
_EMOJI = "\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff\ufe0f"
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(
    f"[\u200b\u200c\u2060\ufeff\u00ad{BIDI_CONTROLS}]"
    f"|(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])"
)
# A line (it holds no line break) that ends as a sentence does: a sentence end, an
# ellipsis, or a Latin full stop.
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}…]|\\.(?:\\s|$)")

# Words that, on a short line, mean "site furniture" rather than article (regexes,
# separated by whitespace; both scripts).
_BOILERPLATE_VOCABULARY = r"""
    扫一扫 掃一掃 扫码 掃碼 二维码 二維碼 长按识别 長按識別 小程序 公众号 公眾號
    服务号 订阅号 关注我们 關注我們 关注.{0,8}(?:官网|公众号|微信) 点击关注 點擊關注
    联系我们 聯繫我們 聯絡我們 商务合作 商務合作 企业微信 企業微信 进群 進群 社群
    入驻 入駐 认证 認證 会员 會員 下载.{0,4}APP 下載.{0,4}APP APP$ ^微信$ ^微博$
    热门跟贴 熱門跟貼 跟贴 跟帖 评论区 网友评论 網友評論 点赞 點贊 在看 分享到 转发
    轉發 收藏 打赏 打賞 支持一下 好文章 原文链接 原文鏈接 阅读原文 閱讀原文 点击前往
    點擊前往 文章作者 责任编辑 責任編輯 编辑[：:] 編輯[：:] 版权 版權 免责声明 免責聲明
    特别声明 特別聲明 转载 轉載 本文来自 本文來自 ^来源 ^來源 题图 題圖 ^图片$ ^圖片$
    @\w+\.\w+ \bcontact\sus\b \bfollow\sus\b \bshare\b \bsubscribe\b ^notice:
    \bcopyright\b all\srights\sreserved ^advertisement$ \{\{
"""
_BOILERPLATE_WORDS = re.compile("|".join(_BOILERPLATE_VOCABULARY.split()), re.IGNORECASE)
# Lines that announce a disclaimer: boilerplate whatever their length (they end in 。).
_DISCLAIMER = re.compile(
    r"^(?:版权申明|版权声明|版權聲明|免责声明|免責聲明|特别声明|特別聲明|(?i:notice|disclaimer|"
    r"copyright))\s*[：:]"
)
# A credit line: who published or edited this copy, anywhere in the text.
_CREDIT_LINE = re.compile(
    r"^(?:本文来自|本文來自|本文转载自|本文轉載自|文章来源|文章來源)"
    r"|^(?:来源|來源|文章作者|作者|责任编辑|責任編輯|编辑|編輯)\s*[：:丨|│]"
)
_IMAGE_PLACEHOLDER = re.compile(r"^(?:图片|圖片|image|img|\[图片\]|\[圖片\])$", re.IGNORECASE)
_TAG_LINE = re.compile(f"^#[^#\\s][^{SENTENCE_FINALS}]{{0,40}}$")  # "#Alexandr Wang": a topic tag
# A regex call holds the GIL for as long as it runs, so on a huge text (up to a million
# characters) the window's thread would stall: such texts are scanned a few lines at a time.
_PIECE_CHARS = 20_000
_SHORT = 30  # characters: longer lines are prose unless a disclaimer says otherwise
_EDGE_SHORT = 20  # characters: short lines between two furniture lines go with them


_TITLE_NOISE = re.compile(f"[\x00-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff{BIDI_CONTROLS}]+")
MAX_TITLE_CHARS = 200


def one_line_title(title: str) -> str:
    """A title as the window, the library list and exports show it: one line, no control
    or invisible characters (a right-to-left override would show the rest of the title
    backwards), whitespace collapsed, at most `MAX_TITLE_CHARS` characters."""
    flat = " ".join(_TITLE_NOISE.sub(" ", title).split())
    return flat if len(flat) <= MAX_TITLE_CHARS else flat[: MAX_TITLE_CHARS - 1].rstrip() + "…"


def clean_text(text: str, strip_tags: bool = True, words: WordTest | None = None) -> str:
    """Article text without site debris, one paragraph per line; never longer than `text`.

    `strip_tags=False` for text that came out of an HTML page: a tag left in it was
    written as `&lt;b&gt;` by the author (a code example), not dragged in by a scraper.
    `words` is the dictionary's headword test (`Analyzer.is_headword`), which GBK text
    decoded out of step needs to be repaired; without it such text is left as it is.
    """
    text = replace_lone_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _by_lines(_INVISIBLE.sub, "", text)
    if strip_tags:
        text = _by_lines(_BROKEN_TAG.sub, "", text)
        text = _HTML_TAG.sub("", text)  # a tag may span a line break; one quick literal scan
    text = _TEMPLATE_PLACEHOLDER.sub("", text)  # may span a line break; quick literal scan
    if words is not None:  # before `?` runs go: a `?` may be a lost lead byte
        text = repair_mojibake(text, words)
    text = _by_lines(_DAMAGED_QUESTION_MARKS.sub, "", text)
    text = _by_lines(_LOST_NAME_DOT.sub, "·", text)
    text = strip_pinyin_annotations(text)
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    lines = _drop_furniture(lines)
    lines = _drop_repeats(lines)
    return "\n".join(lines)


def strip_pinyin_annotations(text: str) -> str:
    """`發(fā)布` -> `發布`, but only when the text really is annotated that way."""
    found = 0
    for lo, hi in _line_pieces(text):
        found += len(_PINYIN_ANNOTATION.findall(text, lo, hi))
        if found >= _MIN_ANNOTATIONS:
            return _by_lines(_PINYIN_ANNOTATION.sub, "", text)
    return text


def _line_pieces(text: str) -> list[tuple[int, int]]:
    """[lo, hi) pieces of about `size` characters, each ending just after a line break.

    Only for patterns that never match across a line break: each piece then matches
    exactly as the whole text would.
    """
    pieces, lo, size = [], 0, _PIECE_CHARS
    while len(text) - lo > size:
        hi = text.find("\n", lo + size) + 1
        if hi <= 0:
            break
        pieces.append((lo, hi))
        lo = hi
    pieces.append((lo, len(text)))
    return pieces


def _by_lines(sub, replacement: str, text: str) -> str:  # sub: re.Pattern.sub
    """`sub(replacement, text)`, a few lines per call on a huge text (same result)."""
    if len(text) <= _PIECE_CHARS:
        return sub(replacement, text)
    return "".join(sub(replacement, text[lo:hi]) for lo, hi in _line_pieces(text))


def is_furniture(line: str) -> bool:
    """A line of site furniture rather than article text (judged on its own)."""
    if _DISCLAIMER.match(line) or _IMAGE_PLACEHOLDER.match(line):
        return True
    if _CREDIT_LINE.match(line) and len(line) <= 60:
        return True
    if _TAG_LINE.match(line):
        return True
    return (
        len(line) <= _SHORT and not _ends_sentence(line) and bool(_BOILERPLATE_WORDS.search(line))
    )


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line[-2:]))


def _is_filler(line: str) -> bool:
    """Slogans and labels that sit between furniture lines ("出海人", "社群")."""
    return len(line) <= _EDGE_SHORT and "。" not in line


def _drop_furniture(lines: list[str]) -> list[str]:
    """Furniture blocks at both ends go whole; inside, only unmistakable lines go."""
    head = _edge_block_end(lines)
    tail = len(lines) - _edge_block_end(lines[::-1])
    if tail < head:
        tail = head
    middle = [line for line in lines[head:tail] if not _is_inner_furniture(line)]
    return middle


def _edge_block_end(lines: list[str]) -> int:
    """How many leading lines form a furniture block (ending at its last furniture line)."""
    end = 0
    for index, line in enumerate(lines):
        if is_furniture(line):
            end = index + 1
        elif not _is_filler(line):
            break
    return end


def _is_inner_furniture(line: str) -> bool:
    """Inside the article, a line goes only when its shape is unambiguous."""
    return bool(
        _IMAGE_PLACEHOLDER.match(line)
        or (_CREDIT_LINE.match(line) and len(line) <= 60 and not _ends_sentence(line))
    )


def _drop_repeats(lines: list[str]) -> list[str]:
    """A line repeated right after itself is a scraping echo."""
    kept: list[str] = []
    for line in lines:
        if not kept or kept[-1] != line:
            kept.append(line)
    return kept
