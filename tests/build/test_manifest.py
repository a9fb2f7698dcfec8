"""manifest.json: what a build wrote and what from; read back exactly, anything damaged is no manifest."""

from __future__ import annotations

import json

import pytest

from briefgen.build.manifest import MANIFEST, Entry, Manifest, read_manifest


def test_a_manifest_reads_back_as_written(tmp_path):
    entry = Entry("briefs/01-考录.pdf", "brief", "pdf", "考录", "ab" * 32, 1234, {"speeches": {"1": "x"}}, "cd" * 32)
    manifest = Manifest("seeds/x.txt", {"seed": "h"}, (entry,), "updating")
    (tmp_path / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    assert read_manifest(tmp_path) == manifest


def test_the_json_is_stable_and_holds_no_time_or_absolute_path(tmp_path):
    entries = (Entry("b.pdf", "compilation", "pdf", None, "1", 1), Entry("a.docx", "compilation", "docx", None, "2", 2))
    text = Manifest("seeds/x.txt", {}, entries).to_json()
    assert text == Manifest("seeds/x.txt", {}, entries[::-1]).to_json()
    data = json.loads(text)
    assert [o["path"] for o in data["outputs"]] == ["a.docx", "b.pdf"] and data["state"] == "complete"
    assert str(tmp_path) not in text


@pytest.mark.parametrize("content", ["", "{", "[]", '{"schema_version": 99}', '{"schema_version": 1}',
                                     '{"schema_version": 1, "seed": "s", "outputs": [{"path": "x"}]}'])
def test_a_missing_damaged_or_foreign_manifest_is_no_manifest(tmp_path, content):
    assert read_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_text(content, encoding="utf-8")
    assert read_manifest(tmp_path) is None
