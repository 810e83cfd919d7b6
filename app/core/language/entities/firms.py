"""Firms named with everyday words (长风 + 银行, 远景 + 汽车, 蓝海 + 证券): the segmenter cuts
such a name into plain words and no place or person opens it, so the composed rules do not
see a name; what the text says around it does (a descriptor in apposition before it, or a
share price, a chairman or a subsidiary right after it)."""

from __future__ import annotations

from functools import cache

from app.core.language.entities.lexicon import (
    _COMPOSED,
    _FUNCTION_TAGS,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _Mention
from app.core.text.chars import all_han

# How many tokens and characters the firm's own words may take before its trade (长 + 风).
BARE_NAME_TOKENS = 2
BARE_NAME_CHARS = 4
_NOT_NAME_TAGS = frozenset(_FUNCTION_TAGS | {"f", "t", "s"})


def _firms_in_business(ctx: _Context) -> list[_Mention]:
    """美国第三大银行 + 长风 + 银行, 老牌车企 + 远景 + 汽车, 蓝海 + 证券 + 分析师: one or two
    plain words and a trade ([trades], [bare_firm_trades]) name a firm where a descriptor of
    firms stands right before them ([firm_descriptors]) or a firm's share price, chairman or
    deed right after ([firm_business_after]); not a kind of firm (部分 + 银行 + 员工: the
    words before the trade must be no everyday quantity or kind, [not_bare_firm_words]).
    A brand's one word (顺丰/nz) names one between a descriptor and a deed, and so does one
    word jieba tags a name that ends in a trade (某某电器/nz) before a deed."""
    out: list[_Mention] = []
    tokens, simple = ctx.tokens, ctx.simple
    trades = cue_set("trades") | cue_set("bare_firm_trades")
    descriptors = cues("firm_descriptors")
    firsts = {trade[0] for trade in trades}
    for i in range(len(tokens)):
        s, e, tag = tokens[i]
        if simple[s] not in firsts and tag not in _BRAND_TAGS:
            continue  # (most tokens: one look, the article's speed)
        e = _trade_end(ctx, i, trades)
        if simple[s:e] not in trades:
            if tag in _BRAND_TAGS and e - s >= 2 and _business_follows(ctx, e):
                traded = e - s >= 4 and simple[e - 2 : e] in trades  # 某某电器/nz + 董事长
                apposed = simple.endswith(descriptors, 0, s)  # 快递企业 + 顺丰/nz + 宣布
                if traded or (apposed and simple[s - 3 : s - 2] not in _POINTING):
                    out.append(_Mention(s, e, "organization", _COMPOSED))
            continue
        described = _described_start(ctx, i, descriptors)
        if described is not None:
            out.append(_Mention(tokens[described][0], e, "organization", _COMPOSED))
        elif _business_follows(ctx, e):
            first = _bare_name_start(ctx, i)
            if first is not None:
                out.append(_Mention(tokens[first][0], e, "organization", _COMPOSED))
    return out


def _trade_end(ctx: _Context, index: int, trades: frozenset[str]) -> int:
    """The end of token `index`, or of the next one where the two make a trade the segmenter
    cut into characters (乳 + 业)."""
    tokens, simple = ctx.tokens, ctx.simple
    s, e, _ = tokens[index]
    if simple[s:e] in trades or index + 1 >= len(tokens) or tokens[index + 1][0] != e:
        return e
    return tokens[index + 1][1] if simple[s : tokens[index + 1][1]] in trades else e


# jieba's tags of a brand's one-word name (顺丰/nz) after a descriptor of firms.
_BRAND_TAGS = frozenset({"nz", "nt", "j"})
# Words between a firm's name and its deed: a former office (某某保险 + 原 + 董事长) or a time.
_BETWEEN = ("原", "前")


def _business_follows(ctx: _Context, at: int) -> bool:
    """A firm's share price, chairman or deed ([firm_business_after]) starts at `at`, or after
    原/前 (a former chairman) or a time word (某某文具 + 近日 + 发布公告)."""
    simple = ctx.simple
    if simple.startswith(_BETWEEN, at) and not simple.startswith(_BETWEEN, at + 1):
        at += 1
    elif at in ctx.starts and at < len(simple):
        s, e, tag = ctx.tokens[ctx.token_range(at, len(simple)).start]
        if s == at and tag == "t":
            at = e
    return simple.startswith(cues("firm_business_after"), at)


def _name_words(ctx: _Context, first: int, index: int) -> bool:
    """Tokens first..index-1 may be a firm's own words: Chinese, two to four characters, no
    function word, time, direction or verb, nothing stop-listed, no trade and no kind."""
    tokens, simple = ctx.tokens, ctx.simple
    if not 2 <= tokens[index][0] - tokens[first][0] <= BARE_NAME_CHARS:
        return False
    if any(tokens[k][1] != tokens[k + 1][0] for k in range(first, index)):
        return False
    kinds = _not_name_words()
    return not any(
        tag in _NOT_NAME_TAGS or tag[0] == "v" or not all_han(simple[ts:te])
        or simple[ts:te] in ctx.lex.stop or simple[ts:te] in kinds
        for ts, te, tag in tokens[first:index]
    )  # fmt: skip


def _described_start(ctx: _Context, index: int, descriptors: tuple[str, ...]) -> int | None:
    """The first token of a firm's own words right after a descriptor of firms (车企 + 远景)
    that does not point at a firm the text has named (这一企业, 该公司)."""
    tokens, simple = ctx.tokens, ctx.simple
    for first in range(max(0, index - BARE_NAME_TOKENS), index):
        at = tokens[first][0]
        word = next((d for d in descriptors if simple.endswith(d, 0, at)), "")
        if not word or simple[at - len(word) - 1 : at - len(word)] in _POINTING:
            continue  # 这一企业 + 智力 + 资本: the firm is pointed at, a noun of it follows
        if _name_words(ctx, first, index) and not _deed_word(ctx, first):
            return first
    return None


def _deed_word(ctx: _Context, index: int) -> bool:
    """Token `index` is a word CC-CEDICT knows only as a deed (银行 + 办理 + 保险业务: "to
    handle", jieba's noun), which opens no firm's name."""
    s, e, _ = ctx.tokens[index]
    senses = [sense for entry in ctx.entries.get(ctx.simple[s:e], ()) for sense in entry.senses]
    return bool(senses) and all(sense.startswith("to ") for sense in senses)


# Characters that, right before a descriptor, point at a firm already named (这一企业, 该公司).
_POINTING = frozenset("这该本此那每一个家各")


def _bare_name_start(ctx: _Context, index: int) -> int | None:
    """The first token of a firm's own words where a clause, a function word or a verb ends
    before them (not 中将 + 某某 + 证券: a word glued before the name is no part of it)."""
    tokens = ctx.tokens
    for first in range(max(0, index - BARE_NAME_TOKENS), index):
        if not _name_words(ctx, first, index):
            continue
        before = tokens[first - 1][2] if first > 0 else "x"
        if before in _NOT_NAME_TAGS or before[0] == "v":
            return first
    return None


# jieba's tags of a word that may be a firm's whole name after a descriptor (美的/nr, 大众/n).
_NAME_WORD_TAGS = frozenset({"n", "nr", "nz", "nt", "j", "nrt", "nrfg"})


def _appositive_firms(
    ctx: _Context, mentions: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """家电企业 + 美的, 德国汽车巨头 + 大众, 国有银行 + 中国银行: a descriptor of firms in
    apposition is no part of the firm's name, though the tagger or a rule read the two as
    one; the name is what follows the descriptor when it is a firm the rules found
    (`rules`), a body the lists or CC-CEDICT name or one name-like word, not a body's head
    or branch (某企业 + 协会, 某银行 + 某市分行) and not after a descriptor that is a body's
    own name (某某公司 + 宣传部)."""
    named = {(m.start, m.end) for m in rules if m.type == "organization"}
    out: list[_Mention] = []
    for m in mentions:
        cut = _appositive_cut(ctx, m, named) if m.type == "organization" else None
        if cut is not None:
            m = m.copy()
            m.start = cut
        out.append(m)
    return out


def _appositive_cut(ctx: _Context, m: _Mention, named: set[tuple[int, int]]) -> int | None:
    """Where the firm's own name starts inside organisation `m`, after a descriptor; or None."""
    simple, lex = ctx.simple, ctx.lex
    descriptors = cues("firm_descriptors")
    for k in range(m.end - 2, m.start + 1, -1):
        word = next((d for d in descriptors if simple.endswith(d, m.start, k)), "")
        if not word or k not in ctx.starts or len(word) < 2:
            continue
        if simple[k - len(word) - 1 : k - len(word)] in _POINTING and k - len(word) > m.start:
            continue
        prefix, rest = simple[m.start : k], simple[k : m.end]
        if (m.start, k) in named or prefix in lex.bodies or lex.org_ending(rest) == len(rest):
            continue
        if rest.endswith(cues("branch_endings")) or rest in lex.stop:
            continue
        tiles = ctx.tiling(k, m.end)
        one_word = len(tiles) == 1 and tiles[0][2] in _NAME_WORD_TAGS and not lex.org_ending(rest)
        listed = lex.bodies.get(rest) == "organization" or (
            lex.org_ending(rest) > 0 and any(e.proper for e in ctx.entries.get(rest, ()))
        )  # 国有银行 + 中国银行: a bank CC-CEDICT names
        if (k, m.end) in named or one_word or listed:
            return k
    return None


def _bare_brands(ctx: _Context) -> list[_Mention]:
    """平安 + 股价, 吉利 + 旗下, 某某 + 市值: a word standing alone as the subject of what only a
    firm has ([brand_only_after]) names a firm, however everyday (平安 "safe"); not a word for
    a kind of firm or its shares ([not_bare_brand_words], 公司 + 旗下, 个股 + 股价), a body's
    head, a place the lists know or a person's name (a person has no share price). Two
    characters only: a longer everyday word there is a nickname as often (老狐狸 + 旗下)."""
    out: list[_Mention] = []
    tokens, simple, lex = ctx.tokens, ctx.simple, ctx.lex
    after = cue_set("brand_only_after")
    kinds = cue_set("not_bare_brand_words") | cue_set("not_bare_firm_words") | cue_set("trades")
    for i in range(len(tokens) - 1):
        s, e, tag = tokens[i]
        if simple[tokens[i + 1][0] : tokens[i + 1][1]] not in after or tokens[i + 1][0] != e:
            continue
        word = simple[s:e]
        if len(word) != 2 or not all_han(word) or tag in _NOT_NAME_TAGS:
            continue
        if tag[0] == "v" or tag in ("nr", "nrfg", "nrt") or word in kinds or word in lex.stop:
            continue
        if lex.org_ending(word) or word in lex.places:
            continue
        before = tokens[i - 1][2] if i > 0 else "x"
        if before in _NOT_NAME_TAGS or before[0] == "v":
            out.append(_Mention(s, e, "organization", _COMPOSED))
    return out


@cache
def _not_name_words() -> frozenset[str]:
    """Words no firm's own name is: kinds and quantities, and the trades themselves (asked of
    every token before a trade, so built once)."""
    return cue_set("not_bare_firm_words") | cue_set("trades") | cue_set("bare_firm_trades")
