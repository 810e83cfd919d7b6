"""People CC-CEDICT knows: its gloss, and what the sentence says they do, name the type."""

from __future__ import annotations

from app.core.language.entities.glosses import _type_from_gloss
from tests.conftest import named


def test_a_dated_person_whose_name_ends_as_a_land_is_a_person():
    # "-ia" reads Russia or Asia as a place; a given name or a pinyin syllable ends so too
    assert _type_from_gloss(["Zhou Mingxia (1950-), Chinese painter"]) == "person"
    assert _type_from_gloss(["Lucia Marvell (1901-1980), British novelist"]) == "person"
    # a dated state with no role is still the state; a land is a land
    assert _type_from_gloss(["Greater Ruritania (1901-1920)"]) == "place"
    assert _type_from_gloss(["Slovenia"]) == "place"
    # in a sentence: Julia Kristeva, "(1941-), Bulgarian-French psychoanalyst"
    assert "克里斯蒂娃" in named("person", "会议期间，克里斯蒂娃同代表们进行了交谈。")


def test_a_region_that_is_also_a_statesman_is_the_person_who_meets_guests():
    # 威灵顿: the capital first in CC-CEDICT, the Duke of Wellington last
    assert "威灵顿" in named("person", "威灵顿今天在这里会见了来访的客人。")
    assert "威灵顿" in named("place", "他们去年去过威灵顿，那里风景很美。")


def test_a_person_glossed_by_one_bare_name_who_meets_guests_is_a_person():
    # 萨达姆 = "Saddam": the gloss gives no type, the meeting does
    assert "萨达姆" in named("person", "萨达姆今天在这里会见了来访的客人。")


def test_a_figure_of_antiquity_known_by_the_year_of_death_is_a_person():
    # CC-CEDICT dates some ancient people by their death alone: "(-193 BC)"
    assert _type_from_gloss(["Lu Ming (-193 BC), Han dynasty strategist"]) == "person"
    assert _type_from_gloss(["Lu Ming (-754), Tang dynasty poet"]) == "person"
