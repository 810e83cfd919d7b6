"""Named entities for the side panel: people, organisations, places and works.

Two kinds of evidence meet here. A CRF tagger trained on annotated text (`tagger`, rebuilt by
`train` from CLUENER2020) reads every character in context; the rules supply what no training
text shows and what the tagger reads as features: the known-name list and the user's
corrections (`known`), Latin-script names (`latin`), names recognised by their shape —
《titles》, dotted transliterations, bylines (`shaped`) —, jieba's part-of-speech tags checked
against CC-CEDICT (`tagged`, with the gloss typing in `glosses`), and organisations composed of
an owner and a head such as 大学 or 财政部 (`composed`). `combine` decides where the two meet,
and `linking` merges the mentions of one entity (both scripts, short and full forms, "X(Y)"
glosses, nicknames, the dictionary's English name) into one `Entity`. Word lists live in
`dictionaries/entity_*.txt` (`lexicon`).
"""

from __future__ import annotations

from app.core.language.entities.bodies import (
    _allied_bodies,
    _bare_parties,
    _field_bodies,
    _firms_by_trade,
    _level_committees,
    _listed_bodies,
    _one_of_a_kind_bodies,
    _place_named_firms,
    _quoted_bodies,
    _short_school_names,
    _works_short_names,
)
from app.core.language.entities.combine import combine
from app.core.language.entities.composed import _composed_mentions
from app.core.language.entities.firms import _appositive_firms, _bare_brands, _firms_in_business
from app.core.language.entities.given import (
    _anonymised_people,
    _familiar_names,
    _ranked_players,
    _split_full_names,
)
from app.core.language.entities.glosses import NameDictionary
from app.core.language.entities.known import (
    _added_mentions,
    _equivalent_mentions,
    _known_mentions,
)
from app.core.language.entities.latin import (
    _latin_bodies,
    _latin_mentions,
    _type_lists,
    _with_chinese_surname,
)
from app.core.language.entities.lexicon import (
    _DICT,
    _DOTS,
    _KNOWN,
    _fold,
    cue_set,
    cues,
    load_lexicon,
)
from app.core.language.entities.lexicon import _Lexicon as Lexicon
from app.core.language.entities.linking import (
    _add_part_mentions,
    _body_short_mentions,
    _firm_short_mentions,
    _merge,
    _nickname_mentions,
    _paren_alias_mentions,
    _trim_glued_names,
)
from app.core.language.entities.mentions import (
    Tagged,
    _Context,
    _Mention,
    _resolve_overlaps,
    prepare,
)
from app.core.language.entities.people import _before_match_time, _kin_homes, _not_state_sides
from app.core.language.entities.regions import (
    _basin_rivers,
    _compass_continents,
    _great_regions,
    _province_parts,
)
from app.core.language.entities.routes import _route_names
from app.core.language.entities.shaped import (
    _COUNTED_STATES,
    _byline_names,
    _congress_mentions,
    _country_pairs,
    _courtesy_names,
    _dateline_places,
    _dotted_mentions,
    _dotted_tagged_names,
    _edition_names,
    _foreign_speakers,
    _japanese_full_names,
    _media_mentions,
    _named_people,
    _named_state_initials,
    _pen_names,
    _placed_short_foreign_names,
    _quoted_mentions,
    _region_coordinations,
    _titled_chinese_names,
    _titled_foreign_names,
    _titled_japanese_names,
    _translit_runs,
)
from app.core.language.entities.tagged import _tagger_mentions
from app.core.language.entities.tagger import EntityTagger
from app.core.types import Entity
from app.core.user.corrections import Corrections

__all__ = [
    "EntityTagger", "Lexicon", "NameDictionary", "find_entities", "load_lexicon", "prepare",
    "rule_mentions",
]  # fmt: skip


