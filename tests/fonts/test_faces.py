"""Font files: damaged or incomplete faces refused, with the configuration's line."""

from __future__ import annotations

import pytest

from briefgen.errors import ConfigError
from briefgen.fonts.faces import resolve_fonts
from briefgen.layout.metrics import FontFileError, read_metrics

from support.badinputs import font_without, zero_units_font


def test_a_font_with_no_units_per_em_is_a_font_file_error(tmp_path):
    path = tmp_path / "zero.ttf"
    path.write_bytes(zero_units_font())
    with pytest.raises(FontFileError, match="unitsPerEm is 0"):
        read_metrics(path)


def test_a_configured_font_without_outlines_is_refused_with_its_line(tmp_path):
    (tmp_path / "hollow.ttf").write_bytes(font_without("glyf", "loca"))
    (tmp_path / "briefgen.toml").write_text('[fonts.files]\nlatin = "hollow.ttf"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks glyf, loca") as caught:
        resolve_fonts({"latin": "hollow.ttf"}, (), tmp_path, False)
    assert caught.value.line == 2


def test_under_a_chinese_locale_a_font_file_error_reads_chinese_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_LANG", "zh")
    (tmp_path / "hollow.ttf").write_bytes(font_without("glyf", "loca"))
    (tmp_path / "briefgen.toml").write_text('[fonts.files]\nlatin = "hollow.ttf"\nbody = "none.ttf"\n',
                                            encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resolve_fonts({"latin": "hollow.ttf"}, (), tmp_path, False)
    assert str(caught.value) == ("briefgen.toml:2: error: fonts.files.latin: hollow.ttf: 不是完整的 TrueType 字体"
                                 "（缺少 glyf, loca），无法嵌入 PDF")
    with pytest.raises(ConfigError) as caught:
        resolve_fonts({"body": "none.ttf"}, (), tmp_path, False)
    assert str(caught.value) == "briefgen.toml:3: error: fonts.files.body: none.ttf: 文件不存在"
    path = tmp_path / "zero.ttf"
    path.write_bytes(zero_units_font())
    with pytest.raises(FontFileError, match="^字体文件已损坏（unitsPerEm 为 0，不在 16 到 16384 之间）$"):
        read_metrics(path)
