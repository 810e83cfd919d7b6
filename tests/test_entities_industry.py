"""Names of industry, energy, farming and transport news (invented sentences)."""

from __future__ import annotations

from tests.conftest import named


def test_a_railway_or_road_named_by_the_places_it_joins_is_one_place():
    # the line whole, and the province of its section a place of its own
    assert {"沪昆高速公路", "贵州"} <= named("place", "沪昆高速公路贵州段因大雪临时封闭。")
    assert {"兰新高铁", "新疆"} <= named("place", "兰新高铁新疆段的冬季运输已经启动。")
    assert {"青藏铁路", "格尔木"} <= named("place", "青藏铁路格尔木至拉萨段新增两座监测站。")
    # a kind of line, or a railway to one named city, is no line's name
    assert named("place", "全省高速公路今年新增三百公里。") == set()
    assert "安康铁路" not in named("place", "这里将修建西安至安康铁路。")


def test_a_count_of_machines_ends_no_power_stations_name():
    # 两台 "two (units)": a number and a measure word, not 台 of 电视台
    text = "大亚湾核电站二期工程两台机组投入运行。"
    found = named("organization", text) | named("place", text)
    assert found and not any(name.endswith("两台") for name in found)


def test_a_place_the_dictionary_knows_only_by_a_cross_reference_is_still_a_place():
    # CC-CEDICT's 洋浦 and 阜平 say only "see ..."; jieba's place tag stands
    assert "洋浦" in named("place", "洋浦今年新引进二十个项目。")
    assert "阜平" in named("place", "阜平今年新修了三条公路。")


def test_a_port_named_after_a_word_is_not_hong_kong():
    assert "港" not in named("place", "重庆的菜园港多式联运项目通过验收。")
    assert "港" in named("place", "他明年赴港工作。")


def test_a_town_tagged_as_a_person_owns_the_power_company_after_it():
    assert "托克托发电公司" in named("organization", "托克托发电公司六号机组通过验收。")


def test_a_time_word_opens_the_clause_not_a_county():
    assert named("place", "今年全县粮食产量增加一成。") == set()


def test_farm_words_jieba_reads_as_names_are_none():
    assert named("person", "麦收已进入高峰，夏粮收购价格稳定。") == set()


def test_apples_on_a_farm_are_no_company():
    assert named("organization", "果农忙着采摘苹果，今年苹果产量增加。") == set()
    assert "苹果" in named("organization", "苹果发布新款手机。")


def test_apples_weighed_boxed_or_eaten_are_no_company():
    assert named("organization", "老人给孩子们送来两箱苹果，叫他们每天吃苹果。") == set()
    assert named("organization", "村民王大山卖了三百斤苹果。") == set()
    assert "苹果" in named("organization", "他买了一部苹果手机。")


def test_a_farm_cooperative_is_named_whole():
    # a brand jieba reads as a person (金穗) before the trade's verb (种植)
    found = named("organization", "白石县青山区金穗种植专业合作社理事长说，今年大蒜丰收。")
    assert "白石县青山区金穗种植专业合作社" in found
    assert "青松县红旗农机合作社" in named("organization", "青松县红旗农机合作社购置了三架无人机。")


def test_a_port_authority_named_after_a_town_is_not_hong_kong():
    # 白石 + 港 + 务: jieba reads the town as a person's name and 港 as Hong Kong
    assert "港" not in named("place", "白石港务集团党委书记孔繁宇出席仪式。")
