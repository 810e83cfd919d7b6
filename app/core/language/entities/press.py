"""Steps of the merge (`combine`) that concern the press: a newspaper, agency or broadcaster
named outside 《》 as the subject of a verb of reporting (某某晚报报道, 据某某日报称) is an
organisation, not a work, and a paper's office is named whole (某某日报社); a title in 《》
stays a work.
"""

from __future__ import annotations

from app.core.language.entities.lexicon import (
    _KNOWN,
    _fold,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _Mention
from app.core.text.chars import all_han


def _papers_reporting(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某某晚报 + 报道, 据 + 某某日报 + 称: a newspaper, agency or broadcaster named outside 《》
    as the subject of a verb of reporting is that organisation, not a title (the tagger learnt
    papers as works from CLUENER); and a paper's name is never a place (某国 + 某某报). A title
    in 《》 stays a work."""
    endings = cues("press_endings")
    for c in crf:
        form = ctx.simple[c.start : c.end]
        if c.type not in ("work", "place") or len(form) < 3 or not form.endswith(endings):
            continue
        if form.endswith("报") and not ctx.lex.org_shaped(form):
            continue  # 某某公报, 天气预报: a text, not a paper
        if _in_title(ctx, c.start, c.end):
            continue
        if c.type == "place" or _reports(ctx, c.end) or ctx.simple[c.start - 1 : c.start] == "据":
            c.type = "organization"
    return crf


# How many time words or adverbs may stand between a paper and its verb of reporting (某报 +
# 今天 + 发表, 某报 + 日前 + 也 + 刊登).
REPORTING_GAP = 2


def _reports(ctx: _Context, end: int, verbs: str = "reporting_verbs") -> bool:
    """A verb of reporting (of the cue list `verbs`) follows `end`, perhaps after a time word
    or an adverb or two."""
    k = ctx.token_range(end, len(ctx.simple)).start
    for _ in range(REPORTING_GAP + 1):
        if k >= len(ctx.tokens) or ctx.tokens[k][0] != end:
            return False
        s, end, tag = ctx.tokens[k]
        word = ctx.simple[s:end]
        if word in cue_set(verbs) or ctx.simple[s : s + 2] in cue_set(verbs):
            return True  # 称, 报道说 (not 称号: a one-character verb stands as a word)
        if tag not in ("t", "d"):
            return False
        k += 1
    return False


def _in_title(ctx: _Context, start: int, end: int) -> bool:
    """start:end lies in 《》 (a 《 before it that no 》 closes, or a 》 right after it)."""
    opened = ctx.simple.rfind("《", 0, start) > ctx.simple.rfind("》", 0, start)
    return opened or ctx.simple[end : end + 1] == "》"


def _whole_papers(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """科技 + 日报社, 某某日报 + 社长: a paper's head alone (`press_heads`) takes in the noun
    right before it that names the paper, where no other name holds that noun, and is no name
    without one (多家 + 通讯社, 筹建 + 报业集团: "agencies", "a press group"); a paper before
    its president's title 社长 is the paper's office (某某日报社, an organisation), as 部长
    names a 部."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    generic: set[int] = set()
    for m in chosen:
        form = ctx.simple[m.start : m.end]
        if m.type not in ("organization", "work") or _in_title(ctx, m.start, m.end):
            continue
        if form.endswith("报") and ctx.simple[m.end : m.end + 2] == "社长" and (
            m.end + 2 in ctx.ends
        ):
            m.end, m.type = m.end + 1, "organization"
            continue
        if m.type != "organization":
            continue
        if form not in cue_set("press_heads"):
            continue
        before = ctx.token_range(0, m.start)
        if not before:
            generic.add(id(m))
            continue
        s, e, tag = ctx.tokens[before[-1]]
        word = ctx.simple[s:e]
        plain = tag in ("n", "nz", "vn") and all_han(word) and _fold(word) not in ctx.lex.stop
        plain = plain or word in cue_set("press_openers")  # 每日 + 邮报, the Daily Post
        if e == m.start and e - s >= 2 and plain and word not in cue_set("roles") and not any(
            i in taken for i in range(s, e)
        ):
            m.start = s
        elif m.priority < _KNOWN:
            generic.add(id(m))
    return [m for m in chosen if id(m) not in generic]
