"""Names in religion and heritage news: shrines, temples and tombs, the bodies that hold events."""

from __future__ import annotations

from tests.conftest import named


def test_a_shrine_or_tomb_the_segmenter_tags_a_person_is_a_place():
    # jieba: 黄帝陵/nr, 何氏/nr + 宗祠/nr
    assert "黄帝陵" in named("place", "清明节前，市民前往黄帝陵祭扫。")
    assert "黄帝陵" not in named("person", "清明节前，市民前往黄帝陵祭扫。")
    assert "何氏宗祠" in named("place", "新建成的何氏宗祠占地两千平方米。")
    assert "何氏" not in named("person", "新建成的何氏宗祠占地两千平方米。")
    # a person named in the same news stays a person
    assert "李光富" in named("person", "道教协会副会长李光富在紫霄宫主持仪式。")


def test_a_body_is_not_read_across_the_verb_that_holds_an_event():
    # jieba: 银川/n + 举办/v + 书画/n + 研究会/n: the city, the verb, then a kind of body
    text = "他在银川举办书画研究会年会。"
    assert "银川" in named("place", text)
    assert not any("举办" in name for name in named("organization", text))
