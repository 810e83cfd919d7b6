"""Organisations by their structure: schools, a firm's works and mines (invented sentences)."""

from __future__ import annotations

from tests.conftest import named


def test_a_school_opening_with_its_city_and_district_is_an_organisation():
    # the whole school, not a place: its name opens with places, its last word is a school's
    text = "烟台市芝罘区向阳第二小学举行了开学典礼。"
    assert "烟台市芝罘区向阳第二小学" in named("organization", text)
    assert "烟台市芝罘区向阳第二小学" not in named("place", text)
    text = "宁波市江东区明湖第三幼儿园的孩子们种下了向日葵。"
    assert "宁波市江东区明湖第三幼儿园" in named("organization", text)
    assert "红星幼儿园" in named("organization", "他的女儿在红星幼儿园上大班。")


def test_a_works_or_a_mine_after_its_firms_name_is_one_name():
    text = "洛川石化公司炼油厂完成了年度检修。"
    assert named("organization", text) == {"洛川石化公司炼油厂"}
    text = "平阳矿业集团东岭煤矿连续安全生产八百天。"
    assert named("organization", text) == {"平阳矿业集团东岭煤矿"}
    text = "江北钢铁集团有限公司炼钢厂的高炉顺利点火。"
    assert named("organization", text) == {"江北钢铁集团有限公司炼钢厂"}


def test_a_firm_before_an_ordinary_word_keeps_its_own_name():
    # 工人 "workers" after a firm are no branch of it
    assert named("organization", "洛川石化公司工人今天休息。") == {"洛川石化公司"}


def test_a_school_after_a_district_jieba_reads_as_a_person_is_named_whole():
    # 越秀区 is tagged a person's name by the segmenter; no given name ends in 区
    text = "广州市越秀区东风小学的学生参观了博物馆。"
    assert "广州市越秀区东风小学" in named("organization", text)
    text = "广州市越秀区红旗幼儿园开展了安全演练。"
    assert named("organization", text) == {"广州市越秀区红旗幼儿园"}


def test_an_international_or_national_body_named_by_its_field_is_one_body():
    # 全球 + 珊瑚 + 基金: the segmenter's everyday words, one body of its kind
    assert "全球珊瑚基金" in named("organization", "全球珊瑚基金宣布向三个岛国提供资助。")
    # 国际 + 象联/ns: "international" and a federation's short name
    assert "国际象联" in named("organization", "国际象联将于下月召开代表大会。")


def test_a_kind_of_international_body_is_no_name():
    assert not named("organization", "多个国际救援组织已抵达灾区。")
    assert not named("organization", "国际人权组织批评了这一做法。")
