"""Organisations by their structure: schools (invented sentences)."""

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

