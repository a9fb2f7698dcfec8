"""The outline model: frozen, JSON round trip, reading order."""

from __future__ import annotations

import dataclasses
import json

import pytest

from briefgen.outline.model import SCHEMA_VERSION, from_dict, iter_texts, to_dict


def test_json_round_trip_gives_an_equal_outline(seed_outline):
    data = json.loads(json.dumps(to_dict(seed_outline), ensure_ascii=False))
    assert data["schema_version"] == SCHEMA_VERSION
    assert from_dict(data) == seed_outline


def test_nodes_are_frozen(seed_outline):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_outline.speeches[0].title = "x"  # type: ignore[misc]


def test_an_unknown_schema_version_is_refused(seed_outline):
    data = to_dict(seed_outline)
    data["schema_version"] = 99
    with pytest.raises(ValueError, match="schema_version"):
        from_dict(data)


def test_texts_come_in_reading_order(seed_outline):
    texts = [t for t in iter_texts(seed_outline) if t]
    assert texts[:4] == ["公务员工作座谈会发言汇编", "6篇", seed_outline.speeches[0].title,
                         seed_outline.speeches[0].intro[0].text]
    assert texts[4:7] == ["一、", "突出政治标准，严把公务员队伍入口关。", seed_outline.speeches[0].points[0].body[0].text]
    assert texts[7:10] == ["一是", "考试环节考准考实。", seed_outline.speeches[0].points[0].subpoints[0].text]