def _drop_unwanted(
    ctx: _Context, mentions: list[_Mention], corrections: Corrections
) -> list[_Mention]:
    """Stop-listed words and the names the user said are not names, from any source; a
    "person" whose given name would be a pronoun (祝 + 你们 节日快乐 is a wish, not 祝你们);
    one right after an amount or 第 (3亿 + 马克 is money, 第 + 五代 a generation); one right
    before a word for a market index (恒生 + 指数, 道琼斯 + 工业指数: the index's name); and a
    transliterated one before a word for an illness (帕金森 + 病: the disease named after him);
    a storm's quoted name (台风 + “某某”) and weather that names a firm too (受 + 暴雪 + 影响);
    a "body" that ends in a count of parties or states (朝野 + 两党), and a count of states
    jieba tagged a place (欧洲 + 三国/ns: three states, not a place called 三国); and a
    surname with 姓 (林 + 姓 + 男子: "surnamed Lin" names no one)."""
    unwanted = ctx.lex.stop | corrections.ignored_keys()
    pronouns, indexes = cue_set("pronouns"), cues("index_words")
    return [
        m for m in mentions
        if _fold(ctx.simple[m.start : m.end]) not in unwanted
        and not (m.type == "person" and ctx.simple[m.start + 1 : m.end] in pronouns)
        and not (m.type == "person" and _counted(ctx.simple[m.start - 1 : m.start]))
        and not (m.type == "person" and ctx.simple.startswith(indexes, m.end))
        and not (m.type == "person" and _named_illness(ctx, m))
        and not (m.type == "person" and _hospital_department(ctx, m))
        and not (m.type == "organization" and _gathered(ctx, m))
        and not (m.type == "place" and _COUNTED_STATES.fullmatch(ctx.simple[m.start : m.end]))
        and not (m.type == "person" and _only_surnamed(ctx, m))
        and not _storm_name(ctx, m)
        and not _weather_event(ctx, m)
    ]  # fmt: skip


def _weather_event(ctx: _Context, m: _Mention) -> bool:
    """受 + 暴雪 + 影响, 遭遇 + 暴雪, 暴雪 + 橙色预警: a word for weather that also names a firm
    (暴雪, the games company) is the weather where weather words stand around it."""
    if ctx.simple[m.start : m.end] not in cue_set("weather_events"):
        return False
    before = ctx.simple[max(0, m.start - 2) : m.start]
    return before.endswith(cues("weather_before")) or ctx.simple.startswith(
        cues("weather_after"), m.end
    )


# Opening and closing quotation marks around a storm's name (台风“某某”, 颱風「某某」).
_OPENING_QUOTES, _CLOSING_QUOTES = "“「『‘\"", "”」』’\""


def _storm_name(ctx: _Context, m: _Mention) -> bool:
    """台风“海鸥”, 飓风“某某”: the quoted name of a typhoon or hurricane names the storm, not
    a person, a place or a body (weather news names storms after birds, flowers, people and
    places)."""
    if m.start < 3 or ctx.simple[m.start - 1] not in _OPENING_QUOTES:
        return False
    if ctx.simple[m.end : m.end + 1] not in _CLOSING_QUOTES:
        return False
    return ctx.simple[: m.start - 1].endswith(cues("storm_words"))


def _gathered(ctx: _Context, m: _Mention) -> bool:
    """朝野 + 两党, 中美 + 两国: a word that counts the parties or states named before it ends
    no body's name (jieba's dictionary lists 朝野两党 as one body)."""
    form = ctx.simple[m.start : m.end]
    return m.priority < _KNOWN and any(
        form.endswith(w) and len(form) > len(w) for w in cues("joint_states")
    )


def _only_surnamed(ctx: _Context, m: _Mention) -> bool:
    """林 + 姓 + 男子, 一位陈姓女士: "surnamed Lin" hides the person as 某 does, but no name is
    given (the surname stands as a word of description), so the panel lists none."""
    form = ctx.simple[m.start : m.end]
    return len(form) >= 2 and form[-1] == "姓" and form[:-1] in ctx.lex.surnames


def _hospital_department(ctx: _Context, m: _Mention) -> bool:
    """麻醉 + 科 after a hospital or before its doctors (某医院 + 麻醉科, 麻醉科 + 医生): an
    everyday word and 科 are a department, however name-like its first character (麻, 皮)."""
    form = ctx.simple[m.start : m.end]
    if len(form) != 3 or form[-1] != "科":
        return False
    if not any(not e.proper for e in ctx.entries.get(form[:2], ())):
        return False  # 王立 + 科: a given name, not a field
    return ctx.simple[: m.start].endswith("医院") or ctx.simple.startswith(
        cues("clinic_words"), m.end
    )


