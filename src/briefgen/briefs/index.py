"""briefs/index.json: every brief's files, fill and sentences with their speech and seed line; and what
a rebuild learns from the previous one (a brief that lost most of what it quoted).

An editor approves a brief by what it quotes. When a speech it quoted is no longer in the seed, or
most of its sentences are not (rewritten), the brief is refilled from whatever else matches its
keywords, often incidental hits: the build says so, naming the theme's line, so that nobody sends
out a brief that changed under its approval.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from briefgen.briefs.themes import BRIEF_DIR
from briefgen.i18n import _, ngettext

if TYPE_CHECKING:  # an index of no briefs (a theme file without themes) loads no brief maker
    from briefgen.briefs.maker import Brief
    from briefgen.outline.model import Collection

INDEX_NAME = "index.json"
INDEX_SCHEMA = 2
LOST_SHARE = 0.5  # more than this share of a brief's sentences gone from the seed (or a speech it quoted): warn


def brief_index(briefs: Sequence[Brief], outline: Collection, formats: Sequence[str], source: str,
                themes: str, derived: bool = False) -> dict:
    """Return index.json: per brief, its files, fill and every sentence with its speech and seed line."""
    entries = []
    for brief in briefs:
        entries.append({
            "number": brief.number,
            "issue": brief.issue,
            "theme": brief.theme.name,
            "theme_line": brief.theme.line,
            "headline": brief.theme.headline,
            "keywords": list(brief.theme.keywords),
            "attribution": brief.form,
            "files": [f"{BRIEF_DIR}/{brief.stem}.{fmt}" for fmt in formats],
            "matching_sentences": brief.matching,
            "lines": {"used": brief.lines_used, "available": brief.lines_available},
            "sentences": [{
                "text": s.sentence.text,
                "speech": {"number": s.sentence.speech, "title": outline.speeches[s.sentence.speech - 1].title},
                "line": s.sentence.line,
                "point": s.sentence.point,
                "subpoint": s.sentence.group or None,
                "role": s.sentence.role,
                "keywords": list(s.keywords),
                "score": round(s.score, 4),
                "pinned": s.sentence.index in brief.pinned,
            } for s in brief.sentences],
        })
    return {"schema_version": INDEX_SCHEMA, "seed": source, "themes": themes, "derived_themes": derived,
            "briefs": entries}


def read_previous_index(out_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Return theme name -> (sentence, speech title) of what its brief quoted in the last build ({} when unknown)."""
    try:
        data = json.loads((Path(out_dir) / BRIEF_DIR / INDEX_NAME).read_text(encoding="utf-8"))
        if data.get("schema_version") != INDEX_SCHEMA:
            return {}  # sentences were cut otherwise then: comparing them would say nothing
        return {entry["theme"]: [(s["text"], s["speech"]["title"]) for s in entry["sentences"]]
                for entry in data["briefs"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def warn_lost_sources(briefs: Sequence[Brief], previous: Mapping[str, Sequence[tuple[str, str]]],
                      outline: Collection, texts: set[str], where: str, warn: Callable[[str], None]) -> None:
    """Warn about every brief that lost a speech it quoted, or most of its sentences, since the last build."""
    titles = {speech.title for speech in outline.speeches}
    for brief in briefs:
        before = previous.get(brief.theme.name)
        if not before:
            continue
        gone = [text for text, _title in before if text not in texts]
        speeches = list(dict.fromkeys(title for _text, title in before if title not in titles))
        if speeches or len(gone) > LOST_SHARE * len(before):
            if speeches:
                message = ngettext(
                    "theme {theme!r}: {gone} of the {count} sentences its brief quoted are no longer in the seed "
                    "(speech {speeches} is gone); it now quotes others that hold its keywords: read it again before "
                    "it goes out",
                    "theme {theme!r}: {gone} of the {count} sentences its brief quoted are no longer in the seed "
                    "(speeches {speeches} are gone); it now quotes others that hold its keywords: read it again "
                    "before it goes out", len(speeches))
            else:
                message = _("theme {theme!r}: {gone} of the {count} sentences its brief quoted are no longer in the "
                            "seed; it now quotes others that hold its keywords: read it again before it goes out")
            message = message.format(theme=brief.theme.name, gone=len(gone), count=len(before),
                                     speeches="、".join(f"《{t}》" for t in speeches))
            warn(f"{where}:{brief.theme.line}: warning: {message}")


def index_bytes(index: Mapping[str, Any]) -> bytes:
    """Return index.json's bytes (sorted keys: the same index gives the same bytes)."""
    return (json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
