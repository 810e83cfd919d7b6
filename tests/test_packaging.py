"""The sdist and wheel `python -m build` makes: everything zhreader reads at run time is inside
(whatever pyproject.toml maps into the `app` package), nothing of the tests or benchmarks is,
and the wheel runs on its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import REPO, article_sentence

BUILD_TIMEOUT_S = 600


def packaged_files() -> set[str]:
    """Where each checkout file lands in the wheel, from pyproject's package-dir mapping."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_dirs = config["tool"]["setuptools"]["package-dir"]
    files = set()
    for package, folder in package_dirs.items():
        root = REPO / folder
        nested = {REPO / d for p, d in package_dirs.items() if p != package and d != folder}
        for path in root.rglob("*"):
            if (not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc"
                    or any(path.is_relative_to(n) for n in nested)):
                continue
            files.add("/".join([*package.split("."), *path.relative_to(root).parts]))
    return files


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel), the wheel built from the sdist as `python -m build` does.

    Built from a copy of the checkout without its build leftovers (a stale egg-info would
    smuggle in files pyproject.toml forgot); --no-isolation: the test environment already has
    setuptools and wheel, so nothing is downloaded.
    """
    source = tmp_path_factory.mktemp("checkout") / "zhreader"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"))
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    sdist = out / f"zhreader-{__version__}.tar.gz"
    wheel = out / f"zhreader-{__version__}-py3-none-any.whl"
    assert sdist.is_file() and wheel.is_file(), sorted(p.name for p in out.iterdir())
    return sdist, wheel


def test_wheel_holds_the_whole_app_and_its_data_and_nothing_else(dists) -> None:
    with zipfile.ZipFile(dists[1]) as wheel:
        names = {n for n in wheel.namelist() if not n.startswith(f"zhreader-{__version__}.")}
    expected = packaged_files()
    assert {n for n in expected if n.startswith("app/resources/")}  # articles, icons, style
    assert {n for n in expected if n.startswith("app/dictionaries/")}
    assert "app/LICENSES/CC-BY-SA-4.0.txt" in expected
    assert names == expected  # no file missing, none stale, no tests or benchmarks
    assert not {n for n in names if n.startswith(("tests/", "benchmarks/"))}


def test_sdist_holds_the_sources_of_the_wheel_but_no_tests(dists) -> None:
    top = f"zhreader-{__version__}/"
    with tarfile.open(dists[0]) as sdist:
        names = {m.name.removeprefix(top) for m in sdist.getmembers() if m.isfile()}
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    folders = set(config["tool"]["setuptools"]["package-dir"].values())
    for folder in folders:
        here = {str(p.relative_to(REPO)) for p in (REPO / folder).rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
        assert here <= names, folder
    assert {"pyproject.toml", "README.md"} <= names
    assert not {n for n in names if n.startswith(("tests/", "benchmarks/"))}


def test_the_wheel_alone_analyses_an_article(dists, tmp_path: Path) -> None:
    """Installed by itself (its dependencies from this environment), away from the checkout."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(target), str(dists[1])],
        check=True, timeout=BUILD_TIMEOUT_S, capture_output=True,
    )
    article = tmp_path / "article.txt"
    article.write_text(article_sentence("sam-altman-reflections.txt", "。"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import app.core.paths as p; print(p.resources_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(target)
    result = subprocess.run(
        [sys.executable, "-m", "app", "analyze", str(article)], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert any(token["pinyin"] and token["gloss"] for token in analysis["tokens"])
