"""Small places of local news: development zones, stations and other sites named after a town."""

from __future__ import annotations

from tests.conftest import named


def test_a_zone_named_after_a_town_is_one_place():
    text = "清江经济技术开发区今年引进项目四十二个，落户长岭高新区的企业已超过三百家。"
    places = named("place", text)
    assert {"清江经济技术开发区", "长岭高新区"} <= places
    assert not {"清江", "长岭"} & places


def test_a_station_named_after_a_town_is_one_place():
    places = named("place", "春运期间，乘客在临江火车站排队进站。")
    assert "临江火车站" in places
    assert "临江" not in places


def test_a_county_and_its_streets_stay_apart():
    # 某县 + 大街上: the county's streets, no street named 某县大街.
    assert "青川县" in named("place", "记者走访青川县大街上的几家老店。")


def test_a_zone_before_its_committee_is_left_to_the_body():
    text = "白鹭新区管委会主任介绍了新区的规划。"
    assert "白鹭新区" not in named("place", text)


def test_a_village_party_branch_is_named_with_its_village():
    text = "白石村党支部书记王秀兰说，大寨村党支部也来取经。"
    bodies = named("organization", text)
    assert {"白石村党支部", "大寨村党支部"} <= bodies
    assert not {"村党支部", "大寨村党"} & bodies


def test_a_village_committee_stops_at_the_committee():
    text = "桃园村村委会组织村民打扫卫生，桂花社区居委会开展了义诊活动。"
    bodies = named("organization", text)
    assert {"村委会", "桂花社区居委会"} <= bodies  # 某某村 + 村委会: the village stays a place
    assert not any("打扫" in body for body in bodies)
    assert "桃园村" in named("place", text)


def test_a_bridge_named_for_a_word_jieba_calls_a_name_is_one_place():
    # 望月 is also "full moon"; before 大桥 jieba reads it as a name, and the bridge is named.
    assert "望月大桥" in named("place", "长江上又一座大桥——望月大桥合龙。")


def test_a_subdistrict_is_named_whole_but_a_citys_streets_are_not():
    text = "家住东城区和平里街道的王大爷今年八十岁，他以前住在荣湖街道。"
    places = named("place", text)
    assert {"和平里街道", "荣湖街道"} <= places
    assert "和平里" not in places
    assert "北京街道" not in named("place", "他走在北京街道上，看见很多人。")
