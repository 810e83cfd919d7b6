"""Speech through the engine interface: real audio from espeak-ng, clear lines without it."""

from __future__ import annotations

import array
import math
import os
import wave
from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.errors import UserError
from app.core.language.speech import (
    EspeakNgEngine,
    SpeechEngine,
    pinyin_script,
    wav_duration,
)
from app.core.language.tones import to_numbered, tone_of

from .test_cli import run_cli

ENGINE = EspeakNgEngine(default_analyzer().spoken_reading)
needs_engine = pytest.mark.skipif(
    not ENGINE.available() and not os.environ.get("CI"),
    reason=f"no speech engine here ({ENGINE.unavailable_reason()})",
)


def loudness(path: Path) -> float:
    """RMS of a 16-bit mono WAV, relative to full scale."""
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768


@needs_engine
def test_a_word_becomes_audible_speech_of_plausible_length(tmp_path: Path) -> None:
    out = tmp_path / "aihao.wav"
    ENGINE.synthesize("爱好", out)
    assert 0.3 <= wav_duration(out) <= 3.0  # two syllables, not silence, not a lecture
    assert loudness(out) > 0.02


@needs_engine
def test_a_sentence_lasts_longer_than_its_first_word(tmp_path: Path) -> None:
    word, sentence = tmp_path / "w.wav", tmp_path / "s.wav"
    ENGINE.synthesize("我们", word)
    ENGINE.synthesize("我们今天去银行取钱，然后回家。", sentence)
    assert wav_duration(sentence) > 2 * wav_duration(word)
    assert loudness(sentence) > 0.02


@needs_engine
def test_traditional_text_is_spoken_too(tmp_path: Path) -> None:
    out = tmp_path / "t.wav"
    ENGINE.synthesize("銀行", out)
    assert wav_duration(out) >= 0.3 and loudness(out) > 0.02


@needs_engine
def test_punctuation_alone_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "none.wav"
    with pytest.raises(UserError, match="nothing to speak"):
        ENGINE.synthesize("，。！", out)
    assert not out.exists()


def test_the_default_engine_fits_the_interface_callers_use() -> None:
    assert isinstance(ENGINE, SpeechEngine)


def test_a_missing_engine_says_what_to_install(tmp_path: Path) -> None:
    engine = EspeakNgEngine(default_analyzer().spoken_reading,
                            executable="zhreader-no-such-speech-engine")
    assert not engine.available()
    assert "apt install espeak-ng" in engine.unavailable_reason()
    with pytest.raises(UserError, match="apt install espeak-ng"):
        engine.synthesize("爱好", tmp_path / "x.wav")


def test_polyphones_are_read_as_in_context() -> None:
    """What the voice is given: the contextual reading, so 行 in 银行 is háng, not xíng."""
    script = pinyin_script("去银行。", ["qù", "yín", "háng", ""])
    assert "yin2 hang2" in script and "xing" not in script


def test_numbered_pinyin_keeps_tone_and_umlaut() -> None:
    assert [to_numbered(s) for s in ("háng", "lǜ", "ma", "nǚ", "er2")] == \
        ["hang2", "lv4", "ma5", "nv3", "er2"]
    assert all(tone_of(to_numbered(s)) == tone_of(s) for s in ("mā", "má", "mǎ", "mà", "ma"))


@needs_engine
def test_speak_command_writes_a_wav(tmp_path: Path) -> None:
    out = tmp_path / "cli.wav"
    result = run_cli("speak", "爱好", "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert wav_duration(out) >= 0.3 and loudness(out) > 0.02


def test_speak_command_without_engine_is_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng, no player
    result = run_cli("speak", "爱好", "--out", str(tmp_path / "x.wav"))
    assert result.returncode != 0
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "espeak-ng" in err[0]


@needs_engine
def test_an_anki_deck_carries_the_engines_audio_for_word_and_sentence(tmp_path: Path) -> None:
    import json
    import zipfile

    from app.core.types import VocabItem
    from app.core.user.anki_deck import default_sources
    from app.core.user.export import export_apkg

    bank = VocabItem("银行", "銀行", "yín háng", "bank", sentence="我去银行取钱，然后回家。",
                     mark=2)
    out = tmp_path / "deck.apkg"
    export_apkg([bank], out, sources=default_sources(default_analyzer()))
    with zipfile.ZipFile(out) as package:
        media = json.loads(package.read("media"))
        assert len(media) == 2  # the word, then its sentence
        seconds = []
        for index in sorted(media, key=int):
            wav = tmp_path / media[index]
            wav.write_bytes(package.read(index))
            seconds.append(wav_duration(wav))
            assert loudness(wav) > 0.02
    assert 0.3 <= seconds[0] < seconds[1]
