"""The project configuration (briefgen.toml): compiling unit, date, brief footer, fonts, style overrides."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Mapping

from briefgen.errors import ConfigError
from briefgen.i18n import _
from briefgen.project.tomlfile import LineFinder

CONFIG_NAME = "briefgen.toml"


@dataclass(frozen=True)
class DocumentConfig:
    """What the cover and mastheads say (who compiled the document, when, its mark), how it is printed,
    and the meeting's name and date that the briefs' lead paragraph (导语) names."""

    unit: str = ""
    date: dt.date | None = None
    classification: str = ""  # a mark such as 内部资料　注意保存: top left of the cover and of each brief
    duplex: bool = False  # printed on both sides: right-hand starts, blank backs, mirrored margins
    speeches_start_right: bool = False  # with duplex: each speech starts on a right-hand (odd) page
    meeting: str = ""
    meeting_date: dt.date | None = None


@dataclass(frozen=True)
class BriefConfig:
    """Numbering and the 报/送/发 footer of the briefs."""

    first_issue: int = 1
    report_to: str = ""
    copy_to: str = ""
    send_to: str = ""
    copies: int = 0


@dataclass(frozen=True)
class FontConfig:
    """Extra font folders to search and a font file per role."""

    dirs: tuple[str, ...] = ()
    files: Mapping[str, str] = field(default_factory=dict)
    system: bool = True


@dataclass(frozen=True)
class Config:
    """Everything briefgen.toml can say; defaults when there is no such file."""

    path: str = CONFIG_NAME
    document: DocumentConfig = DocumentConfig()
    brief: BriefConfig = BriefConfig()
    fonts: FontConfig = FontConfig()
    style: Mapping[str, Any] = field(default_factory=dict)

    def document_date(self) -> dt.date:
        """Return the configured date, else SOURCE_DATE_EPOCH's UTC date, else today."""
        if self.document.date is not None:
            return self.document.date
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch:
            try:
                return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
            except (ValueError, OverflowError, OSError):
                raise ConfigError("SOURCE_DATE_EPOCH", None, _(
                    "not a number of seconds since 1970: {value!r}; unset it, or set it to a whole number such as "
                    "1795824000").format(value=epoch)) from None
        return dt.date.today()


def format_chinese_date(day: dt.date) -> str:
    """Return a date the official way, Arabic numerals without padding: 2026年11月28日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _expect(table: Any, name: str, path: str, line_of: LineFinder) -> dict[str, Any]:
    if table is None:
        return {}
    if not isinstance(table, dict):
        # TRANSLATORS: a TOML table, such as [document] in briefgen.toml
        raise ConfigError(path, line_of(name), _("[{name}] must be a table").format(name=name))
    return table


def _check_keys(table: dict[str, Any], allowed: Mapping[str, type | tuple], prefix: str, path: str,
                line_of: LineFinder) -> None:
    for key, value in table.items():
        if key not in allowed:
            raise ConfigError(path, line_of(f"{prefix}.{key}"), _("unknown key {key}; known keys: {keys}").format(
                key=f"{prefix}.{key}", keys=", ".join(sorted(allowed))))
        kinds = allowed[key]
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in (
                kinds if isinstance(kinds, tuple) else (kinds,))):
            raise ConfigError(path, line_of(f"{prefix}.{key}"), _("{key} has the wrong type: {value!r}").format(
                key=f"{prefix}.{key}", value=value))


def _parse_date(value: Any, path: str, line_of: LineFinder, key: str = "document.date") -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(path, line_of(key), _("{key} must be a date like 2026-11-28, not {value!r}").format(
            key=key, value=value)) from None


def build_config(data: Mapping[str, Any], path: str, line_of: LineFinder) -> Config:
    """Return the validated configuration described by a parsed briefgen.toml."""
    sections = {"document", "brief", "fonts", "style"}
    for key in data:
        if key not in sections:
            raise ConfigError(path, line_of(key), _("unknown section [{name}]; known sections: {names}").format(
                name=key, names=", ".join(sorted(sections))))
    document = _expect(data.get("document"), "document", path, line_of)
    _check_keys(document, {"unit": str, "date": (str, dt.date), "classification": str, "duplex": bool,
                           "speeches_start_right": bool, "meeting": str, "meeting_date": (str, dt.date)},
                "document", path, line_of)
    if document.get("speeches_start_right") and not document.get("duplex"):
        raise ConfigError(path, line_of("document.speeches_start_right"), _(
            "document.speeches_start_right needs document.duplex = true (a right-hand page exists only on paper "
            "printed on both sides)"))
    brief = _expect(data.get("brief"), "brief", path, line_of)
    _check_keys(brief, {"first_issue": int, "report_to": str, "copy_to": str, "send_to": str, "copies": int},
                "brief", path, line_of)
    for key in ("first_issue", "copies"):
        if brief.get(key, 1) < 0:
            raise ConfigError(path, line_of(f"brief.{key}"), _("{key} must not be negative").format(
                key=f"brief.{key}"))
    fonts = _expect(data.get("fonts"), "fonts", path, line_of)
    _check_keys(fonts, {"dirs": list, "files": dict, "system": bool}, "fonts", path, line_of)
    for folder in fonts.get("dirs", []):
        if not isinstance(folder, str):
            raise ConfigError(path, line_of("fonts.dirs"), _("fonts.dirs must be a list of folder names"))
    for role, file in fonts.get("files", {}).items():
        if not isinstance(file, str):
            raise ConfigError(path, line_of(f"fonts.files.{role}"), _("{key} must be a file name").format(
                key=f"fonts.files.{role}"))
    for text_key in ("unit", "classification", "meeting"):
        if "\n" in document.get(text_key, ""):
            raise ConfigError(path, line_of(f"document.{text_key}"), _("{key} must be one line").format(
                key=f"document.{text_key}"))
    return Config(
        path=path,
        document=DocumentConfig(unit=document.get("unit", ""), date=_parse_date(document.get("date"), path, line_of),
                                classification=document.get("classification", "").strip(),
                                duplex=document.get("duplex", False),
                                speeches_start_right=document.get("speeches_start_right", False),
                                meeting=document.get("meeting", "").strip(),
                                meeting_date=_parse_date(document.get("meeting_date"), path, line_of,
                                                         "document.meeting_date")),
        brief=BriefConfig(**brief),
        fonts=FontConfig(dirs=tuple(fonts.get("dirs", [])), files=dict(fonts.get("files", {})),
                         system=fonts.get("system", True)),
        style=_expect(data.get("style"), "style", path, line_of),
    )
