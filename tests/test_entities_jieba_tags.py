"""Words jieba's own dictionary tags a place or a body that a reader sees no name in
(precision): two everyday words, a deed and its object, an everyday word ending in 讯."""

from __future__ import annotations

from tests.conftest import named


def test_a_word_of_two_everyday_words_tagged_a_body_is_no_body():
    # jieba tags 通信协议 and 信息安全 organisations (nt, nz): a protocol, a field of work
    assert not named("organization", "他们昨天谈到了通信协议。")
    assert not named("organization", "报告里多次提到信息安全这件事。")
    assert not named("organization", "报告里多次提到测量体温这件事。")
    # a name whose last word ends a body's name stays a body: a hotel, a numbered unit,
    # a telecom firm, an organisation, a central body
    assert "国宾酒店" in named("organization", "报告里多次提到国宾酒店这件事。")
    assert "第二炮兵" in named("organization", "报告里多次提到第二炮兵这件事。")
    assert "中兴通讯" in named("organization", "报告里多次提到中兴通讯这件事。")
    assert "基金组织" in named("organization", "报告里多次提到基金组织这件事。")
    # an oilfield, a school: 胜利 + 油田 names the oilfield
    assert "胜利油田" in named("organization", "报告里多次提到胜利油田这件事。")


def test_an_everyday_word_ending_in_xun_opens_no_news_source():
    # 喜讯 "good news", 通讯 "a feature story": the words before them are no news source
    assert not named("organization", "报告里多次提到喜讯这件事。")
    assert not named("organization", "可惜通讯里没有写到这件事。")
    # an agency's dateline still names the agency
    assert "新华社" in named("organization", "新华社讯 昨天，一家公司宣布了新的计划。")


def test_a_deed_and_what_it_is_done_to_is_no_place():
    # jieba tags 铺平道路, 重建家园 places and 统一安排 a body: a verb and its object
    assert not named("place", "这次改革为企业上市铺平道路。")
    assert not named("place", "灾后各地帮助灾民重建家园。")
    assert not named("organization", "他们昨天谈到了统一安排。")
    # a verb that opens a bank's or a paper's name leaves the name
    assert "建设银行" in named("organization", "建设银行今天公布了半年报。")
    assert "联合早报" in named("organization", "联合早报今天刊登了这篇评论。")
