"""Named entities found in real sentences from the built-in articles."""

from __future__ import annotations

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.user.corrections import Corrections
from tests.conftest import named


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(tmp_path / "data"))


def entities(text: str, corrections: Corrections | None = None):
    return default_analyzer().entities(text, corrections=corrections or Corrections())


def by_name(found, name: str):
    for entity in found:
        if entity.text == name or name in entity.aliases:
            return entity
    return None


XAI = (
    "杨格是知名的数学家和AI研究员。在xAI和微软研究院工作期间，他一直致力于数学基础与深度学习理论"
    "方面的研究，是Grok的主要架构师之一。杨格毕业于哈佛大学，获得数学学士和计算机科学硕士学位。"
    "本科期间，他的导师是知名华人数学家、菲尔兹奖得主丘成桐。"
)


def test_names_are_found_with_their_type():
    found = entities(XAI)
    expected = {
        "杨格": "person",
        "丘成桐": "person",
        "xAI": "organization",
        "微软研究院": "organization",
        "哈佛大学": "organization",
        "Grok": "work",
        "菲尔兹奖": "work",
    }
    for name, etype in expected.items():
        entity = by_name(found, name)
        assert entity is not None, name
        assert entity.type == etype, name
    assert by_name(found, "杨格").count == 2


def test_common_words_are_not_names():
    text = (
        "杨格官宣退居二线的公开信。他决定退出xAI的日常事务，转为非正式顾问。"
        "从讀研期間就發表過論文，工作後也持續輸出，不然就轉型成了工程師或管理者。"
    )
    names = {e.text for e in entities(text)} | {a for e in entities(text) for a in e.aliases}
    for word in ("顾问", "公开信", "官宣", "論文", "後", "於", "东西", "工程師"):
        assert word not in names
    assert "杨格" in names


def test_a_pinyin_reading_left_by_a_damaged_page_is_no_name():
    # The built-in Felix Hill article: a portal's "經(jīng)驗" whose "(" a bad decode
    # swallowed, with the characters before it turned to mojibake.
    text = "請?zhí)峁┙?jīng)驗,看看我們是否能做到。"
    assert not any("jīng" in e.text for e in entities(text))


def test_traditional_article_names_and_english():
    text = "而在剛剛過去的2024年，谷歌DeepMind研究科學家菲利克斯·希爾(Felix Hill)意外離世。"
    text += "在離世前，菲利克斯·希爾已在DeepMind工作近9年。希爾在博客中提到壓力。"
    found = entities(text)
    hill = by_name(found, "菲利克斯·希爾")
    assert hill is not None and hill.type == "person"
    assert "Felix Hill" in hill.aliases and "希爾" in hill.aliases
    assert hill.count == 4
    assert hill.english == "Felix Hill"
    deepmind = by_name(found, "DeepMind")
    assert deepmind is not None and deepmind.type == "organization"


def test_short_and_full_latin_names_are_merged():
    text = (
        "前天，OpenAI 联合创始人兼首席科学家 Ilya Sutskever 宣布离职。"
        "Ilya 是谁？他曾与 Sam Altman 共事。Google DeepMind 和 DeepMind 的人也在看。"
    )
    found = entities(text)
    ilya = by_name(found, "Ilya Sutskever")
    assert ilya is not None and ilya.type == "person" and "Ilya" in ilya.aliases
    assert ilya.count == 2
    assert by_name(found, "Sam Altman").type == "person"
    gdm = by_name(found, "Google DeepMind")
    assert gdm is not None and gdm.count == 2
    spans = gdm.spans
    assert [text[s:e] for s, e in spans] == ["Google DeepMind", "DeepMind"]


def test_dictionary_names_in_both_scripts_get_english():
    found = entities("英偉達和紐約大學都在看。马斯克第一时间来到评论区问候。")
    assert by_name(found, "英偉達").english == "NVIDIA"
    assert by_name(found, "紐約大學").type == "organization"
    musk = by_name(found, "马斯克")
    assert musk.type == "person" and musk.english == "Elon Musk"


def test_text_saying_two_names_are_one_merges_them():
    found = entities("小扎（祖克柏）在公开信中宣布，祖克柏将亲自领导新团队。")
    zuck = by_name(found, "祖克柏")
    assert zuck is not None and "小扎" in zuck.aliases and zuck.count == 3


def test_user_corrections_apply():
    corrections = Corrections()
    corrections.ignore("丘成桐")
    corrections.add("智源", "organization")
    found = entities(XAI + "他也常在智源发言。", corrections)
    assert by_name(found, "丘成桐") is None
    zhiyuan = by_name(found, "智源")
    assert zhiyuan is not None and zhiyuan.type == "organization"


def test_entities_are_sorted_by_mentions_and_spans_point_at_the_text():
    found = entities(XAI)
    counts = [e.count for e in found]
    assert counts == sorted(counts, reverse=True)
    for entity in found:
        forms = {XAI[s:e] for s, e in entity.spans}
        assert forms == {entity.text, *entity.aliases}


