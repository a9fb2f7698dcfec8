"""The template sandbox: errors at the template's own line, nothing read outside its folder, values stay text."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefgen.errors import ConfigError
from briefgen.project.templating import Templates


def templates(folder: Path, **files: str) -> Templates:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Templates([folder], lambda path: Path(path).name)


@pytest.mark.parametrize("body, line, message", [
    ("a: {{ x }}\nb: {{ 1 // (x - x) }}\n", 2, "template failed: ZeroDivisionError"),
    ("a: {{ x }}\n\nb: {% for i in range(10**12) %}{% endfor %}\n", 3, "template failed: OverflowError"),
    ("a: {{ x }}\nb: {{ x.__class__.__mro__ }}\n", 2, "refused by the sandbox"),
    ("a: {{ x }}\nb: {% include '/etc/passwd' %}\n", 2, "template not found"),
    ("a: {{ x }}\nb: {% include '../../../../../../etc/passwd' %}\n", 2, "template not found"),
    ("a: {{ x }}\nb: {{ open('/etc/passwd') }}\n", 2, "'open' is undefined"),
])
def test_a_template_that_fails_names_its_own_line(tmp_path, body, line, message):
    found = templates(tmp_path / "t", **{"t.j2": body})
    with pytest.raises(ConfigError, match=message) as caught:
        found.render_lines("t.j2", ["a", "b"], x=1)
    assert (caught.value.path, caught.value.line) == ("t.j2", line)


def test_an_error_in_an_included_template_names_that_template(tmp_path):
    found = templates(tmp_path / "t", **{"t.j2": "a: x\n{% include 'inner.j2' %}\n", "inner.j2": "\n\nb: {{ 1 // 0 }}\n"})
    with pytest.raises(ConfigError) as caught:
        found.render_lines("t.j2", ["a", "b"])
    assert (caught.value.path, caught.value.line) == ("inner.j2", 3)


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolic links")
def test_a_template_linking_outside_its_folder_cannot_be_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("b: the secret\n", encoding="utf-8")
    found = templates(tmp_path / "t", **{"t.j2": "a: x\n{% include 'link.j2' %}\n"})
    (tmp_path / "t" / "link.j2").symlink_to(secret)
    (tmp_path / "t" / "top.j2").symlink_to(secret)
    for name in ("t.j2", "top.j2"):
        with pytest.raises(ConfigError, match="outside the template folder") as caught:
            found.render_lines(name, ["a", "b"])
        assert "the secret" not in str(caught.value)
    inside = templates(tmp_path / "u", **{"real.j2": "b: kept\n"})
    (tmp_path / "u" / "alias.j2").symlink_to(tmp_path / "u" / "real.j2")  # a link within the folder is fine
    assert [line.text for line in inside.render_lines("alias.j2", ["b"])] == ["kept"]


def test_values_never_add_a_paragraph_or_pick_a_style(tmp_path):
    found = templates(tmp_path / "t", **{"t.j2": "a: {{ value }}\n"})
    value = "x\nb: injected\\n{{ 7*7 }}\r\nb: again"
    assert [(line.style, line.text) for line in found.render_lines("t.j2", ["a", "b"], value=value)] == [
        ("a", value.replace("\r\n", "\n"))]


# -- the render cache -------------------------------------------------------------------------------


def rendered_in_fresh_process(folder: Path, cache: Path, value: str) -> tuple[str, bool]:
    """Render t.j2 with x=value in a new interpreter; return the text and whether jinja2 was loaded."""
    import subprocess

    script = ("import sys\nfrom pathlib import Path\nfrom briefgen.project.templating import Templates\n"
              f"t = Templates([Path({str(folder)!r})])\nprint(t.render_text('t.j2', x={value!r}))\nt.save()\n"
              "print('jinja2' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "BRIEFGEN_CACHE": str(cache)})
    text, loaded = proc.stdout.rsplit("\n", 2)[:2]
    return text, loaded == "True"


def test_a_rendering_seen_before_is_taken_from_the_cache_without_jinja2(tmp_path):
    folder = tmp_path / "t"
    templates(folder, **{"t.j2": "第{{ x }}期"})
    assert rendered_in_fresh_process(folder, tmp_path / "cache", "3") == ("第3期", True)
    assert rendered_in_fresh_process(folder, tmp_path / "cache", "3") == ("第3期", False)
    assert rendered_in_fresh_process(folder, tmp_path / "cache", "4") == ("第4期", True)  # another value


def test_an_edited_template_is_rendered_again(tmp_path):
    folder = tmp_path / "t"
    templates(folder, **{"t.j2": "第{{ x }}期"})
    rendered_in_fresh_process(folder, tmp_path / "cache", "3")
    (folder / "t.j2").write_text("（{{ x }}）", encoding="utf-8")
    assert rendered_in_fresh_process(folder, tmp_path / "cache", "3") == ("（3）", True)


def test_values_that_are_not_data_are_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    found = templates(tmp_path / "t", **{"t.j2": "{{ quote(x) }}"})
    assert found.render_text("t.j2", x="a", quote=lambda v: f"<{v}>") == "<a>"
    assert found._key("plain", "t.j2", {"quote": len}) is None
    assert found._key("plain", "t.j2", {"x": (1,)}) != found._key("plain", "t.j2", {"x": [1]})
