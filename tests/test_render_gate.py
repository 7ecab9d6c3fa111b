"""The gate's text and JSON output (render/text.py and render/json.py ``render_results``)."""

from __future__ import annotations

import json

from crosscheck.gate import Policy, evaluate
from crosscheck.render import json as json_render
from crosscheck.render import text

from gate_fixtures import report


def test_text_output_points_at_line_and_column() -> None:
    out = text.render_results([evaluate(report(), Policy(baseline={"f-number": "known"}))]).splitlines()
    assert out[0] == "news/alpha.md:3:1: conflict (antonym): 'indirectly' vs 'direct' [f-antonym]"
    assert out[1] == "    news/alpha.md:3:1: Iran and the United States met indirectly in Muscat on February 6"
    assert out[2] == "    news/beta.txt:1:1: Iran and the United States held direct talks in Muscat on Feb. 6"
    assert out[3] == "news/alpha.md:6:1: conflict (number) [baselined: known]: 'Ten' vs 'Nine' [f-number]"
    assert out[-1] == (
        "crosscheck: fails (fail-on conflict): 1 finding at or above the fail level, 1 baselined"
    )


def test_text_output_names_stale_baseline_entries() -> None:
    result = evaluate(report(), Policy(baseline={"f-antonym": "", "f-gone": "was fixed"}))
    assert text.render_results([result]).splitlines()[-1] == (
        "crosscheck: baseline entry f-gone no longer occurs; remove it"
    )


def test_text_output_heads_each_group_only_when_there_are_several() -> None:
    one = text.render_results([evaluate(report(), group="news")])
    both = text.render_results([evaluate(report(), group="news"), evaluate(report(), group="wire")])
    assert "== news ==" not in one
    assert both.splitlines()[0] == "== news ==" and "== wire ==" in both.splitlines()


def test_text_output_passes_when_nothing_fails() -> None:
    out = text.render_results([evaluate(report(), Policy(baseline={"f-antonym": "", "f-number": ""}))])
    assert out.splitlines()[-1] == (
        "crosscheck: passes (fail-on conflict): 0 findings at or above the fail level, 2 baselined"
    )


def test_json_output_is_the_report_plus_the_gate_member() -> None:
    result = evaluate(report(), Policy(baseline={"f-number": ""}))
    document = json.loads(json_render.render_results([result]))
    assert document == report().to_dict() | {"gate": result.to_dict()}
    assert "group" not in document


def test_json_output_of_several_groups_is_a_list_naming_each() -> None:
    results = [evaluate(report(), group="news"), evaluate(report(), group="wire")]
    documents = json.loads(json_render.render_results(results))
    assert [d["group"] for d in documents] == ["news", "wire"]
    assert all(d["gate"]["failing"] == ["f-antonym", "f-number"] for d in documents)