def test_a_quoted_latin_paper_title_is_one_work():
    # openai-departures-after-sutskever.txt
    text = (
        "在此期间,Alex K、Ilya 以及 G. Hinton 一起完成了题为 "
        '"ImageNet Classification with Deep Convolutional Neural Networks "的著名 AlexNet 论文。'
    )
    found = entities(text)
    title = by_name(found, "ImageNet Classification with Deep Convolutional Neural Networks")
    assert title is not None and title.type == "work"
    assert by_name(found, "Deep Convolutional Neural Networks") is None


def test_a_spelled_out_name_in_brackets_is_the_same_work():
    text = "终于在 2022 年 11 月以 ChatGPT(Chat Generative Pre-trained Transformer)的名义发布。"
    chatgpt = by_name(entities(text), "ChatGPT")
    assert chatgpt is not None
    assert "Chat Generative Pre-trained Transformer" in chatgpt.aliases


def test_single_latin_names_in_a_list_of_papers_are_works():
    # yi-tay-returns-to-google.txt
    text = "一作論文包括 UL2、U-PaLM、DSI、Synthesizer、Charformer 和 Long Range Arena 等。"
    found = entities(text)
    for name in ("Synthesizer", "Charformer"):
        entity = by_name(found, name)
        assert entity is not None, name
        assert entity.type == "work", name


def test_first_names_in_a_list_of_thanks_are_all_people():
    # The tagger reads Don and Mostafa alone as titles; their list says who they are.
    text = "感谢这些年一起工作的同事：Bruno、Don、Mostafa、Hiro、Lukas 和 Omar。"
    found = entities(text)
    for name in ("Bruno", "Don", "Mostafa", "Hiro", "Lukas", "Omar"):
        entity = by_name(found, name)
        assert entity is not None, name
        assert entity.type == "person", name


def test_a_large_data_centre_is_no_place():
    # meta-alexandr-wang-lecun-review.txt: the tagger read 大型資料中心 as a place.
    text = (
        "運行強大的AI模型需要海量的專門基礎設施——"
        "例如在大型資料中心內部署由數千塊輝達晶片組成的集群。"
    )
    assert not any("資料中心" in e.text for e in entities(text))


def test_students_are_no_organisation():
    # xai-greg-yang-steps-back.txt: jieba tags 博士生 as a name and the tagger as a body.
    text = "丘成桐开始带他去参加很多学术活动,与博士生和研究者见面交流。"
    assert not any("博士生" in e.text for e in entities(text))


def test_measure_words_and_idioms_are_not_people():
    text = (
        "我很感謝在這段時間里一直與我保持聯系的所有谷歌朋友。"  # yi-tay-returns-to-google.txt
        "這筆交易,至少是一石三鳥。"
    )
    names = {e.text for e in entities(text) if e.type == "person"}
    assert not any("時間" in n or "时间" in n for n in names)
    assert not any("三" in n for n in names)


def test_government_bodies_and_their_owners():
    found = entities("湘乡市公安局和司法部的官员来到县委。")
    for name in ("湘乡市公安局", "司法部", "县委"):
        entity = by_name(found, name)
        assert entity is not None, name
        assert entity.type == "organization", name


def test_a_leader_inside_a_longer_word_is_found():
    found = entities("高举邓小平理论伟大旗帜。")
    deng = by_name(found, "邓小平")
    assert deng is not None and deng.type == "person"


def test_short_country_names_stand_alone():
    found = entities("江泽民访华期间，中美关系取得进展，美方表示欢迎。这里的风景好美。")
    places = {e.text for e in found if e.type == "place"}
    assert {"华", "中", "美"} <= places
    america = by_name(found, "美")
    assert america.count == 2  # 中美 and 美方, not 好美


def test_a_place_and_the_body_it_owns_form_one_organisation():
    found = entities("美国财政部长史密斯说，中国文化助学委员会的代表也到了。")
    assert by_name(found, "美国财政部").type == "organization"
    assert by_name(found, "中国文化助学委员会").type == "organization"
    assert by_name(found, "美国") is None  # swallowed by the longer name, not listed twice


def test_countries_inside_longer_words_and_foreign_names_the_tagger_cut():
    found = entities("联合国对伊拉克的禁运引起法国人的不满，拉西纳亚克表示反对。")
    assert by_name(found, "伊拉克").type == "place"
    assert by_name(found, "法国").type == "place"
    assert by_name(found, "拉西纳亚克").type == "person"


def test_foreign_name_with_common_transliteration_endings_stays_whole():
    found = entities("俄罗斯副总理涅姆佐夫会见了联合国官员彼得·皮奥。")
    assert by_name(found, "彼得·皮奥") is not None
    assert by_name(found, "彼得") is None


def test_title_after_a_surname_is_not_part_of_the_name():
    found = {e.text for e in entities("温先生对这篇文章做了修改。")}
    assert "温先生" not in found


def test_dynasty_is_not_a_person():
    found = entities("清朝由满洲贵族所建，前后延续近三百年。")
    qing = by_name(found, "清朝")
    assert qing is None or qing.type != "person"


