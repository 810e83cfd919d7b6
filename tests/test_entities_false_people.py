"""Everyday phrases that open with a surname's character are no person (precision)."""

from __future__ import annotations

from tests.conftest import named


def test_a_count_of_things_opens_a_description_not_a_name():
    # jieba tags 高素质 a person (高 + 素质); after 一批 it describes the workers
    assert not named("person", "企业急需一批高素质的技术工人。")
    # 那张 + 小巧的: 张 counts the ticket, even where the tagger reads 张小巧
    assert not named("person", "她拿着那张小巧的车票，在站台上等了很久。")
    # a person after a count of people, or of works, stays a person
    assert "林墨轩" in named("person", "他收藏了一幅林墨轩的山水画。")
    assert "李明亮" in named("person", "这条消息是李明亮最先发现的。")


def test_a_party_the_text_points_at_is_no_surname_before_a_title():
    # 全党 + 同志: the whole party's comrades, not a comrade surnamed 党
    assert not named("person", "全党同志要牢记宗旨，密切联系群众。")
    # a surname before a title still stands for the person
    assert "党" in named("person", "党主任当天主持了会议。")
