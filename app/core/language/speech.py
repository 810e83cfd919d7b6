"""Speech: Mandarin audio for a word or a sentence, offline, behind a small engine interface.

The window speaks the hovered word, `zhreader speak` writes or plays a WAV, and vocabulary
exports put `[sound:…]` files into Anki decks; all of them go through `SpeechEngine`, so a
better engine can replace the default without touching its callers.

The default is Debian's espeak-ng. Its character dictionary for Mandarin reads most
characters' tone digits in English ("qu four"), so the engine gives it numbered pinyin
from the project's own contextual reader (the reading the popup shows) and uses the
Mandarin voice's pinyin variant, `cmn-latn-pinyin`, which reads that correctly, tone
sandhi included. Only an espeak-ng without that variant gets the characters themselves.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from app.core.errors import UserError
from app.core.language.tones import to_numbered
from app.core.paths import atomic_write_bytes
from app.core.text.chars import is_han

ESPEAK = "espeak-ng"
PINYIN_VOICE = "cmn-latn-pinyin"  # Mandarin, Latin letters read as pinyin
CHARACTER_VOICE = "cmn"  # Mandarin, characters read through espeak-ng's own dictionary
INSTALL_HINT = "install it with `sudo apt install espeak-ng` (Debian/Ubuntu)"
SYNTHESIS_TIMEOUT_S = 60
MAX_SPEECH_CHARS = 2_000  # a "sentence" longer than this is not a sentence: refused

# Punctuation that should make the voice pause, in the form espeak-ng understands.
_PAUSES = {
    "，": ", ", "、": ", ", "；": "; ", "：": ", ", "。": ". ", "！": "! ", "？": "? ",
    "…": ". ", "\n": ". ",
}


@runtime_checkable
class SpeechEngine(Protocol):
    """What speaking needs: is it possible, why not, and a WAV file for a text."""

    def available(self) -> bool:
        """True when `synthesize` can work here (may probe the system once)."""
        ...

    def unavailable_reason(self) -> str:
        """One line for the learner, saying what to install; "" when available."""
        ...

    def synthesize(self, text: str, out: Path) -> None:
        """Write `text` (Chinese, either script) spoken as a WAV file at `out`.

        Raises UserError with a one-line message when it cannot.
        """
        ...


@runtime_checkable
class ReadingAwareEngine(SpeechEngine, Protocol):
    """An engine that can also take the reading the learner was shown (one syllable per
    character, "" for non-Han), so a polyphone sounds as the popup says it reads."""

    def synthesize_reading(self, text: str, reading: Sequence[str], out: Path) -> None:
        ...


def pinyin_script(text: str, reading: Sequence[str]) -> str:
    """What the pinyin voice reads: numbered syllables for Han, pauses for punctuation.

    Other characters (Latin words, digits) are passed as they are.
    """
    parts: list[str] = []
    for i, ch in enumerate(text):
        syllable = reading[i] if i < len(reading) else ""
        if syllable and is_han(ch):
            parts.append(f" {to_numbered(syllable)} ")
        elif ch in _PAUSES:
            parts.append(_PAUSES[ch])
        elif ch.isascii() and (ch.isalnum() or ch in ".,;!?'-"):
            parts.append(ch)
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _proper_wav(data: bytes) -> bytes:
    """espeak-ng writing to a pipe cannot seek back to fill in the header's sizes; the
    frames are fine. Re-wrap them so every WAV reader accepts the file."""
    try:
        with wave.open(io.BytesIO(data)) as source:
            params = source.getparams()
            frames = source.readframes(source.getnframes())
    except (wave.Error, EOFError) as exc:
        raise UserError(f"the speech engine wrote no usable audio ({exc})") from None
    frames = frames[: len(frames) - len(frames) % (params.sampwidth * params.nchannels)]
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setnchannels(params.nchannels)
        target.setsampwidth(params.sampwidth)
        target.setframerate(params.framerate)
        target.writeframes(frames)
    return out.getvalue()


class EspeakNgEngine:
    """The default engine: the `espeak-ng` command, Mandarin voice, run once per text."""

    def __init__(self, romanize: Callable[[str], Sequence[str]],
                 executable: str = ESPEAK, rate: int = 140) -> None:
        self._romanize = romanize  # text -> contextual pinyin (`Analyzer.spoken_reading`)
        self._executable = executable
        self._rate = rate  # words per minute; espeak's 175 is quick for a learner
        self._lock = threading.Lock()
        self._probed = False
        self._path: str | None = None
        self._voice: str | None = None
        self._reason = ""

    # ---- availability ----------------------------------------------------------------

    def _probe(self) -> None:
        with self._lock:
            if self._probed:
                return
            self._path = shutil.which(self._executable)
            if self._path is None:
                self._reason = f"No speech engine: {self._executable} is not installed; " \
                    + INSTALL_HINT
            else:
                self._voice = self._find_voice(self._path)
                if self._voice is None:
                    self._reason = (f"{self._executable} has no Mandarin (cmn) voice; "
                                    "install espeak-ng-data")
            self._probed = True

    @staticmethod
    def _find_voice(path: str) -> str | None:
        try:
            listing = subprocess.run([path, "--voices=cmn"], capture_output=True, text=True,
                                     timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        voices = {line.split()[1].lower() for line in listing.splitlines()[1:]
                  if len(line.split()) > 1}
        for voice in (PINYIN_VOICE, CHARACTER_VOICE):
            if voice in voices:
                return voice
        return None

    def available(self) -> bool:
        self._probe()
        return self._voice is not None

    def unavailable_reason(self) -> str:
        self._probe()
        return self._reason

    @property
    def voice(self) -> str | None:
        """The espeak-ng voice used, once probed (None when unavailable)."""
        self._probe()
        return self._voice

    # ---- synthesis ---------------------------------------------------------------------

    def synthesize(self, text: str, out: Path) -> None:
        self.synthesize_reading(text, None, out)

    def synthesize_reading(self, text: str, reading: Sequence[str] | None, out: Path) -> None:
        """Like `synthesize`, read as `reading` (one syllable per character) when given."""
        if not self.available():
            raise UserError(self._reason)
        text = text.strip()
        if len(text) > MAX_SPEECH_CHARS:
            raise UserError(f"too long to speak ({len(text):,} characters; at most "
                            f"{MAX_SPEECH_CHARS:,})")
        if self._voice == PINYIN_VOICE:
            if reading is None or len(reading) != len(text):
                reading = self._romanize(text)
            script = pinyin_script(text, reading)
        else:
            script = " ".join(text.split())
        if not any(ch.isalnum() for ch in script):
            raise UserError(f"nothing to speak in {text[:20]!r}")
        atomic_write_bytes(Path(out), _proper_wav(self._run(script)))

    def _run(self, script: str) -> bytes:
        command = [self._path or self._executable, "-v", self._voice or CHARACTER_VOICE,
                   "-s", str(self._rate), "--stdout", "--stdin"]
        try:
            # The text goes through standard input: never parsed as options or by a shell.
            done = subprocess.run(command, input=script.encode("utf-8"), capture_output=True,
                                  timeout=SYNTHESIS_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise UserError(f"{self._executable} took over {SYNTHESIS_TIMEOUT_S} s") from None
        except OSError as exc:
            raise UserError(f"cannot run {self._executable}: {exc}") from None
        if done.returncode != 0 or not done.stdout:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UserError(f"{self._executable} failed"
                            + (f": {detail[-1]}" if detail else f" (exit {done.returncode})"))
        return done.stdout


# Players for a WAV file, the first found is used (PipeWire, PulseAudio, ALSA, ffmpeg).
PLAYERS: tuple[tuple[str, ...], ...] = (
    ("pw-play",),
    ("paplay",),
    ("aplay", "-q"),
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"),
)
PLAYER_HINT = "no audio player found (pw-play, paplay, aplay or ffplay)"


def wav_player_command(wav: Path) -> list[str] | None:
    """The command that plays `wav` on this system, or None when there is no player."""
    for program, *options in PLAYERS:
        path = shutil.which(program)
        if path:
            return [path, *options, str(wav)]
    return None


def wav_duration(path: Path) -> float:
    """Seconds of audio in a WAV file."""
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def speak_to_temp(engine: SpeechEngine, text: str, folder: Path | None = None) -> Path:
    """Synthesise into a new temporary WAV file (the caller deletes it)."""
    fd, name = tempfile.mkstemp(prefix="zhreader-speech-", suffix=".wav", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        engine.synthesize(text, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