def test_a_dynasty_named_by_its_half_is_not_a_person():
    # CC-CEDICT glosses 西周 "Western Zhou (1027-771 BC)": the years are a person's gloss too.
    found = entities("考古队在一座西周墓葬中发现了三件青铜器。")
    zhou = by_name(found, "西周")
    assert zhou is None or zhou.type != "person"


def test_a_temple_or_tomb_the_dictionary_knows_is_a_place():
    found = entities("下午，旅行团先参观了孔庙，又去了明孝陵和大雁塔。")
    for name in ("孔庙", "明孝陵", "大雁塔"):
        site = by_name(found, name)
        assert site is not None and site.type == "place", name


def test_an_emperor_by_temple_name_stays_a_person():
    # 明太祖 is glossed "temple name of ...": a title, not a temple.
    found = entities("明太祖在位三十一年。")
    assert by_name(found, "明太祖").type == "person"


def test_courtesy_and_art_names_after_a_person_are_people():
    found = entities("陈文远字子修，号梅林居士，晚年隐居乡间。")
    for name in ("陈文远", "子修", "梅林居士"):
        person = by_name(found, name)
        assert person is not None and person.type == "person", name


def test_a_word_after_zi_is_not_a_courtesy_name():
    # 字 here is his handwriting: 漂亮 is an everyday word, not a name.
    found = entities("听说陈文远字漂亮，常替邻居写春联。")
    assert by_name(found, "漂亮") is None


def test_a_travel_agency_is_an_organisation():
    found = entities("春节前，江南假日旅行社推出了三条古镇线路。")
    agency = by_name(found, "江南假日旅行社")
    assert agency is not None and agency.type == "organization"
    assert by_name(found, "江南") is None  # the agency's name, not the region


def test_kept_in_before_a_museum_is_not_tibet_owning_it():
    # 现藏: "now kept in"; jieba cuts 藏 off as the abbreviation for Tibet.
    found = entities("这幅山水长卷现藏台北故宫博物院，很少展出。")
    assert all(not e.text.startswith("藏") for e in found)
    assert by_name(found, "台北故宫博物院") is not None


def test_country_before_a_generic_kind_of_company_is_a_place():
    found = entities("许多美国公司正在裁员。")
    assert by_name(found, "美国公司") is None
    assert by_name(found, "美国").type == "place"


def test_a_bank_named_for_its_country_is_that_bank():
    found = entities("荷兰银行昨天公布了去年的年报，许多美国公司也在观望。")
    bank = by_name(found, "荷兰银行")
    assert bank is not None and bank.type == "organization"
    assert by_name(found, "美国公司") is None  # a kind of company, not one


def test_tagger_phrases_without_an_organisation_ending_are_not_organisations():
    found = {e.text for e in entities("两国在能源领域的合作取得了长足进展。")}
    assert "长足进展" not in found


def test_a_week_after_a_numeral_is_not_a_person_named_zhou():
    text = "在“康复”后的几周里,我清楚地感觉到周鸿祎说的话。"
    names = {e.text for e in entities(text)}
    assert "周里" not in names


def test_an_everyday_word_jieba_tags_as_an_abbreviation_is_no_organisation():
    # 人均 "per capita" and 研发 "to develop" carry jieba's abbreviation tag; 交警 "traffic
    # police" after a city is still that city's force.
    found = entities("去年，昆明人均住房面积又有增加。")
    assert by_name(found, "昆明人均") is None
    assert by_name(found, "昆明").type == "place"
    found = entities("公司打算在城南新建一个研发中心。")
    assert all(e.type != "organization" for e in found)
    assert by_name(entities("柳州交警昨天查处了三辆超载货车。"), "柳州交警").type == "organization"


def test_an_abbreviated_place_takes_the_type_of_the_place_it_stands_for():
    # CC-CEDICT glosses 北爱 "abbr. for 北爱尔兰, Northern Ireland": a part of a listed country
    # named by its direction, so the short form is a place like the full one.
    found = entities("他在北爱住过几年，那里的局势已经平稳。")
    assert by_name(found, "北爱").type == "place"
    found = entities("考察队去过南苏丹，也到过东非的几个国家。")
    assert by_name(found, "东非").type == "place"
    names = {e.text for e in entities("北方的冬天很冷，东边的山上已经下雪了。")}
    assert not names & {"北方", "东边"}  # a direction alone is no place


def test_a_business_the_dictionary_glosses_by_its_trade_is_an_organisation():
    # CC-CEDICT glosses 美联储 "US Federal Reserve (Fed), the US central bank" and 支付宝
    # "Alipay, online payment platform": no University or Company in them, still bodies.
    found = entities("美联储主席暗示年内可能再降息一次，支付宝随即调整了理财产品的收益。")
    assert by_name(found, "美联储").type == "organization"
    assert by_name(found, "支付宝").type == "organization"


