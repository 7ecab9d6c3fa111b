"""Every registered detector fires on its must-fire examples and stays silent
on its must-not examples; a detector without both kinds fails the suite."""

import pytest

from crosscheck import compare
from crosscheck.detectors import DETECTORS, Detector, Example
from crosscheck.model import Claim, Source
from crosscheck.pipeline import extract


def _only_claim(text: str, source: str) -> Claim:
    extraction = extract(Source(source, source, text))
    assert extraction.claims, f"no claim extracted from {text!r}"
    # The example's main claim is the first (the sentence's main clause).
    return extraction.claims[0]


CASES = [(d, e) for d in DETECTORS for e in d.examples]


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.type)
def test_detector_has_examples_both_ways(detector: Detector) -> None:
    assert any(e.fires for e in detector.examples), f"{detector.type}: no example that must fire"
    assert any(not e.fires for e in detector.examples), f"{detector.type}: no example that must not fire"
    assert detector.doc


@pytest.mark.parametrize("detector, example", CASES, ids=lambda x: x.type if isinstance(x, Detector) else x.a[:40])
def test_example(detector: Detector, example: Example) -> None:
    a, b = _only_claim(example.a, "a"), _only_claim(example.b, "b")
    clash = detector.detect(a, b)
    if example.fires:
        assert clash is not None, f"{detector.type} should fire"
        assert clash.type == detector.type
        # The clashing spans point at real words of each text.
        for spans, text in ((clash.spans_a, example.a), (clash.spans_b, example.b)):
            assert spans and all(text[s:e].strip() for s, e in spans)
    else:
        assert clash is None, f"{detector.type} fired: {clash}"


def test_conflict_needs_the_same_event() -> None:
    # Antonyms in unrelated claims are not a conflict.
    report = compare({"a": "Prices rose in Paris.", "b": "The river level fell after the storm."})
    assert not report.by_status("conflict")


def test_both_negated_is_agreement() -> None:
    report = compare(
        {"a": "The minister did not attend the summit in Paris.", "b": "The minister did not attend the Paris summit."}
    )
    assert not report.by_status("conflict")
    assert report.by_status("agree")


def test_antonym_lookup_forms_find_every_antonym_pair() -> None:
    # The detector only tests word pairs where a lookup form of one is among the
    # other's opposites: are_antonyms must never hold outside them (adverbs too).
    from crosscheck.detectors.antonym import lookup_forms, opposites
    from crosscheck.lexicon import antonyms, are_antonyms

    checked = 0
    for a, others in antonyms().items():
        for b in others:
            for form_a in (a, a + "ly", a.upper()):
                for form_b in (b, b + "ly"):
                    if are_antonyms(form_a, form_b):
                        assert opposites(form_a) & set(lookup_forms(form_b)), (form_a, form_b)
                        checked += 1
    assert checked > 1000


def test_a_detail_stated_of_the_same_subject_in_the_sentence_counts() -> None:
    # Two claims of one sentence, one subject: the man writing the note is the man near the bike.
    report = compare({"a": "A man is sitting near a bike and is writing a note.", "b": "There is no man writing a note near a bike."})
    assert [f.type for f in report.by_status("conflict")] == ["negation"]
    # Said of another subject, the detail is not his: denying the more specific statement leaves it open.
    report = compare(
        {"a": "A woman is sitting near a bike and a man is writing a note.", "b": "There is no man writing a note near a bike."}
    )
    assert not report.by_status("conflict")


def test_subject_contexts_join_claims_that_share_their_subject() -> None:
    from crosscheck.classify import subject_contexts

    claims = extract(Source("a", "a", "A man is sitting near a bike and is writing a note. A dog sleeps.")).claims
    contexts = subject_contexts(claims)
    assert [c.text for c in claims] == ["A man is sitting near a bike", "A man is writing a note", "A dog sleeps"]
    # each gets what the other states of the man, less its own words
    assert contexts == {claims[0].id: {"write", "note"}, claims[1].id: {"sit", "bike"}}