def _named_illness(ctx: _Context, m: _Mention) -> bool:
    """A transliterated name right before a word for an illness (某某 + 病, + 综合征) or an
    instrument named after a scientist (某某 + 空间望远镜) is the illness's or the
    instrument's name; a Chinese name there is a person falling ill (张三 + 病了) or their
    condition (+ 病情), so only transliteration characters (and a name's dots) count."""
    form = ctx.simple[m.start : m.end]
    if len(form) < 2 or not all(ch in ctx.lex.translit or ch in _DOTS for ch in form):
        return False
    if ctx.simple.startswith(cues("eponym_heads"), m.end):
        return True
    return ctx.simple.startswith(cues("disease_words"), m.end) and (
        ctx.simple[m.end + 1 : m.end + 2] not in ("了", "倒", "逝", "故", "情")
    )


def _counted(before: str) -> bool:
    """The character before a span makes it an amount's unit or an ordinal."""
    return bool(before) and (before.isdigit() or before in "第万亿")


def _split_coordinations(
    mentions: list[_Mention], runs: list[tuple[int, int, list[_Mention]]]
) -> list[_Mention]:
    """京津冀, 青藏高原: the places of a coordination replace a mention reading its run as one
    name (one starting with the run and ending within the region word after it), and any
    mention from the run into that word (韩三国/ns, 三国 of 英法德三国: a count of states)."""
    for start, end, places in runs:
        run_end = places[-1].end
        mentions = [
            m for m in mentions
            if not (m.start == start and run_end <= m.end <= end)
            and not (start <= m.start < end and run_end < m.end <= end)
            and not (end > run_end and _inside_run(m, start, run_end))
        ]  # fmt: skip
        mentions += places
    return mentions


def _inside_run(m: _Mention, start: int, run_end: int) -> bool:
    """闽粤 of 闽粤赣 + 三省, 陕蒙 of 晋陕蒙 + 交界: a place guessed from two or more of a
    coordination's places, before its region word, is the run cut wrong (the lists' names
    stay)."""
    return (
        m.type == "place" and m.priority < _KNOWN and start <= m.start and m.end <= run_end
        and 2 <= m.length < run_end - start
    )  # fmt: skip


def rule_mentions(ctx: _Context, corrections: Corrections) -> list[_Mention]:
    """The lexicon's and the rules' mentions, overlaps resolved (the tagger's features)."""
    pairs = _country_pairs(ctx)
    mentions = (
        _known_mentions(ctx)
        + _equivalent_mentions(ctx)
        + _latin_mentions(ctx)
        + _dotted_mentions(ctx)
        + _dotted_tagged_names(ctx)
        + _quoted_mentions(ctx)
        + _tagger_mentions(ctx)
        + _translit_runs(ctx)
        + _titled_foreign_names(ctx)
        + _placed_short_foreign_names(ctx)
        + _titled_chinese_names(ctx)
        + _titled_japanese_names(ctx)
        + _japanese_full_names(ctx)
        + _foreign_speakers(ctx)
        + _byline_names(ctx)
        + _congress_mentions(ctx)
        + _edition_names(ctx)
        + _composed_mentions(ctx)
        + _level_committees(ctx)
        + _bare_parties(ctx)
        + _short_school_names(ctx)
        + _listed_bodies(ctx)
        + _one_of_a_kind_bodies(ctx)
        + _allied_bodies(ctx)
        + _field_bodies(ctx)
        + _works_short_names(ctx)
        + _firms_by_trade(ctx)
        + _place_named_firms(ctx)
        + _firms_in_business(ctx)
        + _bare_brands(ctx)
        + _quoted_bodies(ctx)
        + _media_mentions(ctx)
        + _dateline_places(ctx)
        + _named_people(ctx)
        + _courtesy_names(ctx)
        + _pen_names(ctx)
        + _split_full_names(ctx)
        + _ranked_players(ctx)
        + _anonymised_people(ctx)
        + _named_state_initials(ctx)
        + _familiar_names(ctx)
        + _route_names(ctx)
        + _province_parts(ctx)
        + _basin_rivers(ctx)
        + _compass_continents(ctx)
        + _great_regions(ctx)
    )
    # 中印 + 边界, 埃中 + 两国关系: the pair is two states, not the word jieba or CC-CEDICT
    # makes of it (the longer mention would otherwise win).
    joined = {(a.start, b.end) for a, b in zip(pairs[::2], pairs[1::2], strict=True)}
    mentions = [
        m for m in mentions if (m.start, m.end) not in joined and not _across_pair(m, pairs)
    ] + pairs
    mentions = _split_coordinations(mentions, _region_coordinations(ctx))
    mentions = _not_state_sides(ctx, mentions, mentions)
    mentions += _added_mentions(ctx, corrections)
    mentions = _drop_unwanted(ctx, _with_chinese_surname(ctx, mentions), corrections)
    return _trim_glued_names(ctx, _type_lists(ctx, _resolve_overlaps(mentions)))