def test_a_short_name_and_its_trade_before_a_firms_office_is_the_firm():
    # No 公司 follows, and the segmenter cuts the short name into plain words; the founder
    # or partner after the trade, and the person holding that office, say a firm is named.
    found = entities("据悉，云栖科技创始人兼CEO唐一鸣已经离职，远帆资本合伙人何晓宁接任。")
    assert by_name(found, "云栖科技").type == "organization"
    assert by_name(found, "远帆资本").type == "organization"
    assert by_name(found, "唐一鸣").type == "person"
    found = entities("深交所对锦川股份的信息披露问题发出了问询函。")
    assert by_name(found, "锦川股份").type == "organization"
    assert by_name(found, "锦川") is None
    names = {e.text for e in entities("这家公司的科技创始人都很年轻，他持有大量石化股份。")}
    assert not names & {"科技", "石化股份", "公司的科技"}
    # A kind of firm before its chairmen, with no one named: no firm.
    names = {e.text for e in entities("传统汽车董事长们开始焦虑，民营科技创始人也一样。")}
    assert not names & {"传统汽车", "民营科技"}


def test_a_dictionary_firm_the_segmenter_cut_at_a_measure_word_or_number_is_found():
    # The segmenter reads 台 of 台积电 as a measure word and 多多 of 拼多多 as a number; the
    # dictionary knows both whole as companies. A measure word before a noun stays a word.
    found = entities("台积电的新工厂明年投产，拼多多今年的利润大增。")
    assert by_name(found, "台积电").type == "organization"
    assert by_name(found, "拼多多").type == "organization"
    assert not entities("这一台电脑很贵，展示台前人很多。")


def test_a_name_before_a_market_index_is_no_person():
    # CC-CEDICT calls 恒生 "Hang Seng (name)"; before 指数 it names the index.
    found = entities("恒生指数周一收涨百分之二，科技股领涨大市。")
    assert by_name(found, "恒生") is None


def test_finance_abbreviations_are_no_names():
    names = {e.text for e in entities("这家公司计划明年IPO，旗下ETF的份额也在增加。")}
    assert not names & {"IPO", "ETF"}


def test_an_app_the_dictionary_names_is_a_work():
    # CC-CEDICT: 抖音 "Douyin, Chinese app for creating and sharing short videos"; 朋友圈 is
    # a feature "of smartphone app WeChat", no name of its own.
    found = entities("快手和抖音的用户都在增长，但我的朋友圈很安静。")
    assert by_name(found, "抖音").type == "work"
    assert by_name(found, "朋友圈") is None


def test_a_company_and_the_short_name_it_gives_itself_are_one():
    text = "浙江青禾新材料股份有限公司（以下简称“青禾新材”）公告称，青禾新材拟回购股份。"
    found = by_name(entities(text), "浙江青禾新材料股份有限公司")
    assert found is not None and found.type == "organization"
    assert "青禾新材" in found.aliases
    assert found.count == 3


def test_a_firm_named_in_full_then_by_its_short_name_is_one_firm():
    found = entities("宏达集团董事长陈晓峰表示，宏达今年将在杭州开新厂，陈晓峰说宏达的目标是上市。")
    firm = by_name(found, "宏达集团")
    assert firm is not None and firm.type == "organization"
    assert "宏达" in firm.aliases and firm.count == 3
    # Without the city before it and without its trade: the same firm, counted each time.
    found = entities("杭州鑫源科技有限公司日前宣布，鑫源科技将投资一亿元。鑫源的员工很高兴。")
    firm = by_name(found, "杭州鑫源科技有限公司")
    assert firm is not None and {"鑫源科技", "鑫源"} <= set(firm.aliases) and firm.count == 3


def test_a_given_name_or_surname_and_address_is_the_one_person_it_shortens():
    text = "董事长陈晓峰昨天来到上海。陈总表示，今年很好。晓峰还说，明年更好。"
    person = by_name(entities(text), "陈晓峰")
    assert person is not None and {"陈总", "晓峰"} <= set(person.aliases) and person.count == 3
    # A second 陈 in the text: 陈总 could be either, so it stays apart; 思琪 is hers.
    found = entities(text + "陈晓峰的女儿陈思琪也在场，思琪说她很高兴。")
    assert "陈总" not in by_name(found, "陈晓峰").aliases
    assert "思琪" in by_name(found, "陈思琪").aliases
    assert "思琪" not in by_name(found, "陈晓峰").aliases


def test_an_everyday_word_before_a_firms_ending_is_no_short_name():
    found = entities("人民出版社今年出版了十本书。人民的需要是第一位的，国际航线也将恢复。")
    assert by_name(found, "人民") is None and by_name(found, "国际") is None


def test_a_group_of_everyday_words_that_owns_firms_is_one_group():
    # 蚂蚁 "ant" + 集团 "group" are everyday words, but the group owns what follows 旗下.
    found = entities("蚂蚁集团旗下的支付宝推出了新的跨境支付功能。")
    assert by_name(found, "蚂蚁集团").type == "organization"
    assert by_name(entities("这家企业集团旗下有十家公司。"), "企业集团") is None


