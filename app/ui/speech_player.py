"""Speaking from the window without ever blocking it.

The engine (`app.core.language.speech`) is probed and run on a worker thread; the WAV it
writes is played by a system player in a QProcess. A newer request replaces an older
one: its audio is dropped if it arrives late, and a sound still playing is stopped.
"""

from __future__ import annotations

import shutil
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QRunnable, QThreadPool, Signal

from app.core.errors import UserError
from app.core.language.speech import (
    PLAYER_HINT,
    ReadingAwareEngine,
    SpeechEngine,
    wav_player_command,
)

Player = Callable[[Path], "list[str] | None"]


class _Signals(QObject):
    probed = Signal(bool, str)  # available, reason
    synthesized = Signal(int, str)  # request id, WAV path
    failed = Signal(int, str)  # request id, message


class _Probe(QRunnable):
    def __init__(self, engine: SpeechEngine, signals: _Signals) -> None:
        super().__init__()
        self._engine = engine
        self._signals = signals

    def run(self) -> None:
        try:
            ok = self._engine.available()
            reason = "" if ok else self._engine.unavailable_reason()
        except Exception as exc:  # a broken engine greys the action, never crashes
            ok, reason = False, f"speech engine failed: {exc}"
        self._signals.probed.emit(ok, reason)


class _Synthesis(QRunnable):
    def __init__(self, request: int, engine: SpeechEngine, text: str,
                 reading: Sequence[str] | None, out: Path, signals: _Signals) -> None:
        super().__init__()
        self._request = request
        self._engine = engine
        self._text = text
        self._reading = reading
        self._out = out
        self._signals = signals

    def run(self) -> None:
        try:
            if self._reading is not None and isinstance(self._engine, ReadingAwareEngine):
                self._engine.synthesize_reading(self._text, self._reading, self._out)
            else:
                self._engine.synthesize(self._text, self._out)
            self._signals.synthesized.emit(self._request, str(self._out))
        except UserError as exc:
            self._signals.failed.emit(self._request, str(exc))
        except Exception as exc:
            traceback.print_exc()
            self._signals.failed.emit(self._request, f"unexpected {type(exc).__name__}: {exc}")


class Speaker(QObject):
    """Speaks text through an engine; says once whether it can (`availability_changed`)."""

    availability_changed = Signal(bool, str)  # available, why not (what to install)
    spoken = Signal(str)  # the WAV file just handed to the player
    failed = Signal(str)  # a one-line message for the status bar

    def __init__(self, engine: SpeechEngine, player: Player | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._player = player  # None: the system's (`wav_player_command`), found when needed
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.probed.connect(self._on_probed)
        self._signals.synthesized.connect(self._on_synthesized)
        self._signals.failed.connect(self._on_failed)
        self._available: bool | None = None  # None: not probed yet
        self._reason = "Looking for a speech engine…"
        self._latest = 0
        self._folder = Path(tempfile.mkdtemp(prefix="zhreader-speech-"))
        self._process: QProcess | None = None
        folder = self._folder
        self.destroyed.connect(lambda *_: shutil.rmtree(folder, ignore_errors=True))

    @property
    def available(self) -> bool:
        return bool(self._available)

    @property
    def reason(self) -> str:
        return self._reason

    def probe(self) -> None:
        """Find out, off the GUI thread, whether speaking works here."""
        self._pool.start(_Probe(self._engine, self._signals))

    def speak(self, text: str, reading: Sequence[str] | None = None) -> int:
        """Speak `text` (read as `reading` when given); returns the request's number."""
        self._latest += 1
        out = self._folder / f"speech-{self._latest}.wav"
        self._pool.start(_Synthesis(self._latest, self._engine, text,
                                    tuple(reading) if reading is not None else None, out,
                                    self._signals))
        return self._latest

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)

    def _on_probed(self, ok: bool, reason: str) -> None:
        if ok and self._player_command(self._folder / "probe.wav") is None:
            ok, reason = False, f"Cannot play speech: {PLAYER_HINT}; install pipewire-bin, " \
                "pulseaudio-utils or alsa-utils"
        self._available = ok
        self._reason = reason
        self.availability_changed.emit(ok, reason)

    def _on_synthesized(self, request: int, path: str) -> None:
        wav = Path(path)
        if request != self._latest:
            wav.unlink(missing_ok=True)  # a newer request is on its way
            return
        command = self._player_command(wav)
        if command is None:
            self.failed.emit(PLAYER_HINT)
            return
        self.stop()
        for old in self._folder.glob("speech-*.wav"):  # what earlier requests left behind
            if old != wav:
                old.unlink(missing_ok=True)
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.finished.connect(lambda *_: self._forget(process))
        process.errorOccurred.connect(lambda *_: self._forget(process))
        process.start()  # asynchronous: the player runs while the window goes on
        self._process = process
        self.spoken.emit(path)

    def _player_command(self, wav: Path) -> list[str] | None:
        return (self._player or wav_player_command)(wav)

    def _forget(self, process: QProcess) -> None:
        if self._process is process:
            self._process = None
        process.deleteLater()

    def _on_failed(self, request: int, message: str) -> None:
        if request == self._latest:
            self.failed.emit(message)
