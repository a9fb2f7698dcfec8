"""`briefgen init`: write a commented briefgen.toml into the project folder, in the interface's language.

The file comes from templates/briefgen.toml.j2 (a project's own templates/ folder shadows it, as for
every template): every key commented out with an example and what it does. What it writes is read
back as a configuration first, so init never leaves a briefgen.toml that briefgen would refuse.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.atomic import write_text_atomic
from briefgen.errors import ConfigError
from briefgen.i18n import _, chosen_language
from briefgen.project.config import CONFIG_NAME, build_config
from briefgen.project.folder import bundled_templates
from briefgen.project.templating import Templates
from briefgen.project.tomlfile import make_line_finder, parse_toml

TEMPLATE = "briefgen.toml.j2"


def render_config(root: Path, language: str) -> str:
    """Return the commented briefgen.toml with its comments in ``language`` ("zh" or "en")."""
    templates = Templates((root / "templates", bundled_templates()), lambda path: _shown(path, root))
    text = templates.render_text(TEMPLATE, lang=language) + "\n"
    try:
        build_config(parse_toml(text, CONFIG_NAME), CONFIG_NAME, make_line_finder(text))
    except ConfigError as error:
        # Only a project's own copy of the template can get here: name it, not the file never written.
        raise ConfigError(_shown(templates.path_of(TEMPLATE), root), None,
                          _("writes a briefgen.toml that briefgen cannot read (line {line}: {problem}): correct "
                            "the template, or delete it to use briefgen's own").format(
                              line=error.line, problem=error.message)) from None
    return text


def write_config(root: Path, force: bool) -> str:
    """Write root/briefgen.toml (replacing one only with ``force``) and return the line that says so."""
    target = root / CONFIG_NAME
    if target.is_dir():
        raise ConfigError(CONFIG_NAME, None, _("is a folder, where briefgen init writes the configuration file: "
                                               "move the folder away"))
    existed = target.exists()
    if existed and not force:
        raise ConfigError(CONFIG_NAME, None, _("already exists: edit it, or give --force to replace it with a "
                                               "new one (what it sets is then lost)"))
    write_text_atomic(target, render_config(root, chosen_language()))
    if existed:
        return _("replaced {path} with a new one: every key commented out; delete the \"# \" before a key to "
                 "set it").format(path=CONFIG_NAME)
    return _("wrote {path}: every key commented out; delete the \"# \" before a key to set it").format(
        path=CONFIG_NAME)


def _shown(path: Path, root: Path) -> str:
    """Return ``path`` as typed from the project folder (briefgen's own files as they are)."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
