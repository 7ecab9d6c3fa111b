import pytest

from crosscheck import compare
from crosscheck.align import AGREE_THRESHOLD, CLASH_THRESHOLD, align, content_keys, frame_keys, opposite_forms, score
from crosscheck.model import Source
from crosscheck.pipeline import extract


def _claims(text: str, sid: str):  # type: ignore[no-untyped-def]
    return extract(Source(sid, sid, text))


def test_keys_fold_case_inflection_aliases_and_dates() -> None:
    a = _claims("The U.S. envoys met in Muscat on Feb. 6.", "a").claims[0]
    b = _claims("United States envoy meets in Muscat on February 6.", "b").claims[0]
    assert set(content_keys(a)) == set(content_keys(b)) == {"united states", "envoy", "meet", "muscat", "02-06"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Only Intel Corp. has a lower dividend yield.", "Only Intel has a lower dividend yield."),  # a company suffix, an opening adverb
        ("The Intel Corporation has a lower yield.", "Intel has a lower yield."),
        ("The index rose 0.8 per cent.", "The index rose 0.8 percent."),  # "per cent" is "percent"
    ],
)
def test_names_and_units_written_otherwise_are_one_key(a: str, b: str) -> None:
    assert set(content_keys(_claims(a, "a").claims[0])) == set(content_keys(_claims(b, "b").claims[0]))


def test_a_company_name_keeps_words_that_are_not_suffixes() -> None:
    keys = set(content_keys(_claims("Lexmark International Inc. rose.", "a").claims[0]))
    assert "lexmark international" in keys  # "Inc." goes; "International" is part of the name
    assert "cent" in content_keys(_claims("The stock rose 40 cents.", "a").claims[0])


@pytest.mark.parametrize(
    ("text", "absence"),
    [
        ("The talks ended without a deal.", True),
        ("An absence of follow-up would hurt.", True),
        ("The talks ended with a deal.", False),
        ("Nobody doubted the outcome.", False),
    ],
)
def test_without_is_keyed_as_the_absence_it_says(text: str, absence: bool) -> None:
    assert ("absence" in content_keys(_claims(text, "a").claims[0])) is absence


def test_score_bounds_and_symmetry() -> None:
    assert score([], ["a"]) == 0.0
    assert score(["talk", "muscat"], ["talk", "muscat"]) == 1.0
    assert score(["talk", "muscat", "oman"], ["muscat"]) == score(["muscat"], ["talk", "muscat", "oman"])
    assert 0 < score(["talk", "muscat", "oman"], ["muscat", "river"]) < 1


def test_fuzzy_keys_match_spelling_variants() -> None:
    assert score(["programme", "nuclear"], ["program", "nuclear"]) > AGREE_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "opposite"),
    [
        ("direct", "indirect", True),
        ("likely", "unlikely", True),
        ("accurate", "inaccurate", True),
        ("violent", "nonviolent", True),
        ("action", "reaction", True),  # a prefix makes another word, not a spelling
        ("operation", "cooperation", True),
        ("build", "rebuild", True),
        ("judgement", "judgment", False),
        ("programme", "program", False),
        ("organise", "organize", False),
        ("minister", "ministers", False),
    ],
)
def test_opposite_forms_are_never_fuzzy_matched(a: str, b: str, opposite: bool) -> None:
    assert opposite_forms(a, b) is opposite
    matched = score([a, "nuclear"], [b, "nuclear"]) > score([a, "nuclear"], ["zzzzzzz", "nuclear"])
    assert matched is not opposite


def test_paraphrase_aligns_and_unrelated_does_not() -> None:
    a = _claims("Iran and the United States met indirectly in Muscat on February 6.", "a")
    b = _claims("The United States and Iran met in Muscat on Feb. 6, officials said.", "b")
    c = _claims("Floods destroyed crops across the northern plains.", "c")
    pairs = align([a, b, c])
    ids = {(p.a.id, p.b.id) for p in pairs if p.score >= AGREE_THRESHOLD}
    assert ("a:0", "b:0") in ids
    assert not any("c:0" in pair for pair in ids)


