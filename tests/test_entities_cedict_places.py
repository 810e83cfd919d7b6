"""Places CC-CEDICT knows, in plain sentences: counties it names by their capitalised kind."""

from __future__ import annotations

from tests.conftest import named


def test_a_county_the_dictionary_names_with_its_kind_is_a_place():
    # CC-CEDICT: "Mizhi County in Yulin ...", "Fengxiang County in Baoji ...".
    assert "米脂" in named("place", "这批新种的苹果树上周运抵米脂。")
    assert "凤翔" in named("place", "省里的专家组明天在凤翔召开现场会。")
    # two characters of such a name inside other words are no county
    assert "小金" not in named("place", "他凭这部片子捧回了一座小金人。")
