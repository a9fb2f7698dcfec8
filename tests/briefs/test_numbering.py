"""第N期: consecutive from first_issue over the briefs made, explicit numbers kept and passed over."""

from __future__ import annotations

from briefgen.briefs.numbering import number_issues
from briefgen.briefs.themes import Theme


def themes(*issues):
    return [Theme(f"t{n}", "h", ("k",), issue=issue) for n, issue in enumerate(issues)]


def test_issues_run_on_without_a_gap_for_themes_with_nothing_to_say():
    assert number_issues(themes(None, None, None, None), [True, False, True, True], 31) == [31, None, 32, 33]


def test_explicit_issues_are_kept_and_passed_over():
    assert number_issues(themes(None, 2, None, None), [True, True, True, True], 1) == [1, 2, 3, 4]
    assert number_issues(themes(None, 1, None), [True, True, True], 1) == [2, 1, 3]
    assert number_issues(themes(None, 9, None), [True, False, True], 1) == [1, None, 2]  # no brief: number free
