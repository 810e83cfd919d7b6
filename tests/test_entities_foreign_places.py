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


def test_a_town_after_a_word_for_its_kind_is_named_whole():
    # jieba: 小镇 + 霍尔斯/nr + 滕/nr + 贝格/nrt, read as a place and a person
    text = "位于北欧的小镇霍尔斯滕贝格迎来首批游客。"
    assert "霍尔斯滕贝格" in named("place", text)
    assert not named("person", text)
    # 城市 + 卡尔/nrt + 托夫斯/nr + 克/m: the last piece is no gram
    assert "卡尔托夫斯克" in named("place", "该国西部城市卡尔托夫斯克气温降至零下四十度。")
    # 小城 + 梅尔/nr + 克斯/nrt + 堡/ng: a town, not a firm
    text = "多瑙河畔的小城梅尔克斯堡迎来旅游旺季。"
    assert "梅尔克斯堡" in named("place", text)
    assert not named("organization", text)
    assert "莱文斯堡" in named("place", "首都莱文斯堡的街头恢复平静。")
    # 小镇 + 圣/j + 莫里茨/nrt: a Saint's town, not a person
    assert "圣莫里茨" in named("place", "阿尔卑斯山区的小镇圣莫里茨举办冬季运动会。")
    # a person after the word, and a town the lists know, stay as they were
    assert "王小明" in named("person", "这座城市王小明从小就很熟悉。")
    assert "西安" in named("place", "记者走访了首都北京和古城西安。")


def test_a_state_of_a_federation_is_a_place():
    # jieba: 印度 + 北方邦/nt; the rules composed one body with the country
    text = "印度北方邦首府举行集会。"
    assert "印度北方邦" in named("place", text)
    assert not named("organization", text)
    # an unknown state, one word jieba tagged a person's name
    assert "卡纳帕邦" in named("place", "该国北部的卡纳帕邦遭遇暴雨。")
    # a firm whose short name ends so stays a firm
    assert "德邦公司" in named("organization", "德邦公司发布了年报。")


def test_a_city_before_a_word_of_meeting_is_where_the_meeting_is_held():
    # the tagger reads 维也纳会议 as a body's name and types the city an organisation
    text = "代表们提议明年5月维也纳会议应重点讨论预算问题。"
    assert "维也纳" in named("place", text)
    assert not named("organization", text)
