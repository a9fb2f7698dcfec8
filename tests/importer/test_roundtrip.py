"""briefgen's own compilation DOCX imports back into the seed's outline (through the public command line and JSON).

What survives: the collection title, every speech title (its display lines, w:br in the DOCX,
joined back), subtitles and unit lines, the points of every level with markers and headings,
the sub-points, every text character in order. What does not: the collection title's count
suffix (6篇), which the cover does not print, and the seed's line numbers; the cover's date
and the contents are left out and reported.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

EPOCH = "1795824000"  # 2026-11-28


def strip_lines(value):
    """Return an outline without its seed line numbers and warnings (they differ between two seeds)."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("line", "warnings")}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory, briefgen):
    """Build the bundled seed's compilation in a fresh project, import its DOCX; return both outlines and the
    import's output."""
    project = tmp_path_factory.mktemp("roundtrip")
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_d46ae736df1a2878.txt"
    shutil.copytree(seed.parent, project / "seeds")
    env = {"SOURCE_DATE_EPOCH": EPOCH, "BRIEFGEN_CACHE": str(project / "cache")}
    built = briefgen(project, "build", f"seeds/{seed.name}", "-o", "out", env=env)
    assert built.returncode == 0, built.stderr
    (docx_file,) = (project / "out").glob("*.docx")
    imported = briefgen(project, "import", str(docx_file), "-o", "imported.txt", env=env)
    assert imported.returncode == 0, imported.stderr
    outlines = []
    for path in (f"seeds/{seed.name}", "imported.txt"):
        proc = briefgen(project, "outline", "--format", "json", path, env=env)
        assert proc.returncode == 0, proc.stderr
        outlines.append(json.loads(proc.stdout))
    return outlines[0], outlines[1], imported


def test_titles_units_and_points_per_level_survive(roundtrip, outline_views):
    original, imported, _ = roundtrip
    assert [s["title"] for s in imported["speeches"]] == [s["title"] for s in original["speeches"]]
    assert [s["title_lines"] for s in imported["speeches"]] == [s["title_lines"] for s in original["speeches"]]
    assert [s["unit"] for s in imported["speeches"]] == [s["unit"] for s in original["speeches"]]
    assert [s["subtitle"] for s in imported["speeches"]] == [s["subtitle"] for s in original["speeches"]]
    assert ([strip_lines(outline_views.levels(s["points"])) for s in imported["speeches"]]
            == [strip_lines(outline_views.levels(s["points"])) for s in original["speeches"]])


def test_every_text_character_survives_in_order(roundtrip, outline_views):
    original, imported, _ = roundtrip
    assert imported["title"] == original["title"]
    assert ([outline_views.text(s) for s in imported["speeches"]]
            == [outline_views.text(s) for s in original["speeches"]])
    assert strip_lines(imported["speeches"]) == strip_lines(original["speeches"])  # sub-points too


def test_only_the_count_suffix_is_lost_and_the_cover_and_contents_are_reported(roundtrip):
    original, imported, proc = roundtrip
    assert original["count_suffix"] == "6篇" and imported["count_suffix"] == ""
    differing = {k for k in original if strip_lines(original[k]) != strip_lines(imported[k])}
    assert differing == {"count_suffix", "declared_count", "warnings", "line"}
    assert "cover: 公务员工作座谈会发言汇编" in proc.stdout
    assert "1 cover line, 7 contents lines" in proc.stdout  # the date; 目录 and its six entries
    assert "titled after this file's cover" in proc.stderr
