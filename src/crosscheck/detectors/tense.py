"""Tense: one source reports an event as past, the other as still to come
("met" / "will hold"). Present against past is not flagged: news writes of
past events in the present perfect and of standing facts in the present."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.detectors.base import Clash, Detector, fires, silent, view
from crosscheck.features import FUTURE_FRAMES
from crosscheck.model import Claim, Token

_CLASHING = frozenset({("past", "future"), ("future", "past")})
# Verbs that only report: when one gives a claim its tense, nothing else in
# the claim has one ("Existing televisions and VCRs, the FCC *said*").
_SAYING = frozenset({"said", "says", "say", "told", "tells", "stated", "added", "wrote", "tweeted"})


def _verb_group(words: Sequence[Token], i: int) -> list[Token]:
    """The tense word and the verb it belongs to ("will hold", "had met")."""
    group = [words[i]]
    for w in words[i + 1 : i + 4]:
        if w.tag in ("VERB", "AUX"):
            group.append(w)
            if w.tag == "VERB":
                break
        elif w.tag not in ("ADV", "NEG"):
            break
    return group


def _event_verb(words: Sequence[Token], group: list[Token]) -> str:
    """The lemma of the verb whose event a verb group times: its last verb,
    or the infinitive after a future frame ("is set to *announce*", "is due
    to *take* place")."""
    last = group[-1]
    at = words.index(last)
    if last.lower not in FUTURE_FRAMES and at + 1 < len(words) and words[at + 1].lower in FUTURE_FRAMES:
        at += 1
    if words[at].lower in FUTURE_FRAMES and at + 2 < len(words) and words[at + 1].lower == "to":
        return next((w.lemma for w in words[at + 2 : at + 4] if w.tag not in ("ADV", "NEG")), last.lemma)
    return last.lemma


def detect(a: Claim, b: Claim) -> Clash | None:
    view_a, view_b = view(a), view(b)
    tense_a, ia = view_a.tense
    tense_b, ib = view_b.tense
    if (tense_a, tense_b) not in _CLASHING:
        return None
    words_a, words_b = a.tokens, b.tokens  # token i has the values of as_words(claim)[i]
    if words_a[ia].lower in _SAYING or words_b[ib].lower in _SAYING:
        return None  # only the report is dated ("the operator said"), not what it reports
    ga, gb = _verb_group(words_a, ia), _verb_group(words_b, ib)
    verb_a, verb_b = _event_verb(words_a, ga), _event_verb(words_b, gb)
    if verb_a != verb_b and (any(w.lemma == verb_a for w in words_b) or any(w.lemma == verb_b for w in words_a)):
        # Each claim times a different event, and one of them names the
        # other's too ("filed a motion saying they intend to *seek*" / "will
        # *seek*"): the tenses are of different events.
        return None
    reason = f"{tense_a} '{' '.join(w.text for w in ga)}' vs {tense_b} '{' '.join(w.text for w in gb)}'"
    return Clash("tense", reason, ((ga[0].start, ga[-1].end),), ((gb[0].start, gb[-1].end),))


DETECTOR = Detector(
    type="tense",
    detect=detect,
    doc="One claim puts the event in the past, the other in the future.",
    severity="soft",
    severity_rule="soft: past against future of one event is most often pieces written before and after it",
    needs_alignment=True,
    examples=(
        fires("Iran and the United States met in Muscat on February 6.", "Iran and the United States will hold talks in Muscat on Feb. 6."),
        fires("The minister will sign the accord in Paris.", "The minister signed the accord in Paris."),
        fires("The company is set to announce layoffs.", "The company announced layoffs."),
        silent("The minister signed the accord in Paris.", "The minister has signed the accord in Paris."),
        silent("The minister will sign the accord.", "The minister is going to sign the accord."),
        silent("Prices rise in winter.", "Prices rose in winter."),
        # the reporting verb dates the report, not the event; "would" leaves the time open
        silent("This decision would throw the plan into doubt, he said.", "He added that the decision will throw the plan into doubt."),
        silent("Trades will be priced at 20 cents.", "Eurex said trades would be priced at 20 cents."),
        fires("Officials said the ministers met in Geneva.", "The ministers will meet in Geneva, officials said."),
        fires("The proposed merger was approved on Monday.", "The proposed merger will be approved on Monday."),
        # a past form that modifies a noun is no past tense: "proposed", "televised"
        silent("Under a proposed plan, shareholders will receive 1.3 shares.", "Under the plan, shareholders will get 1.3 shares."),
        silent("Winners will be announced in televised ceremonies.", "Winners will be announced in a ceremony."),
        # "was to", "was expected to": the future of a past moment, which may have come
        silent("The tariffs were to end at midnight.", "The tariffs will end at midnight."),
        silent("The plant was expected to close in May.", "The plant closed in May."),
        silent("Some issues can only be resolved if the conference expands.", "Some issues will be resolved if the conference expands."),
        silent("Existing televisions and VCRs, the FCC said.", "Existing televisions and VCRs will remain fully functional."),
        # different events, one of them named in both claims: no clash of tense
        silent("Prosecutors filed a motion saying they intend to seek the death penalty.", "Prosecutors will seek the death penalty."),
        silent("The governor watched the launch.", "The governor is scheduled to be at the base to watch the launch."),
        fires("The company is set to announce layoffs after it cut costs.", "The company announced layoffs."),
        # "due to" before a noun phrase is a cause, not a future
        silent("Two ships resurfaced due to low water levels.", "Two ships sank in the war and resurfaced."),
        fires("The vote is due to take place in May.", "The vote took place in May."),
    ),
)
