"""Latin-script names (OpenAI, Ilya Sutskever, AGI Foundations), and the type of the list
they sit in."""

from __future__ import annotations

import re

from app.core.language.entities.given import _NOT_SURNAME_TAGS, _closes_name
from app.core.language.entities.lexicon import _CRF, _LATIN, _fold, cue_set, cues, longest_first
from app.core.language.entities.mentions import _Context, _Mention, _runs
from app.core.types import EntityType

_LATIN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[-.'&][A-Za-z0-9]+)*"


_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_LATIN_WORD}|\d+(?:\.\d+)?)(?: (?:{_LATIN_WORD}|\d+))*"
)


def _latin_type(words: list[str], ctx: _Context, start: int, end: int) -> EntityType | None:
    lex = ctx.lex
    last = words[-1]
    if last in cue_set("latin_org_words"):
        return "organization"
    if last in cue_set("latin_work_words"):
        return "work"
    if _fold(words[0]) in lex.known and len(words) > 1:
        return "work"  # "Google Scholar": a product of a known company
    if any(ch.isdigit() for w in words for ch in w) or any("-" in w for w in words):
        return "work"
    after = ctx.simple[end : end + 12]
    before = ctx.simple[max(0, start - 6) : start].rstrip()
    if after.lstrip().startswith(cues("org_cues_after")) or before.endswith(
        cues("org_cues_before")
    ):
        return "organization"  # Everlyn after 平台: a company, however person-like the name
    if _employer(before, after.lstrip()):
        return "organization"
    if after.lstrip().lower().startswith(cues("work_cues_after")) or before.endswith(
        cues("work_cues_before")
    ):
        return "work"
    return _latin_shape_type(words, ctx, before, after)


# The grades of the rating agencies' long-term scales (AAA, Baa2, B1, CCC; a trailing + or - is
# outside the Latin run): codes, not names.
_RATING_GRADE = re.compile(r"(?:A{1,3}|B{1,3}|C{1,3}|Aa|Baa|Ba|Caa|Ca)[123]?")


def rating_grade(ctx: _Context, start: int, end: int) -> bool:
    """从 Ba2 下调至 B1, 评级 AA: a code of a rating grade's shape with a rating word within a
    few characters, or 级 "grade" right after it (AAA级), is a grade a reader needs no entry for."""
    if not _RATING_GRADE.fullmatch(ctx.simple[start:end]):
        return False
    if ctx.simple[end : end + 1] == "级":
        return True
    near = ctx.simple[max(0, start - 12) : end + 12]
    return any(word in near for word in cues("rating_words"))


def _employer(before: str, after: str) -> bool:
    """在 Google 工作, 被 Google 收购, Google 的研究员: a place of work, a buyer, an employer."""
    if before.endswith(("在", "于")) and after.startswith(cues("work_place_after")):
        return True
    return after.startswith("的") and after[1:].lstrip().startswith(cues("staff_after"))


def _latin_shape_type(
    words: list[str], ctx: _Context, before: str, after: str
) -> EntityType | None:
    """The type a name's shape suggests when nothing around it says more."""
    lex = ctx.lex
    if all(w.isupper() for w in words):
        return "work" if len(words) == 1 else "organization"
    common = any(w.lower() in lex.english_words for w in words)
    if len(words) >= 2:
        if common:
            return "work"
        inner_capitals = any(ch.isupper() for w in words for ch in _after_particle(w)[1:])
        if len(words) <= 3 and all(w[0].isupper() for w in words) and not inner_capitals:
            return "person"  # but Google DeepMind, Reality Labs AI are not people
        if inner_capitals:
            return "organization"
        return None
    word = words[0]
    if any(ch.isupper() for ch in _after_particle(word)[1:]) or word[0].islower():
        if before.endswith(cues("person_cues_before")) or after.lstrip().startswith(
            cues("person_cues_after")
        ):
            return "person"
        return "organization"
    if common:
        return None
    return "person"


_SURNAME_PARTICLE = re.compile(r"(?:Mc|Mac|Le|La|De|Di|Du|Da|Van|Von|O')(?=[A-Z][a-z])")


def _after_particle(word: str) -> str:
    """LeCun, McCarthy, DiCaprio: a surname particle's capital is not a word inside a word."""
    m = _SURNAME_PARTICLE.match(word)
    return word[m.end() :] if m else word


