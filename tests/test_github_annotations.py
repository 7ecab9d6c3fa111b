"""GitHub workflow commands: exact lines, toolkit escaping, nothing for accepted findings."""

from __future__ import annotations

from crosscheck.gate import Policy, evaluate
from crosscheck.render import github

from gate_fixtures import ALPHA, report


def test_one_error_per_failing_conflict_at_the_claims_position() -> None:
    out = github.render(report()).splitlines()
    assert out[0] == (
        "::error file=news/alpha.md,line=3,col=1,endLine=3,endColumn=65,"
        "title=crosscheck%3A antonym conflict::'indirectly' vs 'direct'%0A"
        "claim: Iran and the United States met indirectly in Muscat on February 6%0A"
        "vs news/beta.txt:1: Iran and the United States held direct talks in Muscat on Feb. 6%0A"
        "fingerprint: f-antonym"
    )
    assert out[1].startswith("::error file=news/alpha.md,line=6,col=1,")
    assert out[2] == "crosscheck: 2 failing, 0 accepted (baselined, suppressed or below threshold)"
    assert len(out) == 3


def test_escaping_matches_the_actions_toolkit() -> None:
    assert github.escape_data("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d"
    assert github.escape_property("50% a\r\nb:c,d") == "50%25 a%0D%0Ab%3Ac%2Cd"


def test_article_text_cannot_inject_a_command() -> None:
    hostile = ALPHA.replace("Ten officials", "Ten officials\n::error::forged\r")
    r = report(alpha=hostile, quotes={"a:3": "Ten officials\n::error::forged\r attended the session"})
    out = github.render(r)
    assert "\n::error::forged" not in out
    assert all(line.startswith(("::error ", "crosscheck:")) for line in out.splitlines())


def test_baselined_and_suppressed_conflicts_get_no_annotation() -> None:
    text = ALPHA.replace("Ten officials", "<!-- crosscheck-ignore -->\nTen officials")
    result = evaluate(report(alpha=text), Policy(baseline={"f-antonym": "ok"}))
    out = github.render(result.report, result).splitlines()
    assert out == ["crosscheck: 0 failing, 2 accepted (baselined, suppressed or below threshold)"]


def test_stale_baseline_entry_is_a_notice() -> None:
    result = evaluate(report(), Policy(baseline={"f-gone": ""}))
    out = github.render(result.report, result)
    assert "::notice title=crosscheck%3A stale baseline entry::baseline entry f-gone no longer occurs" in out


def test_multiline_claim_has_no_columns() -> None:
    # The toolkit rejects columns when an annotation spans lines.
    text = ALPHA.replace("met indirectly in", "met indirectly\nin")
    quote = "Iran and the United States met indirectly\nin Muscat on February 6"
    out = github.render(report(alpha=text, quotes={"a:1": quote})).splitlines()
    assert out[0].startswith("::error file=news/alpha.md,line=3,endLine=4,title=")
