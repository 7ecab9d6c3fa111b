"""Atomic claims: each rule with sentences it must split and must not."""

import pytest

from crosscheck.decompose import decompose
from crosscheck.words import tokenize


def claims(sentence: str) -> list[str]:
    words = tokenize(sentence)
    out = []
    for unit in decompose(words):
        out.append(" ".join(words[i].text for i in unit))
    return out


SEED_FIRST = (
    "Iran and the United States met indirectly in Muscat on February 6, with Iran's foreign minister "
    "Araghchi and a U.S. presidential envoy identified as Witkoff leading their respective delegations "
    "and Oman serving as intermediary."
)


def test_seed_first_sentence() -> None:
    found = claims(SEED_FIRST)
    assert found[0] == "Iran and the United States met indirectly in Muscat on February 6"
    assert any("Araghchi" in c and "leading" in c and "Witkoff" not in c for c in found)
    assert any("Witkoff" in c and "leading" in c and "Araghchi" not in c for c in found)
    assert "Oman serving as intermediary" in found
    assert len(found) == 4


def test_seed_second_sentence_carries_kushner_apart() -> None:
    found = claims(
        "Oman's foreign minister Badr met both visiting sides in separate photo-op moments, and Jared "
        "Kushner, identified as a U.S. participant, was also present in Muscat."
    )
    assert found[0] == "Oman 's foreign minister Badr met both visiting sides in separate photo-op moments"
    assert "Jared Kushner was also present in Muscat" in found
    assert "Jared Kushner identified as a U.S. participant" in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # coordinated clauses, with and without their own subject
        ("The army shelled the town, and residents fled north.", ["The army shelled the town", "residents fled north"]),
        ("Muscat has maintained relations with Tehran and has hosted talks.",
         ["Muscat has maintained relations with Tehran", "Muscat has hosted talks"]),
        # a bare verb shares the modal of the first ("will be headquartered"), a verb with its own does not
        ("The merged company will keep the name and be based in Sunnyvale.",
         ["The merged company will keep the name", "The merged company will be based in Sunnyvale"]),
        ("He will not resign and will stay in office.", ["He will not resign", "He will stay in office"]),
        # semicolons and colons between clauses
        ("Talks resumed; no deal was reached.", ["Talks resumed", "no deal was reached"]),
        # "with X doing Y"
        ("Rebels seized the airport, with government troops retreating to the capital.",
         ["Rebels seized the airport", "government troops retreating to the capital"]),
        # appositive between dashes is said of the noun before it
        ("The choice of Oman \u2014 a discreet conduit \u2014 signals caution.",
         ["The choice of Oman signals caution", "Oman a discreet conduit"]),
        # relative clauses
        ("Police arrested a man who had attacked a guard.", ["Police arrested a man", "a man had attacked a guard"]),
        ("The report cites sanctions that have hurt exports.", ["The report cites sanctions", "sanctions have hurt exports"]),
        # distributive subjects split, collective ones stay
        ("Smith and Jones led their respective teams.", ["Smith led their respective teams", "Jones led their respective teams"]),
        # lists of three or more noun phrases after a verb or preposition, with the words around them
        ("Police seized guns, cash, and drugs in the raid.",
         ["Police seized guns", "Police seized cash", "Police seized drugs in the raid"]),
        ("Talks stalled over the nuclear programme, sanctions relief and regional security.",
         ["Talks stalled over the nuclear programme", "Talks stalled over sanctions relief",
          "Talks stalled over regional security"]),
        # the ends of a range of kinds, and plural items joined at an end
        ("Agendas range from confidence-building measures and prisoner arrangements to talks.",
         ["Agendas range from confidence-building measures", "Agendas range from prisoner arrangements",
          "Agendas range from talks"]),
        ("Possible agendas range from prisoner or detainee arrangements to talks about incidents.",
         ["Possible agendas range from prisoner or detainee arrangements", "Possible agendas range from talks about incidents"]),
        # a list between dashes naming examples of the noun phrase before it stands in for it
        ("Envoys used such channels to pursue narrow, pragmatic objectives \u2014 prisoner swaps, temporary"
         " de-escalation, or technical understandings \u2014 without a deal.",
         ["Envoys used such channels to pursue narrow , pragmatic objectives without a deal",
          "Envoys used such channels to pursue prisoner swaps", "Envoys used such channels to pursue temporary de-escalation",
          "Envoys used such channels to pursue technical understandings"]),
        ("If the talks produce tangible results \u2014 for example, a swap, new protocols at sea, or a tacit"
         " agreement \u2014 they could grow.",
         ["If the talks produce tangible results they could grow", "If the talks produce a swap",
          "If the talks produce new protocols at sea", "If the talks produce a tacit agreement"]),
        # a participle adjunct after a clause, with the clause's subject (of a complement clause, its own)
        ("Both sides will meet in Geneva on Monday, marking the first direct talks in years.",
         ["Both sides will meet in Geneva on Monday", "Both sides , marking the first direct talks in years"]),
        ("Without follow-up, the talks could remain symbolic, serving mainly as a pressure valve.",
         ["Without follow-up , the talks could remain symbolic", "the talks , serving mainly as a pressure valve"]),
        ("The minister said that the rebels had left, ending a long siege.",
         ["The minister said that the rebels had left", "the rebels , ending a long siege"]),
        # what the subject did not do, after "without" and a gerund
        ("U.S. administrations have pursued narrow objectives without committing to a comprehensive deal.",
         ["U.S. administrations have pursued narrow objectives", "U.S. administrations without committing to a comprehensive deal"]),
        ("The rebels left the city, without firing a single shot at the army.",
         ["The rebels left the city", "The rebels without firing a single shot at the army"]),
        # a verbless list between dashes stays with its noun phrase
        ("The ministers \u2014 Smith, Jones and Brown \u2014 met in Rome.",
         ["The ministers met in Rome", "The ministers Smith , Jones and Brown"]),
    ],
)
def test_splits(sentence: str, expected: list[str]) -> None:
    assert claims(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran and the United States met in Muscat.",  # collective subject
        "Temperatures range from 5 to 10 degrees.",  # a range of numbers, not of kinds
        "The route runs from Paris to Berlin.",  # only ranges of kinds ("range", "vary") enumerate
        "Talks focus on prisoner or detainee arrangements.",  # "or" joins modifiers
        "The minister announced that Iran and the United States will hold talks.",  # complement clause
        "The talks matter because they create an opening.",  # subordinate clause stays
        "Direct diplomacy carries costs that each government may not absorb.",  # object relative stays
        "Paris, Rome and Berlin protested.",  # a subject list may be collective
        "He said the plan was bold, costly and risky.",  # adjectives, not noun phrases
        "Officials from France, Germany and Italy attended the talks.",  # list inside the subject
        "Despite the absence of relations, channels between Paris and Rome remain open.",  # clause after a comma
        "Speaking to reporters, the minister denied the report.",  # a participle before the clause
        "Police made arrests, including two teenagers.",  # "including" opens a prepositional phrase
        "They measured whether small, confidence-building steps work.",  # a compound modifier, not a participle
        "She enjoys reading, writing and painting.",  # a list of -ing words
        "Families were abandoning, selling or killing their seventh sons.",  # a list of participles
        "Two people are in the snow, wearing jackets.",  # a bare object: said of the subject during the event
        "Analysts agree, shutting down the music service makes sense.",  # a gerund subject with its verb
        "Holding the talks in Oman reduces the risk.",  # a gerund subject
        "The talks ended without a deal on the nuclear programme.",  # "without" before a noun modifies the clause
        "The rebels left without saying anything.",  # too little after the gerund to say apart
        "Without committing to a comprehensive deal, the envoys met.",  # no clause before it
    ],
)
def test_does_not_split(sentence: str) -> None:
    assert len(claims(sentence)) == 1