def test_blocking_only_scores_claims_that_share_a_key() -> None:
    a = _claims("Rebels seized the airport.", "a")
    b = _claims("Floods destroyed crops.", "b")
    assert align([a, b]) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("negotiation", "negotiate"),  # derivational family
        ("escalation", "escalate"),
        ("nation", "country"),  # WordNet synonyms
        ("purchase", "buy"),
        ("tehran", "iran"),  # a capital stands for its country's government
        ("washington", "united states"),
    ],
)
def test_related_keys_match_at_reduced_credit(a: str, b: str) -> None:
    related = score([a, "talks"], [b, "talks"])
    assert score([a, "talks"], ["zzzzzz", "talks"]) < related < 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("buy", "sell"), ("man", "woman"), ("president", "minister"), ("talk", "walk"), ("paris", "iran")],
)
def test_unrelated_keys_do_not_match(a: str, b: str) -> None:
    assert score([a, "talks"], [b, "talks"]) == score([a, "talks"], ["zzzzzz", "talks"])


def test_a_name_in_part_matches_the_full_name() -> None:
    unrelated = score(["zzzzzz", "song", "bear"], ["bieber", "song", "bear"])
    assert score(["justin bieber", "song", "bear"], ["bieber", "song", "bear"]) > unrelated
    assert score(["north korea", "missile"], ["north", "korea", "missile"]) > score(["north korea", "missile"], ["zzzzz", "missile"])
    # a Title Case headline's "Joan Rivers's" is read as the words "joan" and "river"
    assert score(["joan rivers", "doctor"], ["joan", "river", "doctor"]) > score(["joan rivers", "doctor"], ["zzzz", "zzzzz", "doctor"])


def test_a_different_name_sharing_a_word_does_not_match() -> None:
    assert score(["south korea", "missile"], ["north korea", "missile"]) == score(["zzzzz", "missile"], ["north korea", "missile"])
    assert score(["justin trudeau", "visit"], ["justin bieber", "visit"]) == score(["zzzzz", "visit"], ["justin bieber", "visit"])


def _seed_extractions():  # type: ignore[no-untyped-def]
    from conftest import SEEDS

    return [_claims(p.read_text(encoding="utf-8"), sid) for p, sid in zip(SEEDS, "ab")]


def test_weights_merged_from_sources_equal_key_weights_over_all_claims() -> None:
    from crosscheck.align import _merged_weights, content_keys, key_weights, source_keys

    seeds = _seed_extractions()
    headline = _claims("Iran says talks with U.S. envoys in Muscat were positive.", "c")
    for extractions in ([headline, *seeds], [*seeds, headline], [seeds[1], headline], seeds[:1]):
        claims = [c for e in extractions for c in e.claims]
        want = key_weights(claims, {c.id: content_keys(c) for c in claims})
        got = _merged_weights([source_keys(e.claims) for e in extractions])
        assert dict(got) == want


def test_cached_source_keys_give_the_same_alignment() -> None:
    from crosscheck.align import source_keys

    a, b = _seed_extractions()
    first = align([a, b])
    assert align([a, b]) == first  # source_keys cached
    source_keys.cache_clear()  # type: ignore[attr-defined]
    assert align([a, b]) == first


@pytest.mark.parametrize(("common", "rare"), [("say", "behead"), ("people", "detainee"), ("make", "negotiate")])
def test_rare_words_weigh_more_than_common_ones(common: str, rare: str) -> None:
    from crosscheck.align import RARITY_MAX, RARITY_MIN, rarity

    assert RARITY_MIN <= rarity(common) < rarity(rare) <= RARITY_MAX


def test_sharing_a_rare_word_aligns_better_than_sharing_a_common_one() -> None:
    rare = _claims("Officials said the detainee was freed.", "a"), _claims("The detainee was moved, people said.", "b")
    common = _claims("Officials said the house was sold.", "a"), _claims("The price was high, people said.", "b")
    best = [max((p.score for p in align(list(pair))), default=0.0) for pair in (rare, common)]
    assert best[0] > best[1]


def test_a_key_held_by_more_than_max_postings_claims_does_not_block() -> None:
    from crosscheck.align import COMMON_KEY_SHARE, MAX_POSTINGS

    # 120 claims per source share "ceasefire" (more than MAX_POSTINGS in all, but
    # well under COMMON_KEY_SHARE of 2,000 claims): the key must not generate
    # candidates, or blocking would grow with the square of a long input.
    n = 60 + MAX_POSTINGS // 2
    filler = 1000 - n
    assert 2 * n > MAX_POSTINGS and 2 * n < COMMON_KEY_SHARE * 2000
    a = _claims(" ".join([f"The ceasefire held in district {i}." for i in range(n)] + [f"Lot {5000 + i} sold." for i in range(filler)]), "a")
    b = _claims(" ".join([f"The ceasefire held in district {1000 + i}." for i in range(n)] + [f"Lot {9000 + i} sold." for i in range(filler)]), "b")
    assert not [p for p in align([a, b]) if "ceasefire" in p.a.text]


