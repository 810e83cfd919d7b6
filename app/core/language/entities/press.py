"""Steps of the merge (`combine`) that concern the press: a newspaper, agency or broadcaster
named outside 《》 as the subject of a verb of reporting (某某晚报报道, 据某某日报称) is an
organisation, not a work, and a paper's office is named whole (某某日报社); a title in 《》
stays a work.
"""

from __future__ import annotations

import re

from app.core.language.entities.lexicon import (
    _COMPOSED,
    _KNOWN,
    _fold,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _last_before, _marks_at, _Mention
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
    opened = _last_before(_marks_at(ctx.simple, "《"), start) > _last_before(
        _marks_at(ctx.simple, "》"), start
    )
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


def _papers_employing(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """接受 + 某某日报 + 记者 + 采访, 在 + 某某都市报 + 工作: a paper named outside 《》 between
    a verb of being interviewed (`interviewed_by`) and the title of its staff (`press_staff`),
    or as the place someone works, is the paper as the body that employs them, an
    organisation, not a title. A title in 《》 stays a work, and so does a bare paper before
    记者 elsewhere (某某报记者 + name opens a byline: CLUENER marks that paper a work)."""
    staff, working = cues("press_staff"), cues("work_place_after")
    for m in chosen:
        if m.type != "work" or _in_title(ctx, m.start, m.end):
            continue
        before = ctx.simple[max(0, m.start - 2) : m.start]
        employs = before.endswith(cues("interviewed_by")) and ctx.simple.startswith(staff, m.end)
        employs = employs or (
            ctx.simple[m.start - 1 : m.start] == "在" and ctx.simple.startswith(working, m.end)
        )
        if employs:
            m.type = "organization"
    return chosen


def _voices_of_places(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """德国 + 之声 + 报道, 据 + 某国 + 之音, 某国 + 之声 + 播出: a place and 之声 or 之音 "voice
    of" named as the source of a report or a broadcast is the broadcaster (德国之声, 美国之音),
    an organisation, not the place (`voice_endings`). Without a reporting context (某市之声
    音乐会) the place stays."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    for m in chosen:
        if m.type != "place" or _in_title(ctx, m.start, m.end):
            continue
        voice = next((v for v in cues("voice_endings") if ctx.simple.startswith(v, m.end)), "")
        end = m.end + len(voice)
        if not voice or any(i in taken for i in range(m.end, end)):
            continue
        sourced = ctx.simple[m.start - 1 : m.start] == "据" or _reports(ctx, end)
        sourced = sourced or _reports(ctx, end, "broadcast_verbs")  # 某国之声 + 播出
        if sourced or ctx.simple.startswith(cues("press_staff"), end):
            m.end, m.type = end, "organization"
    return chosen


def _papers_of_places(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """西江 + 晚报社, 云州 + 电视台, 据 + 某县 + 新闻网 + 报道: a place right before the head of a
    paper's or a station's name (`place_press_heads`, ending at a word's end) opens that
    name, the organisation, not a place of the text: where the head names an office (社, 台,
    中心) or the paper is named as a source (据, a verb of reporting or a reporter after). A
    paper's name alone elsewhere (某市晚报 + 网友) keeps its place (Weibo marks the place
    there). A title in 《》 stays a work."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    for m in chosen:
        if m.type != "place" or _in_title(ctx, m.start, m.end):
            continue
        heads = [h for h in cues("place_press_heads") if ctx.simple.startswith(h, m.end)]
        end = m.end + max(map(len, heads), default=0)
        if end == m.end or end not in ctx.ends or any(i in taken for i in range(m.end, end)):
            continue
        office = ctx.simple[end - 1] in "社台" or ctx.simple[m.end : end].endswith("中心")
        sourced = ctx.simple[m.start - 1 : m.start] == "据" or _reports(ctx, end)
        sourced = sourced or ctx.simple.startswith("消息", end)  # 某县新闻网 + 消息: its news
        if office or sourced or ctx.simple.startswith(cues("press_staff"), end):
            m.end, m.type = end, "organization"
    return chosen


def _press_sites(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """某某日报 + 网, 某某消息 + 网, 某某广播电视 + 总台: a paper's or a broadcaster's name and the
    word right after it that names its website or its head station (`press_site_tails`, a
    word of its own) are one name, the organisation; the paper alone was a shorter name than
    the one the text gives. A title in 《》 stays as it is."""
    starts = {m.start for m in chosen}
    endings = cues("press_endings") + cues("press_more_endings")
    for m in chosen:
        form = ctx.simple[m.start : m.end]
        if m.type != "organization" or not form.endswith(endings) or m.end in starts:
            continue
        if _in_title(ctx, m.start, m.end):
            continue
        k = ctx.token_range(m.end, len(ctx.simple)).start
        if k < len(ctx.tokens) and ctx.tokens[k][0] == m.end:
            s, e, _ = ctx.tokens[k]
            if ctx.simple[s:e] in cue_set("press_site_tails"):
                m.end = e
    return chosen


# A dateline's date and its word (6月2日 + 电, 3月5日 + 消息) right after the place it was filed
# from, and what may stand before the source that opens the line.
_DATELINE_AFTER = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯|消息)")
_LINE_OPENERS = "\n【】(（ 　"


def _dateline_sources(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """央广网 + 南宁 + 6月2日消息, 某某社 + 某市 + 3月5日电: the word that opens a line before a
    dateline's place and date and ends as a news site, an agency or a station does (网, 社,
    台) is the source that filed the report, an organisation, though no list knows it."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    found: list[_Mention] = []
    for m in chosen:
        if m.type != "place" or not _DATELINE_AFTER.match(ctx.simple, m.end):
            continue
        start = max(ctx.simple.rfind(c, 0, m.start) for c in _LINE_OPENERS) + 1
        source = ctx.simple[start : m.start]
        if not 2 <= len(source) <= 5 or not all_han(source) or source[-1] not in "网社台":
            continue
        if start in ctx.starts and not any(i in taken for i in range(start, m.start)):
            found.append(_Mention(start, m.start, "organization", _COMPOSED))
    return chosen + found
