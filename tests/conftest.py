"""Shared fixtures: the bundled seed, its outline, and a golden-file switch."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support.cli import make_seed_project, run
from support.paths import EPOCH, ROOT, SEED


def pytest_configure(config):
    # The tests assert English messages; a developer's Chinese locale must not fail them. Tests of
    # the Chinese interface ask for it themselves (monkeypatch, or their subprocess's environment).
    os.environ["BRIEFGEN_LANG"] = "en"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_outline(seed_text):
    from briefgen.outline.parse import parse_text

    return parse_text(seed_text, "seeds/000_d46ae736df1a2878.txt")


@pytest.fixture(scope="session")
def sheet():
    """The bundled style sheet, as the bundled project's briefgen.toml leaves it."""
    from briefgen.project.folder import load_project

    return load_project(ROOT).style


@pytest.fixture(scope="session")
def default_project(tmp_path_factory):
    """A project folder holding nothing: briefgen's own templates, style sheet and configuration."""
    from briefgen.project.folder import load_project

    return load_project(tmp_path_factory.mktemp("default-project"))


@pytest.fixture(scope="session")
def default_renderer(default_project):
    from briefgen.render import Renderer

    return Renderer(default_project)


@pytest.fixture()
def project_dir(tmp_path, monkeypatch) -> Path:
    """A fresh project folder holding a copy of the seed, made the working folder."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """A project folder with the seed and its themes, built once, and its own cache folder."""
    make_seed_project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    run(tmp_path, "build", "-q")
    return tmp_path
