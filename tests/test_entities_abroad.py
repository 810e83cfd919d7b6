"""Names in world news: foreign and international bodies (ministries, seats of power)."""

from __future__ import annotations

from tests.conftest import named


def test_a_japanese_ministry_ending_in_the_province_character_is_one_body():
    # jieba: 日本 + 财务 + 省 (or one unknown word 日本某某省/nt); 省 ends provinces at home
    assert "日本财务省" in named("organization", "日本财务省公布的数据显示，顺差扩大。")
    assert "日本环境省" in named("organization", "日本环境省宣布了新的减排目标。")
    assert "日本外务省" in named("organization", "日本外务省发言人在记者会上回应提问。")
    # CC-CEDICT glosses 外务省 a foreign ministry: alone it is the body too
    assert "外务省" in named("organization", "外务省发言人当天表示遗憾。")
    # a province of China, and 日本 before a province's word, stay as they were
    assert "山东省" in named("place", "他去年调到山东省工作。")
    assert not named("organization", "他在全省各地开展调研，并到外省学习经验。")


def test_a_seat_of_power_that_speaks_is_the_institution():
    assert "白宫" in named("organization", "白宫当天发表声明，宣布总统将于下周出访。")
    assert "五角大楼" in named("organization", "五角大楼发言人说，两艘军舰已抵达。")
    assert "克里姆林宫" in named("organization", "克里姆林宫表示，总统将与对方通电话。")
    assert "韩国总统府" in named("organization", "韩国总统府当天表示，将召开紧急会议。")
    # where it stands or is worked in, it stays the building
    assert "白宫" in named("place", "游客在白宫外拍照留念。")
    assert "白宫" not in named("organization", "游客在白宫外拍照留念。")


def test_a_body_the_states_form_for_their_relations_is_named_whole():
    # 合作 is a word of relations (某某 + 合作 reads as the places' co-operation), but a name
    # that ends as a body's does names one body
    assert "伊斯兰合作组织" in named("organization", "伊斯兰合作组织召开特别会议。")
    # after a count of the states the bodies are several: the states are the names
    text = "法德两国相关银行联合发布了报告。"
    assert {"法", "德"} <= named("place", text)
    assert not named("organization", text)


def test_a_group_named_by_a_count_of_states_takes_the_whole_number():
    # jieba: 二/m + 十国集团/nt
    assert "二十国集团" in named("organization", "二十国集团峰会在南美某城举行。")
    assert "十国集团" not in named("organization", "二十国集团峰会在南美某城举行。")
    assert "七国集团" in named("organization", "七国集团外长会议在东京举行。")


def test_a_chamber_named_after_its_parliament_is_one_body():
    # jieba: 英国议会/nt + 下院/n, 英国议会/nt + 上/f + 院/n
    assert "英国议会下院" in named("organization", "英国议会下院就该协议进行了表决。")
    assert "英国议会上院" in named("organization", "英国议会上院否决了这项修正案。")
    # the parliament alone stays the parliament
    assert "英国议会" in named("organization", "英国议会通过了这项修正案。")


def test_a_body_after_a_word_pointing_to_a_country_starts_after_it():
    # jieba: 该/r + 国/n + 议会/n; the tagger read 国议会
    assert "国议会" not in named("organization", "该国议会通过了新的预算。")
    assert "央行" in named("organization", "该国央行宣布降息。")
    # 此 of 因此 points to no country: the state's bureau stays whole
    assert "国家统计局" in named("organization", "因此国家统计局调整了口径。")
