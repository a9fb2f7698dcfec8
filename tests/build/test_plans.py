"""Planning a seed's outputs: which files, what each depends on, rendered only when asked."""

from __future__ import annotations

from briefgen.briefs.themes import parse_themes
from briefgen.build.fingerprint import FileHashes, fingerprint_inputs
from briefgen.build.plans import SeedPlan, output_dirs, plan_outputs, speech_hashes
from briefgen.outline.parse import parse_text
from briefgen.outline.seeds import load_seed
from briefgen.project.folder import load_project

from support.cli import make_seed_project
from support.paths import SEED


def plan(folder, warnings=None):
    project = load_project(folder)
    seed = folder / "seeds" / SEED.name
    found = fingerprint_inputs(seed, project, False, ("docx", "pdf"), FileHashes())
    return SeedPlan(seed, f"seeds/{SEED.name}", project, ("docx", "pdf"), False, found,
                    (warnings if warnings is not None else []).append)


def test_a_seed_with_themes_plans_its_compilation_briefs_and_index(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    warnings: list[str] = []
    targets = plan_outputs(plan(make_seed_project(tmp_path), warnings))
    paths = [t.path for t in targets]
    assert paths[:2] == ["公务员工作座谈会发言汇编.docx", "公务员工作座谈会发言汇编.pdf"]
    assert paths[-1] == "briefs/index.json" and len(paths) == 19
    assert {t.kind for t in targets} == {"compilation", "brief", "brief-index"}
    compilation = targets[0]
    assert set(compilation.deps) >= {"speeches", "document", "templates", "style", "fonts", "date", "version"}
    assert set(compilation.deps["speeches"]) == {str(n) for n in range(1, 7)}
    brief = next(t for t in targets if t.kind == "brief")
    titles = {s.title for s in load_seed(make_seed_project(tmp_path) / "seeds" / SEED.name).outline.speeches}
    assert set(brief.deps["speeches"]) < titles  # only the speeches it quotes, by title
    assert warnings == [f"seeds/{SEED.name}:7: warning: removed site artefact ##paidbegin##",
                        f"seeds/{SEED.name}:36: warning: removed site artefact ##paidend##"]


def test_nothing_is_rendered_until_a_target_is_asked_for_its_bytes(tmp_path, monkeypatch):
    import sys

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    targets = plan_outputs(plan(make_seed_project(tmp_path)))
    assert [t.format for t in targets[:2]] == ["docx", "pdf"]
    assert targets[1].render().startswith(b"%PDF-")
    assert "briefgen.writers.pdf.writer" in sys.modules


def test_a_seed_without_themes_plans_briefs_of_derived_themes_and_their_theme_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    warnings: list[str] = []
    targets = plan_outputs(plan(make_seed_project(tmp_path, themes=False), warnings))
    kinds = [t.kind for t in targets]
    assert kinds.count("brief") >= 6 and kinds[-2:] == ["themes", "brief-index"]
    derived = targets[-2]
    assert derived.path == "briefs/themes.toml"
    themes = parse_themes(derived.render().decode("utf-8"), "themes.toml").themes
    assert len(themes) == kinds.count("brief") // 2  # every derived theme has its brief
    notes = [w for w in warnings if ": note: " in w]
    assert notes == [f"seeds/{SEED.name}: note: no theme file seeds/{SEED.stem}.themes.toml: "
                     f"{len(themes)} themes found in the text, written to output/{SEED.stem}/briefs/"
                     f"themes.toml (copy it to seeds/{SEED.stem}.themes.toml to edit and keep them)"]


def test_a_cold_build_passes_over_the_dictionary_once_though_a_headline_has_a_character_the_seed_lacks(
        tmp_path, monkeypatch):
    from briefgen.words import segment

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cold"))
    folder = make_seed_project(tmp_path / "project")
    themes = folder / "seeds" / f"{SEED.stem}.themes.toml"
    text = themes.read_text(encoding="utf-8")
    seed_text = (folder / "seeds" / SEED.name).read_text(encoding="utf-8")
    headline = next(line for line in text.splitlines() if line.startswith("headline = "))
    assert "鑫" not in seed_text
    themes.write_text(text.replace(headline, headline[:-1] + "鑫\""), encoding="utf-8")
    built = []

    class Counted(segment.Segmenter):
        def __init__(self, text):
            built.append(text)
            super().__init__(text)

    segment.clear_dictionary_cache()
    monkeypatch.setattr(segment, "Segmenter", Counted)
    targets = plan_outputs(plan(folder))
    assert sum(t.kind == "brief" for t in targets) == 16
    assert len(built) == 1 and "鑫" in built[0]  # titles, sentences and headlines in one pass


def test_speech_hashes_ignore_line_numbers_but_not_text():
    text = "汇编\n标题一\n正文一。\n标题二\n正文二。\n"
    moved = speech_hashes(parse_text(text.replace("汇编\n", "汇编\n\n\n")))
    assert moved == speech_hashes(parse_text(text))
    edited = speech_hashes(parse_text(text.replace("正文二", "正文三")))
    assert edited["1"] == moved["1"] and edited["2"] != moved["2"]


def test_output_folders_are_named_after_the_seed(tmp_path):
    seeds = [tmp_path / "seeds" / "a.txt", tmp_path / "seeds" / "...txt"]
    assert output_dirs(seeds[:1], tmp_path / "out", tmp_path) == [tmp_path / "out"]
    assert output_dirs(seeds, None, tmp_path) == [tmp_path / "output" / "a", tmp_path / "output" / "seed"]