def test_a_firm_and_its_trade_stay_one_name():
    # The tagger reads 京东物流 whole; the rules know 京东 alone. The trade after the firm names
    # its logistics arm, not an everyday word to cut off.
    found = entities("京东物流与顺丰控股在同城配送领域展开竞争。")
    assert by_name(found, "京东物流").type == "organization"
    assert by_name(found, "京东") is None


def test_a_disease_named_after_a_doctor_is_no_person():
    # 帕金森病 is Parkinson's disease: the name before 病 is the illness, not someone in the news.
    found = entities("他的祖父患有帕金森病，医生说早发现可以延缓病情。")
    assert by_name(found, "帕金森") is None
    assert by_name(entities("门诊收治了多名克罗恩病患者。"), "克罗恩") is None
    # someone falling ill keeps their name
    assert by_name(entities("教练说约翰逊病了三天，本周不能上场。"), "约翰逊").type == "person"


def test_a_name_read_as_a_place_before_an_academic_title_is_the_person():
    # 何西岭 looks like a ridge's name to the segmenter; 研究员 after it says it is a scientist.
    found = entities("何西岭研究员表示，数据还需核实。")
    assert by_name(found, "何西岭").type == "person"


def test_a_name_the_segmenter_glued_to_the_next_word_is_cut_back():
    # jieba reads 王一公在 as one name; 在 ("at") is the next word, not the given name's end.
    found = entities("校长王一公在开学典礼上致辞。")
    assert by_name(found, "王一公").type == "person"
    assert by_name(found, "王一") is None


def test_a_hospital_department_is_no_person():
    # 麻 is a surname, but 麻醉科 after a hospital and before its doctors is anaesthesiology.
    found = entities("东湖医院麻醉科医生赵可欣说，手术很顺利。")
    assert by_name(found, "麻醉科") is None
    assert by_name(found, "赵可欣").type == "person"


def test_a_research_group_named_by_its_leader_is_the_body_and_the_person():
    found = entities("南方科技大学化学系高立新院士团队在《自然》发表论文。")
    assert by_name(found, "南方科技大学化学系").type == "organization"
    assert by_name(found, "高立新").type == "person"


def test_a_hospital_attached_to_a_university_is_named_whole():
    found = entities("四川大学医学院附属第二医院的医生赶到现场。")
    assert by_name(found, "四川大学医学院附属第二医院").type == "organization"
    assert by_name(found, "四川大学医学院") is None


def test_a_national_park_is_named_with_its_kind():
    # 国家公园 after a mountain's name: the park is one place, not the mountain alone.
    found = entities("青松岭国家公园内发现了一群野生东北虎。")
    assert by_name(found, "青松岭国家公园").type == "place"


def test_a_telescope_named_after_a_scientist_lists_no_person():
    assert by_name(entities("天文台公布了哈勃望远镜拍下的新照片。"), "哈勃") is None
    assert by_name(entities("天文学家哈勃发现星系正在远离我们。"), "哈勃").type == "person"


def test_a_national_university_is_named_with_its_national():
    # 国立 "national" opens the university's own name (国立某某大学), it is not a word before it.
    assert by_name(entities("他毕业于国立新加坡大学。"), "国立新加坡大学").type == "organization"




def test_a_photo_credit_names_the_photographer_without_the_verb():
    assert named("person", "图为新建成的展馆。本报记者龚秀兰摄") == {"龚秀兰"}


def test_a_players_rank_is_not_part_of_the_name():
    assert "陆金花" in named("person", "陆金花九段执黑中盘胜周娟六段。")


def test_the_first_character_of_the_next_word_is_not_part_of_the_name():
    found = named("person", "在决赛中，周伟以三比一战胜对手。")
    assert "周伟" in found and "周伟以" not in found


def test_a_works_named_with_its_city_and_a_split_ending_is_one_organisation():
    assert "江阴博远总厂" in named("organization", "记者从江阴博远总厂获悉，这项工程将于年底完工。")


def test_a_numbered_school_of_a_city_jieba_tags_as_a_name_is_one_organisation():
    assert "余姚第一中学" in named("organization", "余姚第一中学的职工们自发捐款。")


def test_a_preposition_jieba_glued_to_a_firm_is_not_its_name():
    found = named("organization", "这些产品由博远股份有限公司生产。")
    assert "博远股份有限公司" in found and "由博远股份有限公司" not in found


def test_a_trade_name_read_as_a_person_before_its_trade_and_works_is_the_firm():
    found = entities("江西省博远印染厂去年被评为全国先进单位。")
    assert by_name(found, "江西省博远印染厂").type == "organization"
    assert by_name(found, "博远") is None


def test_a_county_named_by_an_everyday_noun_is_a_place_but_a_kind_of_county_is_not():
    assert "杨柳县" in named("place", "杨柳县今年粮食获得丰收。")
    assert "青石乡" in named("place", "青石乡的群众纷纷前来观看。")
    assert named("place", "这是一个贫困县。") == set()


def test_a_direction_from_a_place_is_not_part_of_its_name():
    found = named("place", "地震发生在新集村以北二十公里处。")
    assert "新集村" in found and "新集村以北" not in found


