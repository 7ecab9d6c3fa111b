"""Inline suppression comments: which character ranges they cover."""

from __future__ import annotations

from crosscheck.suppress import Suppression, suppressions


def covered(text: str) -> list[str]:
    return [text[s.start : s.end].strip() for s in suppressions(text)]


def test_disable_enable_covers_the_passage_between() -> None:
    text = "Keep.\n<!-- crosscheck-disable -->\nHidden one.\nHidden two.\n<!-- crosscheck-enable -->\nKeep too."
    assert covered(text) == ["Hidden one.\nHidden two."]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "Keep.\n<!--crosscheck-disable-->\nHidden."
    assert covered(text) == ["Hidden."]


def test_enable_without_disable_does_nothing() -> None:
    assert suppressions("Text <!-- crosscheck-enable --> more") == ()


def test_ignore_covers_only_the_next_markdown_paragraph() -> None:
    text = "<!-- crosscheck-ignore conflict -->\nFirst line\nsecond line.\n\nNot this one."
    assert covered(text) == ["First line\nsecond line."]
    assert suppressions(text)[0].kinds == frozenset({"conflict"})


def test_ignore_covers_the_next_html_element_even_without_blank_line() -> None:
    text = "<!-- crosscheck-ignore --><p>Ten officials\nattended.</p><p>Not this.</p>"
    assert covered(text) == ["<p>Ten officials\nattended.</p>"]


def test_kinds_are_statuses_or_types_case_insensitive() -> None:
    (s,) = suppressions("<!-- CROSSCHECK-IGNORE Number, date -->\nText.")
    assert s.kinds == frozenset({"number", "date"})


def test_crlf_paragraphs() -> None:
    text = "<!-- crosscheck-ignore -->\r\nHidden.\r\n\r\nShown."
    assert covered(text) == ["Hidden."]


def test_other_comments_and_lookalikes_are_not_directives() -> None:
    assert suppressions("<!-- crosscheck-disabled -->\n<!-- vale off -->\ncrosscheck-disable in prose") == ()


def test_empty_kinds_cover_everything() -> None:
    from gate_fixtures import report

    finding = report().findings[0]
    assert Suppression(0, 1).covers(finding)
    assert Suppression(0, 1, frozenset({"antonym"})).covers(finding)
    assert not Suppression(0, 1, frozenset({"extra"})).covers(finding)