def _latin_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    lex = ctx.lex
    text = ctx.simple  # its Latin is the original's, with full-width letters as ASCII
    for run in _LATIN_RUN.finditer(text):
        before = text[run.start() - 1 : run.start()]
        after = text[run.end() : run.end() + 1]
        scheme = before == ":" and text[run.start() - 2 : run.start() - 1].isascii()
        if (before and before in "/.=_@#&-") or scheme or (after and after in "/=_@-"):
            continue  # a URL, file name or handle, not a name (but 名人錄:OpenAI is one)
        if "." in run.group():
            continue
        words = [(m.start() + run.start(), m.group()) for m in re.finditer(r"\S+", run.group())]
        good: list[bool] = []
        for i, (_, w) in enumerate(words):
            capital = w[0].isupper() or any(ch.isupper() for ch in w[1:])
            name_like = capital and _fold(w) not in lex.stop and len(w) > 1
            if w[0].isdigit():
                name_like = i > 0 and good[i - 1]
            elif len(w) == 1 and w.isupper() and i > 0 and good[i - 1] and i == len(words) - 1:
                name_like = words[i - 1][1][1:].islower()  # "Alex K": a surname's initial
            good.append(name_like)
        # A title is not part of the name it introduces (CEO Nat Friedman, GitHub CEO Friedman).
        for i, (_, w) in enumerate(words):
            if w in cue_set("person_cues_before"):
                good[i] = False
        # A stop-listed word opens a longer name (AGI Foundations, AI Tech); alone it is none.
        for i in range(len(words) - 1, -1, -1):
            w = words[i][1]
            joined = i + 1 < len(words) and good[i + 1] and (w[0].isupper() or w.isupper())
            title = w in cue_set("person_cues_before")  # CEO Nat Friedman: Nat Friedman
            if not good[i] and joined and len(w) > 1 and not w[0].isdigit() and not title:
                good[i] = True
        # Let connectors ("of", "AI") sit between name words, and org words end a name.
        for i, (_, w) in enumerate(words):
            if good[i]:
                continue
            inner = (
                w in cue_set("latin_inner")
                and 0 < i < len(words) - 1
                and good[i - 1]
                and good[i + 1]
            )
            trailing = w in cue_set("latin_org_words") and i > 0 and good[i - 1]
            if inner or trailing:
                good[i] = True
        i = 0
        while i < len(words):
            if not good[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and good[j + 1]:
                j += 1
            while j > i and words[j][1] in cue_set("latin_inner") - {"AI"}:
                j -= 1
            chosen = [w for _, w in words[i : j + 1]]
            start = words[i][0]
            end = words[j][0] + len(words[j][1])
            etype = _latin_type(chosen, ctx, start, end)
            if etype is not None and len(chosen) <= 6 and not rating_grade(ctx, start, end):
                guessed = len(chosen) == 1 and etype == _latin_shape_type(chosen, ctx, "", "")
                out.append(_Mention(start, end, etype, _LATIN, guessed=guessed))
            i = j + 1
    return out


def _with_chinese_surname(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Jason王, Kevin 林: an English first name the Latin rules took for a person, then a
    Chinese surname standing alone where a name ends (before 表示, 是, punctuation) is one
    person, the way Taiwan and Hong Kong papers name people who go by an English name."""
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.priority != _LATIN or m.type != "person" or not _FIRST_NAME.fullmatch(form):
            continue
        if ctx.simple[m.start - 1 : m.start] in (" ", "-", "."):
            continue  # the last word of a longer Latin name
        at = m.end + (ctx.simple[m.end : m.end + 1] == " ")
        if ctx.simple[at : at + 1] not in ctx.lex.surnames or not _alone(ctx, at):
            continue
        if _closes_name(ctx, at + 1):
            m.end = at + 1
    return mentions


_FIRST_NAME = re.compile(r"[A-Z][a-z]+")


def _alone(ctx: _Context, at: int) -> bool:
    """A token of one character at `at` that jieba reads as no function word, adjective or
    verb (王/nr; not 王/nr + 小明 read as one name, nor 和/c, 曾/d)."""
    tokens = ctx.tokens_within(at, at + 1)
    return len(tokens) == 1 and tokens[0][:2] == (at, at + 1) and (
        tokens[0][2] not in _NOT_SURNAME_TAGS)


_LIST_GAP = re.compile(r"\s*(?:[、,，/]|和|与|及|以及|and|or)\s*")


def _weak_latin(ctx: _Context, m: _Mention) -> bool:
    """A single Latin word whose type was only a guess from its shape (the rules') or its
    letters (the tagger's: Don, Mostafa in a list of first names read as titles)."""
    form = ctx.simple[m.start : m.end]
    shaped = any(c.isdigit() or c == "-" for c in form)
    latin = form.isascii() and form.isalnum()
    return (m.priority in (_LATIN, _CRF) or m.guessed) and latin and not shaped


def _type_lists(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """UL2、U-PaLM、Synthesizer 和 Charformer: guessed members of a list take its members' type."""

    def listed(prev: _Mention, m: _Mention) -> bool:
        return bool(_LIST_GAP.fullmatch(ctx.simple[prev.end : m.start]))

    for run in _runs(mentions, listed):
        if len(run) < 3:
            continue
        strong = [m.type for m in run if not _weak_latin(ctx, m)]
        votes = strong if len(strong) >= 2 else [m.type for m in run] if _words(ctx, run) else []
        if not votes:
            continue
        best = max(set(votes), key=votes.count)
        if votes.count(best) * 2 > len(votes):
            for m in run:
                if _weak_latin(ctx, m):
                    m.type = best
    return mentions


def _words(ctx: _Context, run: list[_Mention]) -> bool:
    """Every member a capitalised word (Derek, Mostafa, Don): a list of first names or of
    titles, whose members' guesses may outvote one another; acronyms (SPL, MSL) are left to
    the members that are sure."""
    forms = [ctx.simple[m.start : m.end] for m in run]
    return all(f[:1].isupper() and f[1:].islower() for f in forms)


def _latin_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """ESPN卫视, TRW公司, oGs战队: a Latin name written right before a body's head word (a
    station, a company, a team) names that body, head included, whatever the name alone was
    taken for (an acronym alone reads as a title)."""
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        after = ctx.simple[m.end : m.end + 4]
        head = next((h for h in longest_first("latin_body_heads") if after.startswith(h)), "")
        if not head or m.end in starts or m.end + len(head) not in ctx.ends \
                or (m.type == "work" and m.priority != _LATIN) or not _LATIN_NAME.fullmatch(form):
            out.append(m)
            continue
        m = m.copy()
        m.end, m.type = m.end + len(head), "organization"
        out.append(m)
    return out


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&]*")
