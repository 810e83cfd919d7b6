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


def test_a_noun_and_a_word_of_degree_is_no_name():
    # jieba tags 范围广 a person (范 + 围广); the service's scope is wide
    assert not named("person", "新建的物流园区辐射范围广，带动了周边就业。")
    assert "王建国" in named("person", "王建国今天上午来到社区，看望了孤寡老人。")


def test_a_word_someone_has_is_the_everyday_word_not_its_namesake():
    # 孙子 is "grandson" and Sun Tzu: after 的 it is somebody's grandson
    assert not named("person", "这位老人的孙子在部队当兵，每年春节回家。")
    # a namesake that speaks is the person
    assert "孙子" in named("person", "孙子说，知己知彼，百战不殆。")


def test_a_thing_and_where_by_it_is_no_name():
    # 田/n + 头: the edge of the field, not 田 + a given name; 田 + 坛: athletics circles
    assert not named("person", "技术员来到田头，查看玉米的长势。")
    assert not named("person", "我国田坛今年涌现出一批新秀。")
    # a person of that surname stays a person
    assert "田华" in named("person", "田径教练田华说，新秀们进步很快。")