def test_a_name_ending_in_a_county_is_a_place_not_a_person():
    found = entities("张湾县的群众纷纷前来观看。")
    assert by_name(found, "张湾县").type == "place"


def test_a_surname_before_a_given_name_that_is_also_a_district_is_a_person():
    found = entities("他和刘秀英一起来到了工地。")
    assert by_name(found, "刘秀英").type == "person"
    assert by_name(found, "秀英") is None


def test_a_dotted_foreign_name_runs_on_to_the_end_of_its_surname():
    assert "让·科瓦尔斯基" in named("person", "外长让·科瓦尔斯基会见了中国代表团。")


def test_a_title_that_opens_with_a_preposition_keeps_it():
    found = entities("《在人间》是高尔基的自传体小说。")
    assert by_name(found, "在人间").type == "work"


def test_a_pen_name_or_an_online_name_is_the_person():
    # 北川 and 江东 are places to the segmenter; after 笔名 and 网名 they are what a writer is
    # called.
    assert by_name(entities("陈望舒，笔名北川，1958年生于湖南。"), "北川").type == "person"
    found = entities("他以网名“江东老渔”在论坛发表了大量诗作。")
    assert by_name(found, "江东老渔").type == "person"
    assert by_name(found, "江东") is None


def test_a_poet_named_after_his_trade_is_the_person_alone():
    found = entities("诗人北岛的诗集《午夜歌手》由江苏文艺出版社出版。")
    assert by_name(found, "诗人北岛") is None
    assert by_name(found, "北岛").type == "person"


def test_arts_bodies_and_a_concert_hall_are_typed_by_their_ending():
    found = entities("凤凰卫视主持人许文澜在维也纳金色大厅采访了商务印书馆的编辑。")
    assert by_name(found, "凤凰卫视").type == "organization"
    assert by_name(found, "维也纳金色大厅").type == "place"
    assert by_name(found, "商务印书馆").type == "organization"
    assert by_name(entities("香港作家聯會會長潘耀明出席了頒獎禮。"), "香港作家聯會").type == (
        "organization"
    )


def test_a_concert_is_no_organisation():
    found = entities("中央民族乐团在维也纳金色大厅成功举办春节音乐会。")
    assert by_name(found, "中央民族乐团").type == "organization"
    assert by_name(found, "春节音乐会") is None


def test_a_theatre_company_is_an_organisation():
    found = entities("江州人民艺术剧院排演的话剧《北河》在省城首演。")
    assert by_name(found, "江州人民艺术剧院").type == "organization"


def test_a_festival_keeps_the_town_it_is_named_for():
    # 乌镇 is known to no dictionary; 戏剧节 after it says it is where the festival is held.
    assert by_name(entities("第五届乌镇戏剧节吸引了来自十几个国家的剧团。"), "乌镇").type == "place"


def test_a_name_before_a_birth_anniversary_is_a_person():
    found = entities("美术馆正在举办“傅抱石诞辰一百二十周年纪念展”。")
    assert by_name(found, "傅抱石").type == "person"


def test_a_memorial_exhibition_is_no_person():
    # jieba tags 纪念展 a person for the surname 纪; it is the exhibition.
    found = entities("美术馆正在举办“傅抱石诞辰一百二十周年纪念展”。")
    assert by_name(found, "纪念展") is None


def test_a_museum_or_a_gallery_is_a_place():
    found = entities("据广州艺术博物馆工作人员介绍，这次展览很受欢迎。")
    assert by_name(found, "广州艺术博物馆").type == "place"
    assert by_name(entities("这件藏品现存于中国丝绸博物馆。"), "中国丝绸博物馆").type == "place"


def test_a_memorial_hall_named_for_a_person_is_the_hall():
    found = entities("徐悲鸿纪念馆重新开馆，展出《奔马图》等珍品。")
    assert by_name(found, "徐悲鸿纪念馆").type == "place"


def test_a_branch_of_an_association_is_named_whole():
    found = entities("杭州市书法家协会西湖分会成立大会昨天召开。")
    assert by_name(found, "杭州市书法家协会西湖分会").type == "organization"


def test_a_publisher_named_by_its_field_is_an_organisation():
    found = entities("1996年春天，地质出版社安排他去北戴河休养。")
    assert by_name(found, "地质出版社").type == "organization"
    # "local publishers", "a book publisher": kinds of publisher, no name.
    assert by_name(entities("地方出版社的日子并不好过。"), "地方出版社") is None
    assert by_name(entities("她在一家图书出版社当编辑。"), "图书出版社") is None


def test_a_surname_that_also_abbreviates_a_province_opens_the_persons_name():
    found = entities("谢建国的妻子苏长青也是一名教师。")
    assert by_name(found, "苏长青").type == "person"
    assert by_name(found, "苏") is None


def test_the_second_of_two_towns_joined_by_a_conjunction_is_a_place():
    assert {"杨柳县", "青石乡"} <= named("place", "杨柳县和青石乡的群众纷纷前来参观。")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


