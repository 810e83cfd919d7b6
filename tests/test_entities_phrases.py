"""Everyday phrases that jieba or the tagger read as bodies or places: no name there."""

from __future__ import annotations

from tests.conftest import named


def _bodies_and_places(text: str) -> set[str]:
    return named("organization", text) | named("place", text)


def test_a_verb_glued_to_a_bare_body_word_is_a_deed_not_a_name():
    assert not _bodies_and_places("数千名工人上街抗议政府提高燃油价格。")
    assert not _bodies_and_places("科技强军是新时代的重要课题。")
    assert not _bodies_and_places("各连队开展了爱军精神教育活动。")
    assert not _bodies_and_places("青年们热爱党，热爱祖国，立志报效社会。")
    # the given name 爱军 of a person stays the person
    assert "王爱军" in named("person", "王爱军是一名老兵。")


def test_a_bare_body_word_with_a_conjunction_is_no_place():
    assert "党和" not in named("place", "这种做法损害了党和政府的形象。")
    assert not named("organization", "我们的政府、人民和军队团结一致。")


def test_a_clause_ending_in_a_deed_on_a_body_is_no_body():
    assert not named("organization", "学校组织学生拥军优属，慰问军烈属。")
    assert "国防大学" in named("organization", "国防大学探索科技强军之路。")


def test_a_saying_about_land_is_no_place():
    assert not named("place", "这首民歌早已传遍大江南北。")
    assert not named("place", "搜救队在深山老林里找到了三名迷路的游客。")
    assert not named("place", "来自五洲四海的宾客齐聚一堂。")
    # a plateau named by its soil, and two named places side by side, stay places
    assert "黄土高原" in named("place", "黄土高原的水土流失得到遏制。")
    assert "天山" in named("place", "游客登上天山天池观赏雪景。")


def test_a_gang_or_a_household_described_is_no_body():
    assert not named("organization", "警方在边境捣毁了一个国际贩毒集团。")
    assert not named("organization", "一个国际走私集团落网。")
    assert not named("organization", "对普通家庭来说，买一辆车不是小事。")
    # a gang named by its city stays a body
    assert "麦德林贩毒集团" in named("organization", "麦德林贩毒集团的头目被捕。")
