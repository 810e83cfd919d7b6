"""Names in weather, disaster and water news: reservoirs, storms, chains of divisions."""

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


def every_name(text: str) -> set[str]:
    found = default_analyzer().entities(text, corrections=Corrections())
    return {e.text for e in found} | {a for e in found for a in e.aliases}


def test_a_reservoir_the_dictionary_glosses_is_a_place():
    # CC-CEDICT: "Three Gorges Reservoir ...", "Zipingpu Reservoir, Sichuan".
    text = "今年汛期，三峡水库累计拦洪三次，紫坪铺水库也已蓄满。"
    assert {"三峡水库", "紫坪铺水库"} <= named("place", text)
