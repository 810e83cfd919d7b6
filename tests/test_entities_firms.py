"""Firms named with everyday words, used bare (invented names and sentences)."""

from __future__ import annotations

from tests.conftest import named


def test_a_firm_after_a_descriptor_in_apposition_is_named():
    assert "松涛银行" in named("organization", "南方第二大银行松涛银行今天发布了年报。")
    assert "晴川汽车" in named("organization", "老牌车企晴川汽车宣布关闭两家工厂。")
    assert "春晖信托" in named("organization", "其子公司春晖信托已于上月完成改组。")


def test_a_firm_before_its_chairman_or_share_price_is_named():
    assert "白鹭证券" in named("organization", "白鹭证券分析师认为，下半年行情仍将分化。")
    assert "秋实电力" in named("organization", "秋实电力股价昨天大涨。")


def test_a_kind_of_firm_or_a_pointed_at_firm_names_none():
    assert named("organization", "部分银行员工反映工作压力较大。") == set()
    assert named("organization", "这一企业智力资本的积累十分重要。") == set()


def test_the_descriptor_before_a_firm_is_no_part_of_its_name():
    found = named("organization", "知名家电企业美的宣布进军机器人行业。")
    assert "美的" in found and not any(name.startswith("家电") for name in found)
    assert "中国银行" in named("organization", "国有银行中国银行已下调存款利率。")
    # a body's department, a branch or 有限公司 after the firm's own name is no apposition
    assert "晴川集团有限公司" in named(
        "organization", "晴川集团有限公司董事长林海涛出席了签约仪式。"
    )


def test_a_firm_before_a_time_word_or_a_former_office_is_named():
    # 乳企 + 青苗 + 乳 + 业: the trade cut into characters; 今年/近日 or 原 between name and deed
    assert "青苗乳业" in named("organization", "国内第二大乳企青苗乳业今年营收明显下滑。")
    assert "松风文具" in named("organization", "松风文具近日发布公告称将回购股份。")
    assert "长岭保险" in named("organization", "长岭保险原董事长被提起公诉。")


def test_a_brand_word_before_a_firms_deed_is_named():
    assert "顺丰" in named("organization", "民营快递企业顺丰宣布上调快递员工资。")
    assert "格力电器" in named("organization", "格力电器董事长昨天出席了论坛。")
    assert "丰田汽车" in named("organization", "丰田汽车社长宣布了新的电动车计划。")


def test_an_everyday_word_with_a_share_price_or_subsidiaries_is_a_firm():
    assert "远景" in named("organization", "远景旗下的两家子公司宣布合并。")
    assert "平安" in named("organization", "平安股价周三上涨百分之三。")
    # a word for firms or shares there, and the same words in everyday use, name none
    assert named("organization", "公司旗下的三家酒店今年全部翻新。") == set()
    assert named("organization", "个股股价普遍下跌。") == set()
    assert named("organization", "平安出行是每个家庭的心愿。") == set()
    assert named("organization", "国民经济持续恢复，大众消费明显回暖。") == set()
