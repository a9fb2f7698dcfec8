"""The jinja2 sandbox templates run in, imported only when a template must really be rendered.

Values inserted with ``{{ }}`` into a block template go through ``finalize`` (escaped for the
``style: text`` markup), so seed text can never add a paragraph, pick a style or be evaluated.
A template may read no file outside the template folders, and every error becomes a ConfigError
naming the template file and line it happened at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Sequence

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefgen.errors import ConfigError
from briefgen.i18n import _


class ContainedLoader(jinja2.FileSystemLoader):
    """Load templates from their folders only: a template that is a link to a file elsewhere
    (templates/x.j2 -> /etc/passwd) is refused, so no template, included or not, can read a file
    outside the template folders. (jinja2 already refuses names with .. in them.)"""

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.isfile(filename):
                real, root = os.path.realpath(filename), os.path.realpath(folder)
                if not real.startswith(root + os.sep):
                    raise jinja2.TemplateNotFound(template, _("{name!r} is a link to {target}, outside the "
                                                              "template folder {folder}").format(
                                                                  name=template, target=real, folder=folder))
                break
        return super().get_source(environment, template)


def make_environment(folders: Sequence[Path], finalize: Callable[[Any], str] | None,
                     bytecode_dir: Path | None) -> ImmutableSandboxedEnvironment:
    """Return a sandboxed environment over ``folders``; ``finalize`` escapes every inserted value."""
    bytecode = None
    if bytecode_dir is not None:
        bytecode_dir.mkdir(exist_ok=True)
        # Compiled templates are kept between runs (keyed by each template's source checksum).
        bytecode = jinja2.FileSystemBytecodeCache(str(bytecode_dir))
    options = {"finalize": finalize, "keep_trailing_newline": True} if finalize else {}
    return ImmutableSandboxedEnvironment(
        loader=ContainedLoader([str(f) for f in folders], encoding="utf-8"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # an environment lives for one build; `watch` makes a new one each time
        bytecode_cache=bytecode,
        **options,
    )


def render(environment, name: str, context: dict[str, Any], path: Path, folders: Sequence[Path],
           shown: Callable[[Path], str]) -> str:
    """Return a template rendered with ``context``, or raise ConfigError at the template's line."""
    def where(error: Exception) -> tuple[str, int]:
        return error_location(error, path, folders, shown)

    try:
        return environment.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        place = shown(Path(error.filename)) if error.filename else shown(path)
        raise ConfigError(place, error.lineno or 1, _("template syntax: {reason}").format(
            reason=error.message)) from None
    except jinja2.exceptions.SecurityError as error:
        raise ConfigError(*where(error), _("template refused by the sandbox: {reason}").format(reason=error)) from None
    except jinja2.UndefinedError as error:
        raise ConfigError(*where(error), _("template uses an unknown value: {reason}").format(
            reason=error.message)) from None
    except jinja2.TemplateNotFound as error:
        raise ConfigError(*where(error), _("template not found: {reason}").format(reason=error.message)) from None
    except jinja2.TemplateError as error:
        raise ConfigError(*where(error), _("template error: {reason}").format(reason=error)) from None
    except Exception as error:  # what a template's own expression raises: {{ 1 // 0 }}, {{ range(10**9) }}
        raise ConfigError(*where(error), _("template failed: {kind}: {reason}").format(
            kind=type(error).__name__, reason=error)) from None


def error_location(error: Exception, path: Path, folders: Sequence[Path],
                   shown: Callable[[Path], str]) -> tuple[str, int]:
    """Return the template file and line an error was raised at: the innermost template frame."""
    roots = [os.path.realpath(f) for f in folders]
    found = (shown(path), 1)
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(os.path.realpath(filename).startswith(root + os.sep) for root in roots):
            found = (shown(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found
