"""A character drawn from the fallback face rather than its role's is a warning at build naming the seed
line, the character, the role and the faces, as `briefgen fonts` reports it (fonts/coverage.py decides)."""

from __future__ import annotations

import re

from support.cli import run_briefgen
from support.paths import SEED

RARE = ("喆", "堃")  # name characters outside GB2312, which the bundled faces are subset to
SEED_TEXT = ("队伍建设工作发言汇编\n加强公务员队伍建设\n（市委组织部　王喆　李堃）\n"
             "我们坚持把政治标准放在首位，取得了积极成效。\n王喆同志介绍了经验。\n")


def make_project(folder, text: str = SEED_TEXT):
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "rare.txt").write_text(text, encoding="utf-8")
    (folder / "briefgen.toml").write_text("[fonts]\nsystem = false\n", encoding="utf-8")
    return folder


def test_a_rare_name_character_in_a_kai_line_is_a_warning_naming_line_character_role_and_face(tmp_path):
    proc = run_briefgen(["build", "seeds/rare.txt"], make_project(tmp_path))
    warnings = [line for line in proc.stderr.splitlines() if "fallback" in line]
    assert warnings == [
        f"seeds/rare.txt:3: warning: character U+{ord(char):04X} '{char}' (role kai, 楷体_GB2312) is not in its "
        "face BriefgenKai-FandolKai-Regular.ttf; drawn in the fallback face BriefgenFallback-WenQuanYiMicroHei.ttf"
        for char in RARE] + [
        "seeds/rare.txt:5: warning: character U+5586 '喆' (role body, 仿宋_GB2312) is not in its face "
        "BriefgenBody-FandolFang-Regular.ttf; drawn in the fallback face BriefgenFallback-WenQuanYiMicroHei.ttf"]
    assert proc.returncode == 0


def test_briefgen_fonts_names_the_same_characters(tmp_path):
    folder = make_project(tmp_path)
    build = run_briefgen(["build", "seeds/rare.txt"], folder)
    fonts = run_briefgen(["fonts", "seeds/rare.txt"], folder).stdout
    warned = set(re.findall(r"character (U\+\w+) '.' \(role (\w+)", build.stderr))
    reported, role = set(), None
    for line in fonts.splitlines():
        found = re.match(r"  (\S+): .*lacks", line)
        role = found.group(1) if found else role if line.startswith("    ") else None
        if role and "the fallback has it" in line:
            reported.add((re.search(r"(U\+\w+)", line).group(1), role))
    assert warned == reported and len(warned) == 3


def test_the_bundled_seed_draws_nothing_from_the_fallback(tmp_path):
    folder = make_project(tmp_path, SEED.read_text(encoding="utf-8"))
    proc = run_briefgen(["build", "seeds/rare.txt"], folder)
    assert "fallback" not in proc.stderr
