"""A last step of the merge (`combine`) for everyday phrases read as names: a verb glued to a
word for a body or land (热爱 + 党, 抗议 + 政府, 强 + 军) or such a word with a conjunction
glued on (党 + 和) is a deed or half of a pair, and names nothing.
"""

from __future__ import annotations

from app.core.language.entities.lexicon import _KNOWN, cue_set
from app.core.language.entities.mentions import _Context, _Mention


def _not_deeds_on_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Drops a body or place that is only a verb and a bare body word ([verbs_on_bodies] +
    [bare_bodies]: 热爱祖国, 爱军) or a bare body word and a conjunction (党和); a name the lists
    know stays (a person 爱军 is untouched: only bodies and places are read so)."""
    return [m for m in mentions if not _deed_on_a_body(ctx, m)]


def _deed_on_a_body(ctx: _Context, m: _Mention) -> bool:
    if m.type not in ("organization", "place") or m.priority >= _KNOWN:
        return False
    form = ctx.simple[m.start : m.end]
    bare = cue_set("bare_bodies")
    if form[-1] in cue_set("glued_conjunctions") and form[:-1] in bare:
        return True
    verbs = cue_set("verbs_on_bodies")
    return any(form[:cut] in verbs and form[cut:] in bare for cut in range(1, len(form)))
