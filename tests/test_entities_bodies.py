"""Names of social and public bodies in local news: federations, unions, associations and
the offices of a province, city or county (invented sentences)."""

from __future__ import annotations

from tests.conftest import named


def test_a_county_owns_the_federation_after_it_in_its_short_name():
    # 妇联 read as an abbreviation after the county's name cut from its division (县)
    assert "柏溪县妇联" in named("organization", "柏溪县妇联联合县医院开展义诊活动。")
    assert "柏溪县" not in named("place", "柏溪县妇联联合县医院开展义诊活动。")
    assert "桐冈市妇联" in named("organization", "桐冈市妇联主席罗春梅出席了座谈会。")


def test_a_level_alone_before_a_short_body_name_is_that_levels_body():
    # 县残联, 市妇联: the county's or the city's federation, as 县委 names its committee
    assert "县残联" in named("organization", "县残联为三十名困难群众送去轮椅。")
    assert "市妇联" in named("organization", "市妇联近日开展家庭教育讲座。")
    assert "市文明办" in named("organization", "市文明办联合多家单位开展志愿服务。")


def test_an_age_group_inside_a_body_name_is_not_a_time():
    # jieba tags 青年 and 老年 as time words; they name whom the body serves
    assert "桐冈市青年企业家促进会" in named(
        "organization", "桐冈市青年企业家促进会昨天举行年会。"
    )
    assert "柏溪县老年大学" in named("organization", "柏溪县老年大学秋季班开学。")


def test_a_verb_of_joint_action_ends_the_body_before_it():
    # 联合 "together with": two bodies, not one run-on name
    found = named("organization", "柏溪县妇联联合县医院开展义诊活动。")
    assert "柏溪县妇联" in found and not any("联合" in name for name in found)


def test_a_level_standing_alone_before_a_bureau_is_part_of_its_name():
    # 县 + 教育局: the county's education bureau, not a bureau of no level
    assert "县教育局" in named("organization", "县教育局近日发布暑期安全提示。")
    found = named("organization", "柏溪县科协联合县教育局举办科普讲座。")
    assert {"柏溪县科协", "县教育局"} <= found
    # after a pronoun the text named the city before: the office alone (该市 "this city")
    assert "市旅游局" not in named("organization", "该市旅游局接到游客投诉。")


def test_a_task_body_is_named_by_the_verbs_of_its_task():
    # jieba tags 扶贫, 开发, 打击 verbs; they name what the group or office was set up for
    assert "桐冈市扶贫开发领导小组" in named("organization", "桐冈市扶贫开发领导小组召开会议。")
    assert "桐冈市打击走私工作组" in named("organization", "桐冈市打击走私工作组进驻港区。")
    assert "桐冈市促进就业工作领导小组办公室" in named(
        "organization", "桐冈市促进就业工作领导小组办公室发布通知。"
    )


def test_a_verb_that_founds_a_body_is_not_part_of_its_name():
    found = named("organization", "柏溪县政府组建防汛抗旱指挥部。")
    assert not any("组建" in name for name in found)
    assert not any("成立" in name for name in named("organization", "桐冈市成立扶贫开发领导小组。"))


def test_a_field_jieba_reads_as_an_adjective_stays_inside_the_office_name():
    # 安全/an "safety" of 安全生产委员会: the council's office, not the State Council alone
    text = "国务院安全生产委员会办公室派出工作组赶赴现场。"
    assert "国务院安全生产委员会办公室" in named("organization", text)


def test_a_branch_of_a_society_is_named_with_its_parent():
    # 分会 after a society's whole name: the branch, not the society alone (jieba cuts 学分)
    found = named("organization", "中华医学会神经病学分会年会在江滨举行。")
    assert "中华医学会神经病学分会" in found and "中华医学会" not in found


def test_a_ministry_by_its_short_name_is_a_body_though_jieba_reads_a_noun():
    assert named("organization", "据冶金部统计，去年全行业利润增长一成。") == {"冶金部"}
    assert named("organization", "科技部负责人在会上介绍了有关情况。") == {"科技部"}
    assert "纺织总会" in named("organization", "纺织总会和轻工总会联合召开了座谈会。")


def test_short_names_of_the_courts_army_departments_and_democratic_parties_are_bodies():
    assert named("organization", "最高检负责人介绍了有关情况。") == {"最高检"}
    assert named("organization", "民建和民进的代表出席了座谈会。") == {"民建", "民进"}
    assert named("organization", "台盟负责人在会上发言。") == {"台盟"}
    assert not named("place", "台盟负责人在会上发言。")
