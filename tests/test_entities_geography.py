"""Names in weather, disaster and water news: reservoirs, storms, chains of divisions."""

from __future__ import annotations

from app.core.analysis.analyzer import default_analyzer
from app.core.user.corrections import Corrections
from tests.conftest import named


def every_name(text: str) -> set[str]:
    found = default_analyzer().entities(text, corrections=Corrections())
    return {e.text for e in found} | {a for e in found for a in e.aliases}


def test_a_reservoir_the_dictionary_glosses_is_a_place():
    # CC-CEDICT: "Three Gorges Reservoir ...", "Zipingpu Reservoir, Sichuan".
    text = "今年汛期，三峡水库累计拦洪三次，紫坪铺水库也已蓄满。"
    assert {"三峡水库", "紫坪铺水库"} <= named("place", text)


def test_a_storms_quoted_name_is_no_person_nor_place():
    assert "玛丽亚" not in every_name("飓风“玛丽亚”正向佛罗里达半岛逼近。")
    names = every_name("颱風「白鹿」昨晚在屏東縣登陸。")
    assert "白鹿" not in names and "屏東縣" in names
    # quotes after another word keep the name, however stormy the sentence
    assert "陈建国" in named("person", "台风过后，村民“陈建国”告诉记者，房屋已经修好。")


def test_each_division_in_a_chain_is_a_place_where_the_segmenter_cut_across_them():
    # jieba: 恩施州/nr (a person), 沿/f 渡河/ns 镇罗坪村/ns, 龙合/nr 乡/n 果/ng 桃村/ns.
    places = named("place", "湖北省恩施州巴东县沿渡河镇罗坪村发生山体滑坡。")
    assert {"恩施州", "巴东县", "沿渡河镇", "罗坪村"} <= places
    assert "镇罗坪村" not in places
    places = named("place", "广西百色市那坡县龙合乡果桃村发生内涝。")
    assert {"龙合乡", "果桃村"} <= places and "桃村" not in places
    # jieba: 积石山/ns 县/zg 柳/n 沟/n 乡/n 阳/nr 山村/ns: the county's 县 opens no town
    places = named("place", "积石山县柳沟乡阳山村的安置点已搭建帐篷三百余顶。")
    assert {"积石山县", "柳沟乡", "阳山村"} <= places


def test_a_centre_named_for_its_work_is_a_body():
    found = named("organization", "国家海洋环境预报中心发布风暴潮橙色警报。")
    assert "国家海洋环境预报中心" in found
    # a centre people go to stays a place
    assert "朝阳区文化活动中心" in named("place", "市民可以到朝阳区文化活动中心参加讲座。")


def test_a_plain_named_by_its_region_is_one_place():
    # jieba: 江汉平原/ns, one word that opens with the region 江汉
    places = named("place", "三江平原、松嫩平原和江汉平原的水稻长势良好。")
    assert "江汉平原" in places and "江汉" not in places


def test_weather_that_names_a_firm_too_is_the_weather_in_weather_news():
    assert "暴雪" not in every_name("受暴雪影响，吉林长春至白城的列车晚点。")
    assert "暴雪" not in every_name("中央气象台今晨继续发布暴雪橙色预警。")
    assert "暴雪娱乐公司" in named("organization", "暴雪娱乐公司宣布推迟新游戏发布。")


def test_a_name_before_a_landform_word_is_the_landform():
    # jieba: 毛乌素/nr 沙地/n: the sandy land, not a person
    text = "鄂尔多斯高原的毛乌素沙地治理成效显著。"
    assert "毛乌素沙地" in named("place", text) and "毛乌素" not in named("person", text)
