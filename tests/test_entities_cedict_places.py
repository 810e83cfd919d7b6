"""Places CC-CEDICT knows, in plain sentences: counties it names by their capitalised kind,
cities the tagger took for a person or, outside sports, for a club."""

from __future__ import annotations

from tests.conftest import named


def test_a_county_the_dictionary_names_with_its_kind_is_a_place():
    # CC-CEDICT: "Mizhi County in Yulin ...", "Fengxiang County in Baoji ...".
    assert "米脂" in named("place", "这批新种的苹果树上周运抵米脂。")
    assert "凤翔" in named("place", "省里的专家组明天在凤翔召开现场会。")
    # two characters of such a name inside other words are no county
    assert "小金" not in named("place", "他凭这部片子捧回了一座小金人。")


def test_a_city_the_tagger_took_for_a_person_stays_a_place():
    # jieba tags 常德 a name and the tagger reads a person before 的
    assert "常德" in named("place", "常德的老城区正在改造，街道焕然一新。")
    assert "常德" not in named("person", "常德的老城区正在改造，街道焕然一新。")


def test_a_city_the_tagger_took_for_a_club_is_a_place_outside_sports():
    text = "代表团一行昨晚抵达佛罗伦萨，将出席文化交流活动。"
    assert "佛罗伦萨" in named("place", text)
    # in a match report the city names its club
    assert "佛罗伦萨" in named("organization", "佛罗伦萨昨晚在主场以二比一击败了来访的对手。")


def test_a_city_whose_gloss_joins_its_kinds_is_one_place():
    # CC-CEDICT: "Yining city and county ...": one city, not 伊 (Iran) + 宁 (Ningxia)
    assert "伊宁" in named("place", "这趟货运班列今早从伊宁开出。")
    # a run of one-character places glossed "X and Y" stays that many places
    assert {"京", "津"} <= named("place", "京津两地的交通越来越便利。")