@pytest.mark.parametrize(
    "text",
    [
        "据路透社报道，SKYLINE公司首席执行官马修·贝克3月5日在伦敦表示，公司将与华星电子合作。",
        "Zeta Labs创始人林海涛说，他们在杭州的团队已有120人。",
    ],
)
def test_full_width_letters_and_digits_give_the_same_names(text):
    """Older wires and many IMEs type ＳＫＹＬＩＮＥ and １２０: the names and their types are
    those of the ASCII text, shown as the article writes them."""
    ascii_names = sorted((e.type, _full_width(e.text)) for e in entities(text))
    wide_names = sorted((e.type, e.text) for e in entities(_full_width(text)))
    assert any(ord(name[0]) > 0xFF00 for _, name in wide_names)  # the Latin name is found
    assert wide_names == ascii_names


@pytest.mark.parametrize(
    "text",
    [
        "他们从不赊账，而是付现金。",
        "学校里彩旗飘飘，横幅高悬。",
        "巴勒斯坦伊斯兰抵抗运动（哈马斯）发表声明，拒绝接受停火方案。",
    ],
)
def test_ascii_punctuation_in_chinese_gives_the_same_names(text):
    """Web pages and chat type 付现金,横幅高悬. with ASCII marks: the names are those of the text
    written with Chinese marks (no person 付现金, the movement before its bracket kept)."""
    typed = text.translate(str.maketrans("，；！？。（）", ",;!?.()"))
    assert sorted((e.type, e.text) for e in entities(typed)) == sorted(
        (e.type, e.text) for e in entities(text)
    )


def test_a_partys_central_committee_is_an_organisation():
    found = named("organization", "民革中央主席周振华在民革中央十五届三中全会上作工作报告。")
    assert "民革中央" in found
    assert "台盟中央" in named("organization", "台盟中央主席苏瑞华出席座谈会。")


def test_the_surname_wan_after_a_title_opens_a_name_but_wan_counting_does_not():
    found = entities("中国科协主席万立群在全国科技工作者日主场活动上致辞。")
    assert by_name(found, "万立群").type == "person"
    assert named("person", "大会代表万余人出席。") == set()


def test_the_legislative_council_named_bare_is_an_organisation():
    assert "立法会" in named("organization", "立法会主席陈家豪在会上宣布议案获得通过。")


def test_a_party_leader_ends_the_partys_name():
    found = named("organization", "英国工党领袖批评保守党政府的移民政策。")
    assert "英国工党" in found and not any("领袖" in name for name in found)
    assert named("organization", "日本自民党干事长与公明党党首举行会谈。") == {"日本自民党"}


def test_a_peoples_organisation_the_segmenter_read_as_a_proper_noun_joins_its_owner():
    assert "中国侨联" in named("organization", "中国侨联主席万嘉宁会见了访问团。")


def test_a_parliament_glued_to_its_country_is_the_parliament():
    assert named("organization", "俄罗斯国家杜马主席会见了代表团。") == {"俄罗斯国家杜马"}


def test_a_partys_legislators_are_not_part_of_its_name():
    assert named("organization", "國民黨主席與民進黨立委展開辯論。") == {"國民黨", "民進黨"}


def test_a_party_leader_cut_in_two_adds_no_party_character():
    found = named("organization", "韩国共同民主党党首与国民力量党代表会面。")
    assert not any(name.endswith("党党") for name in found)


def test_a_party_family_word_before_its_members_names_the_party():
    assert "保守党" in named("organization", "保守党议员在下议院提出不信任动议。")
    assert named("organization", "工党政府宣布提高最低工资标准。") == {"工党"}
    assert named("organization", "欧洲各国的绿党领袖在柏林会面。") == set()  # a kind of party


def test_a_coalition_government_is_no_name():
    found = named("organization", "新西兰国家党与优先党组成联合政府。")
    assert "联合政府" not in found and "新西兰国家党" in found


def test_a_councils_term_named_by_its_number_alone_is_no_body():
    found = named("organization", "会上，孟庆华代表第十届理事会作工作报告。")
    assert not any(name.endswith("理事会") for name in found)


def test_a_datelines_agency_and_city_are_two_names():
    text = "新华社利伯维尔7月9日电 加蓬总理穆贝9日在利伯维尔会见了来访的客人。"
    assert "新华社" in named("organization", text)
    assert "利伯维尔" in named("place", text)
    assert "新华社利伯维尔" not in named("organization", text)


def test_a_datelines_city_is_a_place_though_a_person_shares_its_name():
    # CC-CEDICT glosses 华盛顿 first as a person; after an agency and before a date it is a city
    text = "新华社华盛顿5月12日电 美国总统今天发表讲话。"
    assert "华盛顿" in named("place", text)
    assert not named("person", text)


def test_a_dateline_without_its_date_names_the_city():
    assert named("place", "据新华社华盛顿电，美国国务卿当天抵达开罗。") >= {"华盛顿", "开罗"}


