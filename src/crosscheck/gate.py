"""The CI gate: which findings trip the exit status, given fail level, baseline and suppressions.

Levels rank ``agree < extra < conflict``; ``--fail-on extra`` therefore fails
on extras *and* conflicts. A finding at or above the level trips the gate
unless an editor accepted it: in the baseline file (by fingerprint) or with
an inline ``crosscheck-ignore``/``crosscheck-disable`` comment. Accepted
findings are never hidden; every output lists them as baselined or
suppressed, so a reviewer can see what was waved through.

This module decides; it formats nothing. The formats of ``crosscheck check``
are in ``render/`` (``text``, ``json``, ``github``, ``sarif``, ``junit``,
each with ``render_results``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from crosscheck.errors import ExitCode, UsageError
from crosscheck.model import Finding, Report
from crosscheck.suppress import Suppression, suppressed_findings

FAIL_LEVELS: tuple[str, ...] = ("conflict", "extra")
DEFAULT_FAIL_ON = "conflict"
_RANK = {"agree": 0, "extra": 1, "conflict": 2}

State = Literal["fail", "baselined", "suppressed", "below-threshold"]


@dataclass(frozen=True, slots=True)
class Policy:
    """What the gate enforces; built from the command line over the configuration."""

    fail_on: str = DEFAULT_FAIL_ON
    min_score: float = 0.0  # conflicts aligned below this score do not trip the gate
    baseline: Mapping[str, str] | None = None  # fingerprint -> the editor's reason

    def __post_init__(self) -> None:
        if self.fail_on not in FAIL_LEVELS:
            raise UsageError(f"fail level must be one of {', '.join(FAIL_LEVELS)}, got {self.fail_on!r}")
        if not 0.0 <= self.min_score <= 1.0:
            raise UsageError(f"min_score must be between 0 and 1, got {self.min_score}")


@dataclass(frozen=True, slots=True)
class Verdict:
    finding: Finding
    state: State
    note: str = ""  # the baseline reason or the suppressing comment's kinds


@dataclass(frozen=True, slots=True)
class GateResult:
    report: Report
    policy: Policy
    verdicts: tuple[Verdict, ...]  # one per finding at or above the fail level, report order
    stale: tuple[str, ...] = ()  # baseline fingerprints that no longer occur
    group: str | None = None
    _by_id: Mapping[str, Verdict] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {v.finding.id: v for v in self.verdicts})

    def verdict(self, finding_id: str) -> Verdict | None:
        return self._by_id.get(finding_id)

    def with_state(self, state: State) -> tuple[Finding, ...]:
        return tuple(v.finding for v in self.verdicts if v.state == state)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return self.with_state("fail")

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.FINDINGS if self.failing else ExitCode.OK

    def to_dict(self) -> dict[str, Any]:
        """The ``gate`` member added to the JSON report (an addition to schema 1)."""
        out: dict[str, Any] = {
            "fail_on": self.policy.fail_on,
            "passed": not self.failing,
            "failing": [f.id for f in self.failing],
            "baselined": [f.id for f in self.with_state("baselined")],
            "suppressed": [f.id for f in self.with_state("suppressed")],
            "below_threshold": [f.id for f in self.with_state("below-threshold")],
        }
        if self.policy.baseline is not None:
            out["stale_baseline"] = list(self.stale)
        return out


def reaches(finding: Finding, fail_on: str) -> bool:
    return _RANK[finding.status] >= _RANK[fail_on]


def evaluate(report: Report, policy: Policy | None = None, group: str | None = None) -> GateResult:
    """Judge every finding of ``report`` at or above the fail level."""
    policy = policy or Policy()
    candidates = [f for f in report.findings if reaches(f, policy.fail_on)]
    silenced = suppressed_findings(report, candidates)
    verdicts = tuple(_judge(f, policy, silenced.get(f.id)) for f in candidates)
    stale: tuple[str, ...] = ()
    if policy.baseline is not None:
        present = {f.id for f in report.findings}
        stale = tuple(sorted(fp for fp in policy.baseline if fp not in present))
    return GateResult(report, policy, verdicts, stale, group)


def _judge(finding: Finding, policy: Policy, suppression: Suppression | None) -> Verdict:
    # Order matters for the report only: a baselined finding that is also
    # suppressed shows as suppressed, the editor's nearest decision.
    if suppression is not None:
        return Verdict(finding, "suppressed", " ".join(sorted(suppression.kinds)))
    if policy.baseline is not None and finding.id in policy.baseline:
        return Verdict(finding, "baselined", policy.baseline[finding.id])
    if finding.score is not None and finding.score < policy.min_score:
        return Verdict(finding, "below-threshold", f"score {finding.score:.2f} < {policy.min_score:.2f}")
    return Verdict(finding, "fail")


def combined_stale(results: Sequence[GateResult]) -> tuple[str, ...]:
    """Baseline entries that occur in none of the groups (one baseline serves all)."""
    if not results or results[0].policy.baseline is None:
        return ()
    stale = set(results[0].stale)
    for result in results[1:]:
        stale &= set(result.stale)
    return tuple(sorted(stale))


def exit_code(results: Iterable[GateResult], exit_zero: bool = False) -> ExitCode:
    if exit_zero:
        return ExitCode.OK
    return max((r.exit_code for r in results), default=ExitCode.OK)

