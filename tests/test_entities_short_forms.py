"""Short forms of bodies in everyday news (简称): universities, associations, hospitals and
academies named in full and then by their short form (invented sentences)."""

from __future__ import annotations

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.user.corrections import Corrections


def _forms(text: str) -> dict[str, set[str]]:
    """Each organisation the panel lists, with every form the text uses for it."""
    found = default_analyzer().entities(text, corrections=Corrections())
    return {
        e.text: {text[s:t] for s, t in e.spans} for e in found if e.type == "organization"
    }


def test_a_body_and_its_short_form_are_one_row():
    forms = _forms("桐江篮球协会昨天公布名单，桐江篮协表示将加强青训。")
    assert forms.get("桐江篮球协会") == {"桐江篮球协会", "桐江篮协"}
    forms = _forms("江岭师范大学今年扩招，江岭师大将新开设两个专业。")
    assert forms.get("江岭师范大学") == {"江岭师范大学", "江岭师大"}


def test_a_hospitals_short_form_is_the_hospital_not_its_university():
    text = "南屿医科大学与南屿医科大学第一附属医院签约，南屿医大一院将派专家驻校。"
    forms = _forms(text)
    assert "南屿医大一院" in forms.get("南屿医科大学第一附属医院", set())
    assert forms.get("南屿医科大学") == {"南屿医科大学"}


def test_another_body_whose_name_holds_the_same_characters_stays_apart():
    # 北京大学 is not a short form of 北京师范大学: one whole word of it is left out
    forms = _forms("北京大学与北京师范大学联合举办论坛，两校专家出席。")
    assert forms.get("北京大学") == {"北京大学"}
    assert forms.get("北京师范大学") == {"北京师范大学"}


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        # jieba cuts 中国 + 羽 + 协 and the place 中国 was listed where the association is meant
        ("中国羽毛球协会昨天公布集训名单，中国羽协主席在会上讲话。", "中国羽毛球协会", "中国羽协"),
        ("华川大学与华川大学附属第一医院签约，华川大附一院将派专家驻校。",
         "华川大学附属第一医院", "华川大附一院"),
    ],
)
def test_a_short_form_the_tagger_missed_is_the_body_named_before(text, full, short):
    assert _forms(text).get(full) == {full, short}


def test_a_short_form_is_the_nearest_full_name():
    # 港大 keeps more of 香港大學 than of 香港中文大學; 港 alone is no place here
    text = "香港大學與香港中文大學合辦研討會，港大校長出席。"
    forms = _forms(text)
    assert forms.get("香港大學") == {"香港大學", "港大"}
    assert forms.get("香港中文大學") == {"香港中文大學"}


def test_a_groups_short_name_drops_the_group_and_the_company_ending():
    # 集团 before 股份有限公司 was kept, so no short name of four characters or less was found
    text = "青岚控股集团股份有限公司发布公告，青岚控股称上半年营收增长一成。"
    assert _forms(text).get("青岚控股集团股份有限公司") == {"青岚控股集团股份有限公司", "青岚控股"}
    text = "明泰集团有限公司今天与华川大学签约，明泰董事长出席仪式。"
    assert _forms(text).get("明泰集团有限公司") == {"明泰集团有限公司", "明泰"}


def test_a_bureau_named_without_its_parent_body_is_that_bureau():
    # 市交管局 leaves out 公安局, the body the bureau belongs to, and is the same bureau
    forms = _forms("市公安局交管局发布通告，市交管局提醒市民注意出行安全。")
    assert forms.get("市公安局交管局") == {"市公安局交管局", "市交管局"}
