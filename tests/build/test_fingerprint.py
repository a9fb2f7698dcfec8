"""The fingerprint of a seed's inputs: content hashes only, so equal inputs give equal fingerprints anywhere."""

from __future__ import annotations

import json
import shutil

from briefgen.build.fingerprint import (
    FileHashes,
    fingerprint_inputs,
    hash_file,
    hash_json,
)
from briefgen.project.folder import load_project

from support.cli import make_seed_project
from support.paths import SEED


def fingerprint(folder):
    project = load_project(folder)
    return fingerprint_inputs(folder / "seeds" / SEED.name, project, False, ("docx", "pdf"), FileHashes())


def test_the_same_inputs_in_two_folders_give_the_same_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    first, second = make_seed_project(tmp_path / "a"), make_seed_project(tmp_path / "b")
    assert fingerprint(first).values == fingerprint(second).values
    assert str(tmp_path) not in json.dumps(fingerprint(first).values)


def test_each_input_changes_its_own_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    folder = make_seed_project(tmp_path)
    before = fingerprint(folder).values
    (folder / "templates").mkdir()
    shutil.copy(load_project(folder).template_dirs[-1] / "cover.j2", folder / "templates" / "cover.j2")
    (folder / "templates" / "cover.j2").write_text("cover_title: {{ title }}\n", encoding="utf-8")
    (folder / "briefgen.toml").write_text('[document]\nunit = "XX"\n', encoding="utf-8")
    after = fingerprint(folder).values
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"templates", "config"}
    assert after["templates"]["cover.j2"] == hash_file(folder / "templates" / "cover.j2")


def test_the_fingerprint_names_the_files_and_folders_the_quick_check_watches(tmp_path):
    folder = make_seed_project(tmp_path)
    found = fingerprint(folder)
    assert str(folder / "seeds" / SEED.name) in found.read_files
    assert any(path.endswith("BriefgenBody-FandolFang-Regular.ttf") for path in found.read_files)
    assert set(found.faces) >= {"title", "body", "latin", "latin-bold", "fallback"}


def test_large_files_are_hashed_once_and_remembered_by_size_and_time(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 100_000)
    hashes = FileHashes()
    digest = hashes.get(big)
    hashes.save()
    again = FileHashes()
    assert again.get(big) == digest and not again.changed
    big.write_bytes(b"y" * 100_001)
    assert again.get(big) != digest and again.changed
    assert hash_json({"b": 1, "a": [2]}) == hash_json({"a": [2], "b": 1})
