"""Setting up the work folder of a bench run: the project and its seeds (with and without a theme file),
warm bytecode and token caches, the alternatives' inputs, the modules a real build imports."""

from __future__ import annotations

import os
import shutil

from bench_briefs import CONFIG
from common import SEED, scaled_seed
from runner.builds import edited
from runner.compare_office import prepare_office, write_markdown
from runner.compare_typst import typst_source
from runner.imports import record_build_imports
from runner.inputs import THEMES, TYPST_TEMPLATE


def prepare(bench) -> None:
    """Write the project, warm each seed up, prepare the alternatives, record a build's imports."""
    from briefgen.project.folder import load_project

    # This process breaks titles too (for the Typst sources): into the run's warm cache, not the user's.
    os.environ["BRIEFGEN_CACHE"] = bench.env["BRIEFGEN_CACHE"]
    (bench.project / "out").mkdir(parents=True)
    shutil.copy(CONFIG, bench.project / "briefgen.toml")
    project = load_project(bench.project)
    (bench.work / "typst").mkdir()
    shutil.copy(TYPST_TEMPLATE, bench.work / "typst" / TYPST_TEMPLATE.name)
    for factor in bench.factors:
        prepare_seed(bench, project, factor)
    if 1 in bench.factors:
        prepare_duplex(bench)
    if bench.office:
        prepare_office(bench, dict(project.style.fonts))
    factor = bench.factors[0]
    kind = "full" if bench.with_briefs(factor, 0) else "comp"
    bench.imports = record_build_imports(bench, bench.seed(kind, factor), f"out/importtime-{factor}")


DUPLEX = "[document]\nduplex = true\nspeeches_start_right = true\n"


def prepare_duplex(bench) -> None:
    """Write the duplex project: the seed with its theme file, the same configuration printed on both
    sides with every speech on a right-hand page; one untimed build warms it up."""
    folder = bench.duplex_project / "full"
    folder.mkdir(parents=True)
    for name in ("seed-1x.txt", "seed-1x.themes.toml"):
        shutil.copy(bench.project / "full" / name, folder / name)
    config = CONFIG.read_text(encoding="utf-8")
    assert config.count("[document]\n") == 1
    (bench.duplex_project / "briefgen.toml").write_text(config.replace("[document]\n", DUPLEX), encoding="utf-8")
    bench.build_duplex("out/warm")


def prepare_seed(bench, project, factor: int) -> None:
    """Write the factor's seeds, build each once untimed, write its Typst source and Markdown."""
    from briefgen.outline.parse import parse_text

    text = SEED.read_text(encoding="utf-8") if factor == 1 else scaled_seed(factor)
    for kind in ("full", "comp"):
        path = bench.project / bench.seed(kind, factor)
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(THEMES, bench.project / "full" / f"seed-{factor}x.themes.toml")
    # A theme file without themes: no briefs (no theme file at all would have its themes derived)
    (bench.project / "comp" / f"seed-{factor}x.themes.toml").write_text("", encoding="utf-8")
    outline = parse_text(text)
    bench.info[(factor, "text")] = text
    bench.info[(factor, "edited")] = edited(text, outline)
    bench.info[(factor, "chars")] = len(text)
    bench.info[(factor, "speeches")] = len(outline.speeches)
    # One untimed build of each seed: compiles the bytecode, caches the dictionary's total and the
    # seed's title and sentence tokens in the warm cache folder.
    print(f"  warming up {factor}x ...", flush=True)
    if bench.with_briefs(factor, 0):
        bench.build(bench.seed("full", factor), f"out/warm-full-{factor}")
    bench.build(bench.seed("comp", factor), f"out/warm-comp-{factor}")
    write_typst_source(bench, project, factor)
    if bench.office:
        write_markdown(bench, factor)


def write_typst_source(bench, project, factor: int) -> None:
    """Write the factor's compilation as Typst, with the title lines briefgen's document stage chose."""
    from briefgen.document.titles import display_titles
    from briefgen.outline.seeds import load_seed
    from briefgen.project.config import format_chinese_date

    outline = load_seed(bench.project / bench.seed("comp", factor)).outline
    titles = display_titles(outline, project.style)
    date = format_chinese_date(project.config.document_date())
    source = typst_source(outline, titles, project.config.document.unit, date)
    (bench.work / "typst" / f"seed-{factor}x.typ").write_text(source, encoding="utf-8")
