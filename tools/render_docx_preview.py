#!/usr/bin/env python3
"""Render the first body page of the seed's DOCX as LibreOffice shows it, for the README.

    .venv/bin/python tools/render_docx_preview.py [SEED] [-o docs/images/docx-body-page.png] [--dpi 110]

The DOCX is written by briefgen's writer and converted by LibreOffice exactly as the tests do it
(tests/support/lo.py: private profile, fontconfig aliasing the official font names to the bundled
fonts); poppler's pdftoppm draws the page in greyscale, kept as a 16-grey PNG (small file).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GREYS = 16  # levels kept in the PNG: enough for anti-aliased text
sys.path.insert(0, str(ROOT / "tests"))

from support.lo import LibreOffice, write_fontconfig  # noqa: E402

from briefgen.outline.seeds import load_seed  # noqa: E402
from briefgen.project.folder import load_project  # noqa: E402
from briefgen.render import Renderer  # noqa: E402
from briefgen.writers.docx.writer import write_docx  # noqa: E402


def render_preview(seed: Path, out: Path, dpi: int) -> Path:
    """Write the PNG of the first numbered page of ``seed``'s DOCX and return its path."""
    project = load_project(ROOT)
    loaded = load_seed(seed)
    renderer = Renderer(project, source=project.relative(loaded.path))
    job = renderer.compilation(loaded.outline, project.config.document_date())
    page = next(i for i, p in enumerate(job.layout.pages) if p.number is not None) + 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = folder / "preview.docx"
        docx.write_bytes(write_docx(job))
        office = LibreOffice(folder / "profile", write_fontconfig(folder / "fontconfig", dict(project.style.fonts)))
        pdf = office.convert(docx, folder)
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(folder / "page")], check=True)
        from PIL import Image

        out.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(folder / "page.pgm") as image:
            image.convert("L").quantize(GREYS, dither=Image.Dither.NONE).save(out, optimize=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=ROOT / "seeds" / "000_d46ae736df1a2878.txt")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "images" / "docx-body-page.png")
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    path = render_preview(args.seed, args.output, args.dpi)
    print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
