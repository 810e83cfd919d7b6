"""Names of industry, energy, farming and transport news (invented sentences)."""

from __future__ import annotations

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.user.corrections import Corrections


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(tmp_path / "data"))


def named(etype: str, text: str) -> set[str]:
    found = default_analyzer().entities(text, corrections=Corrections())
    return {e.text for e in found if e.type == etype}


def test_a_railway_or_road_named_by_the_places_it_joins_is_one_place():
    # the line whole, and the province of its section a place of its own
    assert {"沪昆高速公路", "贵州"} <= named("place", "沪昆高速公路贵州段因大雪临时封闭。")
    assert {"兰新高铁", "新疆"} <= named("place", "兰新高铁新疆段的冬季运输已经启动。")
    assert {"青藏铁路", "格尔木"} <= named("place", "青藏铁路格尔木至拉萨段新增两座监测站。")
    # a kind of line, or a railway to one named city, is no line's name
    assert named("place", "全省高速公路今年新增三百公里。") == set()
    assert "安康铁路" not in named("place", "这里将修建西安至安康铁路。")
