"""Bodies jieba's dictionary tags nt, in plain news sentences (invented sentences): a body
CC-CEDICT glosses in lower case by its English name, and military commands named by their
region."""

from __future__ import annotations

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.user.corrections import Corrections


def _found(text: str) -> set[tuple[str, str]]:
    found = default_analyzer().entities(text, corrections=Corrections())
    return {(text[s:t], e.type) for e in found for s, t in e.spans}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # "PRC sports and physical culture commission": lower case, but one body
        ("据国家体委统计，去年参加长跑的人数有所上升。", "国家体委"),
        # "International Chess Federation": a name, though the entry's reading is lower case
        ("国际棋联负责人在会上说，明年的比赛将在南方举行。", "国际棋联"),
        # "China National Offshore Oil Corporation": every word capitalised
        ("他大学毕业后曾在中海油工作多年。", "中海油"),
    ],
)
def test_a_body_cedict_glosses_by_its_english_name_is_listed(text, body):
    assert (body, "organization") in _found(text)


def test_a_kind_of_thing_glossed_in_lower_case_stays_a_word():
    # 中草药/nt is "Chinese herbal medicine": a kind of thing, no body
    assert not {f for f, _ in _found("这家药店的中草药价格今年有所上升。")} & {"中草药"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("他曾在华北军区工作多年，后来调到地方。", "华北军区"),
        ("据天津警备区统计，今年参加演练的人数有所上升。", "天津警备区"),
        ("他曾在上海警备区工作多年。", "上海警备区"),
    ],
)
def test_a_military_command_is_a_body_not_its_region(text, body):
    found = _found(text)
    assert (body, "organization") in found
    assert not any(t == "place" and form in body for form, t in found)