def _across_pair(m: _Mention, pairs: list[_Mention]) -> bool:
    """中 + 韩建交/nr: a guess that takes the second of a pair of states into a longer word
    (the pair and the word of relations after it say where the state ends). A body the pair
    opens (美中 + 经贸促进会) and the lists' names stay."""
    if m.priority >= _KNOWN:
        return False
    for first, second in zip(pairs[::2], pairs[1::2], strict=True):
        if m.start < second.end and first.start < m.end and not (
            (m.start == first.start and m.end > second.end) or (m.start, m.end) in (
                (first.start, first.end), (second.start, second.end))
        ):
            return True
    return False


def _names_in_titles(
    ctx: _Context, mentions: list[_Mention], dictionary: NameDictionary, corrections: Corrections
) -> list[_Mention]:
    """《巴塞罗那游记》, 《走遍上海》: a place a title names is a place of the text too (the
    title stays a work); the rules read the title as a text of their own. Only places the
    name lists or the dictionary know: people and bodies guessed inside titles of games and
    films were wrong as often as right (the CLUENER slice -0.005 with them, -0.001 without)."""
    out: list[_Mention] = []
    for m in mentions:
        inside = ctx.tiling(m.start, m.end)
        titled = ctx.simple[m.start - 1 : m.start] == "《" and ctx.simple[m.end : m.end + 1] == "》"
        if m.type != "work" or not titled or not inside or m.length < 3:
            continue
        tagged = [(s - m.start, e - m.start, t) for s, e, t in inside]
        sub = prepare(ctx.text[m.start : m.end], tagged, dictionary, ctx.lex)
        for n in rule_mentions(sub, corrections):
            form = sub.simple[n.start : n.end]
            entries = sub.entries.get(form, ())
            if entries and not any(e.proper for e in entries):
                continue  # 《流浪地球》: 地球 "the earth", an everyday word of the title
            known = n.priority >= _DICT or bool(entries)
            if n.type == "place" and n.length < m.length and known:
                n.start, n.end = n.start + m.start, n.end + m.start
                out.append(n)
    return out


def find_entities(
    text: str,
    tagged: Tagged,
    *,
    dictionary: NameDictionary,
    tagger: EntityTagger | None,
    corrections: Corrections | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[Entity, ...]:
    """Entities of `text` (either script), most mentioned first; `tagged` = the segmenter's
    `segment_tagged(text)`.

    The Analyzer passes its dictionary and tagger (None: the rules alone); the name lists
    default to the shipped ones, the corrections to the saved ones (read only)."""
    if not text:
        return ()
    ctx = prepare(text, tagged, dictionary, lexicon)
    if corrections is None:  # read only: the window and the CLI report a damaged file
        corrections = Corrections.load(set_aside=False)
    mentions = rules = rule_mentions(ctx, corrections)
    if tagger is not None and tagger.available:
        tagged_spans, support = tagger.tag_and_support(ctx, mentions)
        mentions = combine(ctx, mentions, tagged_spans, support)
        mentions = _latin_bodies(ctx, _type_lists(ctx, _drop_unwanted(ctx, mentions, corrections)))
    mentions = _appositive_firms(ctx, mentions, rules)
    mentions = _kin_homes(ctx, _before_match_time(ctx, mentions))
    mentions += _names_in_titles(ctx, mentions, dictionary, corrections)
    mentions = _add_part_mentions(ctx, _paren_alias_mentions(ctx, mentions))
    mentions = _body_short_mentions(ctx, _firm_short_mentions(ctx, mentions))
    mentions = _nickname_mentions(ctx, mentions)
    return tuple(_merge(ctx, mentions, dictionary))