def test_a_claim_whose_keys_are_all_common_still_finds_candidates() -> None:
    from crosscheck.align import COMMON_KEY_SHARE

    # "giant" and "crab" are each in more than COMMON_KEY_SHARE of the claims,
    # so neither blocks; the headline has no other key but must be compared.
    crab = [f"A giant crab was seen near pier {i}." for i in range(10)]
    filler = [f"Boat {100 + i} left the harbour early." for i in range(26)]
    assert COMMON_KEY_SHARE * (len(crab) + len(filler) + 1) < 10
    body = _claims(" ".join(crab + filler), "b")
    found = [p.b.text for p in align([_claims("Giant crab", "a"), body])]
    assert found and all(text.startswith("A giant crab was seen") for text in found)
    # ... while a claim sharing no key with the other source still has none.
    assert not align([_claims("Octopus escapes aquarium", "a"), body])


def test_a_single_shared_word_does_not_make_two_short_claims_agree() -> None:
    # "participants" is rare and both claims are short: the pair scores above
    # AGREE_THRESHOLD, but one matching key is not the same statement.
    a, b = _claims("Kushner was a participant.", "a"), _claims("The terse note omitted participants.", "b")
    (pair,) = align([a, b])
    assert AGREE_THRESHOLD <= pair.score < CLASH_THRESHOLD and pair.own_matches == 1
    assert not pair.states_the_same
    assert not [f for f in compare({"a": a.source.text, "b": b.source.text}).findings if f.status == "agree"]
    # two matching keys in the same band do state the same thing
    a = _claims("Saudi Arabia's national airline will introduce gender segregation on flights.", "a")
    b = _claims("Saudi Arabian airline to separate genders after men complain about blokes sitting next to their wives.", "b")
    (pair,) = align([a, b])
    assert AGREE_THRESHOLD <= pair.score < CLASH_THRESHOLD and pair.own_matches >= 2
    assert pair.states_the_same


def test_embedding_neighbours_match_as_related_keys() -> None:
    # "prisoner"/"inmate" are neighbours in lexicon.neighbours, not WordNet synonyms
    assert score(["prisoner", "release"], ["inmate", "release"]) > score(["prisoner", "release"], ["banana", "release"])
    # antonyms are never neighbours: "buy"/"sell" do not match
    assert score(["buy", "share"], ["sell", "share"]) == score(["buy", "share"], ["banana", "share"])


@pytest.mark.parametrize(
    ("text", "item", "frame"),
    [
        # a list's items share the words around it, verb included: those are the frame
        ("Possible agendas include prisoner swaps, border patrols and grain shipments.", "grain", {"possible", "agenda", "include"}),
        ("The terse announcement did not detail participants, agenda items or the format.", "participant", {"terse", "announcement", "detail"}),
        # a subject carried into clauses of their own is what they are about, not a frame
        ("Kushner was present in Muscat and met the envoy.", "envoy", set()),
        ("Jared Kushner, identified as a participant, was also present in Muscat.", "muscat", set()),
        # one claim: nothing is shared
        ("The ministers met in Geneva on Tuesday.", "geneva", set()),
    ],
)
def test_frame_keys_are_the_words_list_items_share_with_their_verb(text: str, item: str, frame: set[str]) -> None:
    claims = _claims(text, "a").claims
    (n,) = [n for n, c in enumerate(claims) if item in content_keys(c)]
    assert frame_keys(claims)[n] == frame


def test_between_two_list_items_the_items_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both claims are items of lists with long, different frames: the items
    # match, and the frames' words weigh half.
    a = _claims("Possible agendas for these cautious contacts in the Gulf include confidence measures, prisoner releases and naval patrols.", "a")
    b = _claims(
        "A modest diplomatic opening between the two old adversaries could pave the way for early prisoner releases, maritime rules and nuclear inspections.",
        "b",
    )
    (pair,) = align([a, b])
    assert "prisoner" in pair.a.text and pair.score >= CLASH_THRESHOLD
    monkeypatch.setattr("crosscheck.align.FRAME_WEIGHT", 1.0)
    (pair,) = align([a, b])
    assert pair.score < CLASH_THRESHOLD
    monkeypatch.undo()
    # An item alone does not state what a whole claim does: "participants"
    # against "Kushner, identified as a participant" (frames only count
    # between two items).
    a = _claims("Jared Kushner, identified as a U.S. participant, was also present.", "a")
    b = _claims("The terse announcement did not detail participants, agenda items or the format of the meetings.", "b")
    assert not [p for p in align([a, b]) if p.states_the_same]
