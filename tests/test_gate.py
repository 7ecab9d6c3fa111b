"""The gate: fail level, baseline, suppression and threshold decide the exit status."""

from __future__ import annotations

import pytest

from crosscheck.errors import ExitCode, UsageError
from crosscheck.gate import Policy, combined_stale, evaluate, exit_code

from gate_fixtures import ALPHA, report


def test_conflicts_fail_by_default_and_extras_do_not() -> None:
    result = evaluate(report())
    assert [f.id for f in result.failing] == ["f-antonym", "f-number"]
    assert result.exit_code is ExitCode.FINDINGS


def test_fail_on_extra_also_fails_on_conflicts() -> None:
    result = evaluate(report(), Policy(fail_on="extra"))
    assert [f.id for f in result.failing] == ["f-antonym", "f-number", "f-extra-a", "f-extra-b"]


def test_agreement_never_fails() -> None:
    result = evaluate(report(), Policy(fail_on="extra"))
    assert result.verdict("f-agree") is None


def test_baselined_conflict_does_not_fail() -> None:
    policy = Policy(baseline={"f-antonym": "editor checked", "f-number": ""})
    result = evaluate(report(), policy)
    assert result.failing == ()
    assert result.exit_code is ExitCode.OK
    assert result.verdict("f-antonym").note == "editor checked"  # type: ignore[union-attr]


def test_conflict_not_in_baseline_still_fails() -> None:
    result = evaluate(report(), Policy(baseline={"f-antonym": ""}))
    assert [f.id for f in result.failing] == ["f-number"]


def test_baseline_entries_that_no_longer_occur_are_stale() -> None:
    result = evaluate(report(), Policy(baseline={"f-antonym": "", "f-gone": "was fixed"}))
    assert result.stale == ("f-gone",)


def test_stale_across_groups_means_absent_from_every_group() -> None:
    policy = Policy(baseline={"f-antonym": "", "f-gone": ""})
    one = evaluate(report(), policy, "one")
    other = evaluate(report(), Policy(baseline=policy.baseline), "other")
    assert combined_stale([one, other]) == ("f-gone",)


def test_min_score_lets_weak_conflicts_pass() -> None:
    result = evaluate(report(), Policy(min_score=0.6))
    assert [f.id for f in result.failing] == ["f-antonym"]
    assert [f.id for f in result.with_state("below-threshold")] == ["f-number"]


def test_inline_suppression_silences_the_marked_claim() -> None:
    text = ALPHA.replace("Ten officials", "<!-- crosscheck-ignore conflict -->\nTen officials")
    result = evaluate(report(alpha=text))
    assert [f.id for f in result.failing] == ["f-antonym"]
    assert [f.id for f in result.with_state("suppressed")] == ["f-number"]


def test_suppression_of_another_kind_does_not_silence() -> None:
    text = ALPHA.replace("Ten officials", "<!-- crosscheck-ignore date -->\nTen officials")
    result = evaluate(report(alpha=text))
    assert [f.id for f in result.failing] == ["f-antonym", "f-number"]


def test_exit_zero_reports_without_failing() -> None:
    result = evaluate(report())
    assert exit_code([result], exit_zero=True) is ExitCode.OK
    assert exit_code([result]) is ExitCode.FINDINGS
    assert exit_code([]) is ExitCode.OK


@pytest.mark.parametrize("kwargs", [{"fail_on": "agree"}, {"fail_on": "warning"}, {"min_score": 1.5}])
def test_impossible_policy_is_a_usage_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        Policy(**kwargs)  # type: ignore[arg-type]


def test_gate_json_member_lists_decisions() -> None:
    result = evaluate(report(), Policy(baseline={"f-number": "", "f-old": ""}))
    assert result.to_dict() == {
        "fail_on": "conflict",
        "passed": False,
        "failing": ["f-antonym"],
        "baselined": ["f-number"],
        "suppressed": [],
        "below_threshold": [],
        "stale_baseline": ["f-old"],
    }