def test_a_sources_agency_and_city_are_two_names_with_or_without_a_date():
    sources = ("据法新社巴黎3月2日报道，法国总统今天出访。", "据路透社伦敦消息，英国首相今天辞职。")
    for text in sources:
        found = named("organization", text)
        assert found & {"法新社", "路透社"} and not any(len(name) > 3 for name in found), text
    assert "巴黎" in named("place", "据法新社巴黎3月2日报道，法国总统今天出访。")
    assert "伦敦" in named("place", "据路透社伦敦消息，英国首相今天辞职。")


def test_a_name_the_dictionary_glosses_two_ways_is_a_person_after_a_title():
    assert named("person", "也门总统哈桑当天发表电视讲话。") == {"哈桑"}


def test_a_second_surname_after_a_hyphen_belongs_to_the_person():
    text = "多米尼加外长罗德里格斯-卡内尔当天在圣多明各会见了来访的客人。"
    assert named("person", text) == {"罗德里格斯-卡内尔"}
    # Two people named side by side stay two.
    assert named("person", "普京-特朗普会晤也在筹备中。") == {"普京", "特朗普"}


def test_a_dated_event_the_dictionary_knows_is_no_person():
    assert named("person", "纪念辛亥革命一百一十周年的座谈会在武汉举行。") == set()


def test_a_province_before_its_governor_is_a_place():
    found = entities("布宜诺斯艾利斯省省长罗德里格斯当天宣布将新建两所医院。")
    assert by_name(found, "布宜诺斯艾利斯省").type == "place"
    assert by_name(found, "罗德里格斯").type == "person"


def test_a_foreign_name_with_a_piece_jieba_read_as_a_place_is_one_person():
    assert named("person", "加纳财政部长奥福里达利亚当天公布了预算。") == {"奥福里达利亚"}
    assert named("place", "加纳财政部长奥福里达利亚当天公布了预算。") == set()


def test_an_overseas_chinese_association_is_one_body():
    found = entities("加拿大潮州同乡会会长许文亮当天向侨胞拜年。")
    assert by_name(found, "加拿大潮州同乡会").type == "organization"
    assert by_name(found, "潮州") is None
    assert "新西兰广西会馆" in named("organization", "新西兰广西会馆举行了成立十周年庆典。")


def test_a_ports_customs_house_is_a_body():
    found = entities("香港海关昨日在机场截获一批毒品。")
    assert by_name(found, "香港海关").type == "organization"


def test_the_legislative_council_is_named_bare():
    assert named("organization", "立法会当天三读通过了条例草案。") == {"立法会"}


def test_an_emirs_title_stands_between_the_state_and_the_ruler():
    found = entities("科威特埃米尔纳瓦夫当天签署了一项法令。")
    assert by_name(found, "科威特").type == "place"
    assert by_name(found, "纳瓦夫").type == "person"


def test_a_name_before_its_provinces_governor_is_the_province():
    found = entities("门多萨省省长科尔内霍宣布了新的投资计划。")
    assert by_name(found, "门多萨省").type == "place"
    assert named("person", "门多萨省省长科尔内霍宣布了新的投资计划。") == {"科尔内霍"}


def test_a_titled_double_surname_joined_by_a_hyphen_is_one_person():
    text = "洪都拉斯外长门多萨-阿里亚斯8日在特古西加尔巴会见了来访的客人。"
    assert named("person", text) == {"门多萨-阿里亚斯"}


def test_a_states_one_character_name_has_the_states_english():
    """访华: 华 is China (CC-CEDICT's "abbr. for China"), not Mt Hua, its first proper entry;
    京 is Beijing."""
    found = entities("以色列外长当天访华，随后又赴京沪两地参观。")
    assert by_name(found, "华").english == "China", found


def test_a_surname_and_a_title_the_tagger_read_as_a_place_is_the_person():
    text = "在赵师傅的帮助下，徒弟们很快学会了操作。"
    assert named("place", text) == set()
    assert named("person", text) == {"赵"}


def test_a_name_before_a_players_rank_is_the_player():
    # jieba: 常/d + 建平/n: an adverb and a county, where the player's full name stands
    text = "名人赛中，常建平九段执黑中盘战胜了罗小刚七段。"
    assert named("person", text) == {"常建平", "罗小刚"}
    assert not named("place", text)
    assert named("person", "这条公路分为三段施工。") == set()


def test_a_place_jieba_glued_to_its_authorities_is_the_place():
    # jieba's dictionary has 台湾当局 as one proper noun (nz), neither a place nor a body
    assert named("place", "我们奉劝台湾当局不要一意孤行。") == {"台湾"}


def test_a_person_the_dictionary_knows_is_no_work_outside_title_marks():
    # the tagger reads the Japanese name as a work's title; CC-CEDICT knows the prime minister
    text = "桥本龙太郎今天在这里会见了来访的客人。"
    assert named("person", text) == {"桥本龙太郎"}
    assert not named("work", text)


def test_a_minority_name_either_side_of_a_middle_dot_is_one_person():
    # neither half is in the transliteration alphabet; jieba reads both as names
    text = "会议期间，阿沛·阿旺晋美同代表们进行了交谈。"
    assert named("person", text) == {"阿沛·阿旺晋美"}
