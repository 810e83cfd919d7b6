"""Names in world news: foreign towns and regions the dictionaries do not list, which the
segmenter cuts and the rules read as people (invented names throughout)."""

from __future__ import annotations

from tests.conftest import named


def test_a_transliterated_name_with_its_division_is_one_foreign_place():
    # jieba: 马尔/nr + 达维亚/nrt + 省/n; the rules read a person and a bare 省
    text = "该国西北部的马尔达维亚省遭遇严重干旱。"
    assert "马尔达维亚省" in named("place", text)
    assert not named("person", text)
    # jieba: 阿/j + 莫里亚/ns + 大/a + 区/n: a region (大区) is named whole
    assert "阿莫里亚大区" in named("place", "西班牙阿莫里亚大区政府召开紧急会议。")
    # a county (郡): jieba: 格伦斯/nr + 特郡/nr, 萨默林郡/nr
    assert "格伦斯特郡" in named("place", "英国格伦斯特郡一座小镇遭遇洪水袭击。")
    assert "萨默林郡" in named("place", "英国萨默林郡一座小镇遭遇洪水袭击。")


def test_a_foreign_town_cut_in_two_is_one_place():
    # jieba: 布莱顿/nr + 伍德市/nr, read as two places
    text = "美国得克萨斯州布莱顿伍德市举行了游行。"
    assert "布莱顿伍德市" in named("place", text)
    assert "伍德市" not in named("place", text)
    # a Saint opens the name: 圣/j + 塔/j + 莉/nrt + 娜/x + 市/n
    assert "圣塔莉娜市" in named("place", "美国加利福尼亚州圣塔莉娜市的居民被紧急疏散。")


def test_a_head_of_a_division_and_a_city_centre_stay_as_they_were():
    assert "约翰逊" in named("person", "约翰逊州长当天签署了法案。")
    assert "彼得罗夫" in named("person", "彼得罗夫市长在会上发言。")
