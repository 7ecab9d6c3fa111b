import pytest

from crosscheck import compare
from crosscheck.align import RELATED_THRESHOLD, align
from crosscheck.event_reference import demonstrative_event, event_context, referring_noun
from crosscheck.model import Source
from crosscheck.pipeline import extract

LEAD = "Israel and Hamas negotiators met in Doha on March 3. "


def _context(text: str):  # type: ignore[no-untyped-def]
    extraction = extract(Source("a", "a", text))
    return extraction, event_context(extraction)


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("The session was described as tense.", "session"),
        ("The talks ended without a deal.", "talk"),
        ("This week's summit ended early.", "summit"),
        ("The deadly attack drew condemnation.", "attack"),
        ("The vote was postponed.", "vote"),
    ],
)
def test_definite_event_subject_refers_to_the_lead_event(sentence: str, noun: str) -> None:
    extraction, context = _context(LEAD + sentence)
    ref = context[extraction.claims[-1].id]
    assert ref.noun == noun
    assert ref.antecedent == extraction.claims[0].id
    assert set(ref.anchors) == {"israel", "hamas", "doha", "03-03"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister was described as tense.",  # not an event noun
        "A session was described as tense.",  # indefinite: a new event
        "The session in Geneva was described as tense.",  # has anchors of its own
        "Observers said the session was tense.",  # the event noun is not the subject
        "The session.",  # no predicate
    ],
)
def test_not_a_reference(sentence: str) -> None:
    extraction, context = _context(LEAD + sentence)
    assert extraction.claims[-1].id not in context


def test_participle_adjunct_borrows_the_anchors_its_clause_has() -> None:
    extraction, context = _context("Israel and Hamas will meet in Doha on March 3, marking the first direct talks in years.")
    adjunct = extraction.claims[-1]
    assert adjunct.text == "Israel and Hamas, marking the first direct talks in years"
    ref = context[adjunct.id]
    assert ref.adjunct and ref.noun == "marking"
    assert ref.antecedent == extraction.claims[0].id
    assert set(ref.anchors) == {"doha", "03-03"}  # not its own "israel", "hamas"
    assert "said of the event" in ref.describe()


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators talked for hours, producing no agreement.",  # the clause has no anchors to lend
        "Israel and Hamas met in Doha on March 3. Holding talks in Doha reduces the risk.",  # a gerund subject
        "Israel and Hamas met in Doha on March 3. Talks resumed, but officials said nothing.",  # no participle
        "Israel met Hamas in Doha, Qatar, on March 3, in a hotel.",  # a list of places, no adjunct
    ],
)
def test_not_an_adjunct_reference(text: str) -> None:
    _, context = _context(text)
    assert not any(ref.adjunct for ref in context.values())


def test_nearest_antecedent_naming_the_same_event_wins() -> None:
    text = LEAD + "Later, Qatar and Egypt held a meeting in Cairo on March 5. The meeting ended without a statement."
    extraction, context = _context(text)
    ref = context[extraction.claims[-1].id]
    assert "cairo" in ref.anchors and "doha" not in ref.anchors


def test_no_lead_event_means_no_reference() -> None:
    _, context = _context("Negotiators talked for hours. The session was described as tense.")
    assert context == {}


def test_a_reference_lets_a_clash_about_the_event_be_found() -> None:
    a = LEAD + "The session was framed as indirect talks by the mediators."
    b = "Israel and Hamas held direct talks in Doha on March 3, officials said."
    report = compare({"a": a, "b": b})
    conflicts = [f for f in report.findings if f.status == "conflict" and f.type == "antonym"]
    assert any("a:1" in f.claims and "read as the event of a:0" in f.reason for f in conflicts)


def test_unrelated_definite_subject_does_not_borrow_a_clash() -> None:
    a = LEAD + "The session was framed as indirect talks by the mediators."
    b = "Floods hit the north of Chile on March 3, with direct damage to roads."
    report = compare({"a": a, "b": b})
    assert not [f for f in report.findings if f.status == "conflict"]


def test_referring_noun_is_about_the_subject_only() -> None:
    extraction, _ = _context("The talks collapsed.")
    assert referring_noun(extraction.claims[0]) == "talk"
    extraction, _ = _context("Both sides said talks collapsed.")
    assert referring_noun(extraction.claims[0]) is None


def test_lent_anchors_alone_never_make_an_agreement() -> None:
    # "The announcement" is tied to the Doha meeting, but says nothing the other source states.
    a = LEAD + "The announcement did not name the mediators."
    b = "Israel and Hamas negotiators met in Doha on March 3, officials said."
    report = compare({"a": a, "b": b})
    assert not [f for f in report.findings if f.status == "agree" and "a:1" in f.claims]
    assert [f for f in report.findings if f.status == "agree" and "a:0" in f.claims]


def test_a_demonstrative_event_phrase_borrows_the_anchors_it_lacks() -> None:
    extraction, context = _context(LEAD + "Expect this Doha meeting to be the first of many.")
    claim = extraction.claims[-1]
    assert demonstrative_event(claim) == ("meeting", ("doha",))
    ref = context[claim.id]
    assert ref.antecedent == extraction.claims[0].id and not ref.adjunct
    assert set(ref.anchors) == {"israel", "hamas", "03-03"}  # not its own "doha"


@pytest.mark.parametrize(
    "sentence",
    [
        "Expect this Cairo meeting to be the first of many.",  # names a place the antecedent lacks
        "Expect this Doha hotel to be busy.",  # not an event noun
        "Officials said that Doha meeting was useful.",  # "that" may be a complementizer
        "Expect the Doha meeting to be the first of many.",  # not a demonstrative
    ],
)
def test_not_a_demonstrative_reference(sentence: str) -> None:
    extraction, context = _context(LEAD + sentence)
    assert extraction.claims[-1].id not in context


def _ordinal_conflicts(a: str, b: str) -> list[tuple[str, ...]]:
    report = compare({"a": a, "b": b})
    return [f.claims for f in report.findings if f.status == "conflict" and f.type == "ordinal"]


def test_claims_said_of_aligned_events_are_compared_on_those_events() -> None:
    a = LEAD + "Expect this Doha meeting to be the first of a sequence of cautious contacts rather than a breakthrough."
    b = "Israel and Hamas negotiators met in Doha on March 3, marking another round of talks between two old adversaries."
    # the two claims share no word of their own; each is said of its source's lead event, and those align
    assert _ordinal_conflicts(a, b) == [("a:1", "b:1")]
    candidates = align([extract(Source("a", "a", a)), extract(Source("b", "b", b))])
    linked = next(c for c in candidates if (c.a.id, c.b.id) == ("a:1", "b:1"))
    assert linked.event_link and linked.score < RELATED_THRESHOLD and not linked.states_the_same


def test_claims_said_of_different_events_are_not_compared() -> None:
    a = LEAD + "Expect this Doha meeting to be the first of a sequence of cautious contacts rather than a breakthrough."
    b = "Egypt and Jordan signed a water deal in Amman on May 9, marking another round of talks between the two sides."
    assert _ordinal_conflicts(a, b) == []
