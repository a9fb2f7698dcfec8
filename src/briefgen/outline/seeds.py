"""Find seeds and turn one into an outline: the reading step every command shares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from briefgen.errors import ParseError
from briefgen.i18n import _

if TYPE_CHECKING:
    from briefgen.outline.model import Collection

SEED_FOLDER = "seeds"


@dataclass(frozen=True)
class LoadedSeed:
    """A seed's path, decoded text, encoding and outline."""

    path: Path
    text: str
    encoding: str
    outline: Collection

    @property
    def name(self) -> str:
        """Return the seed's name: its file name without .txt."""
        return self.path.stem


def find_seeds(paths: Sequence[str | Path], root: Path | None = None) -> list[Path]:
    """Return the given seed paths, or every seeds/*.txt under ``root`` when none are given."""
    if paths:
        return [Path(p) for p in paths]
    folder = (root or Path.cwd()) / SEED_FOLDER
    found = sorted(folder.glob("*.txt"))
    if not found:
        raise ParseError(str(folder), 1, _("no seeds: put a .txt file in seeds/ or name one on the command line"))
    return found


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working folder when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_seed(path: Path) -> LoadedSeed:
    """Read, decode and parse one seed."""
    # here, so that finding seeds (every command, and a no-op build) does not load the parser
    from briefgen.outline.decode import read_seed
    from briefgen.outline.parse import parse_text

    shown = display_path(path)
    decoded = read_seed(Path(path), shown)
    outline = parse_text(decoded.text, shown)
    return LoadedSeed(Path(path), decoded.text, decoded.encoding, outline)
