"""Negation with scope: one claim denies what the other asserts.

The negated words are the content words right after a negator ("did not
*detail* participants", "denied *meeting*", "without *committing*"). The
detector fires only when one of them is asserted on the other side; a
negation about something the other claim does not mention is not a clash,
and two negated claims agree.

A denial is read as narrowly as it is worded:

* a negated subject denies its predicate ("There is no man on the rock
  *standing*", "Nobody is *rinsing*", "None of the kids *has a gun*"), and
  a negated agent the verb before it ("is being *played* by nobody");
* it is about the participants it names: "There is no woman riding a horse"
  leaves "A man is riding a horse" open, "not slicing garlic" leaves "slicing
  an onion" open, while "nobody" or "no person" denies it of anyone;
* denying a more specific statement leaves the general one open: a detail of
  place or instrument ("dancing *on the road*"), or an adjective that narrows
  an indefinite phrase ("a *large* pepper"), that the other claim lacks;
* a negation inside an indefinite description picks out which one is meant
  ("a man *with no* shirt") and is no denial, and coordinated negations ("no
  blood and no bones") deny together instead of cancelling out.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from crosscheck.detectors.base import NO_CONTEXT, Clash, Detector, SubjectContext, fires, quote, silent, spans, view
from crosscheck.features import ATTRIBUTION_VERBS, NEGATING_NOUNS_BEFORE_TO, infinitive_after
from crosscheck.identity_cache import cache_by_identity
from crosscheck.lexicon import related_words
from crosscheck.model import Claim, Token
from crosscheck.words import LIGHT_VERBS

_SCOPE = 4  # words after a negator that it can reach
_SKIP = frozenset({"AUX", "DET", "ADV", "NEG", "PREP", "PRON", "POS"})
_CONTENT = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})


def _scope(claim: Claim, negators: Sequence[int]) -> list[tuple[int, int, int]]:
    """(negator index, negated head index, negated subject index or -1)
    triples. The head is the verb, or the last noun of the noun phrase, that a
    negator reaches ("without public *escalation*"). A negated subject denies
    its predicate: "There is no *man* on the rock *standing*", "Nobody is
    *rinsing*", "None of the *men* are *playing*"; a negated agent denies the
    verb before it ("is being *played* by nobody")."""
    out = []
    toks = claim.tokens
    for n in negators:
        head = noun = -1
        first = n + 2 if _is_negating_pronoun(toks, n) and toks[n].lower == "no" else n + 1
        if toks[n].lemma in NEGATING_NOUNS_BEFORE_TO:
            to = infinitive_after(toks, n)  # past an aside: "their failure, three times in a row, to *get*"
            first = first if to is None else to + 1
        if toks[n].lower in ("none", "neither") and first < len(toks) and toks[first].lower == "of":
            first = _object_end(toks, first + 1)  # "none of the kids has a gun": the kids are not denied
        for k in range(first, min(len(toks), first + _SCOPE)):
            tag = toks[k].tag
            if tag == "VERB" and not _modifier_participle(toks, k):
                head = k
                break
            if tag in _CONTENT:
                head = k  # an adjective or noun: keep going to the phrase's last noun
                noun = k if tag in ("NOUN", "PROPN") else noun
            elif tag not in _SKIP or toks[k].text in ",;" or head >= 0:
                break
        subject = -1
        if _negates_subject(toks, n):
            subject = noun
            if head < 0 or toks[head].tag != "VERB":
                verb = _predicate_after(toks, max(head, first - 1))
                head = verb if verb >= 0 else head
            if head == subject:
                subject = -1
        if head < 0 and n >= 2 and toks[n - 1].lower == "by" and toks[n - 2].tag == "VERB":
            head = n - 2
        if head >= 0:
            out.append((n, head, subject))
    return out


_EXPLETIVE = frozenset({"there", "here"})


def _negates_subject(toks: Sequence[Token], n: int) -> bool:
    """Is the negator the determiner or pronoun of the clause's subject: at the
    start ("No man is", "Nobody is") or after an existential "there is"?"""
    if toks[n].lower != "no" and not _is_negating_pronoun(toks, n):
        return False
    before = [t for t in toks[:n] if t.tag not in ("ADV", "PUNCT")]
    if not before:
        return True
    if before[-1].lower == "that" or (before[-1].lower in ATTRIBUTION_VERBS and before[-1].tag == "VERB"):
        return True  # the start of a reported clause: "crews said *no passenger* was ejected"
    return len(before) >= 2 and before[-2].lower in _EXPLETIVE and before[-1].lemma == "be"


_PREDICATE_REACH = 12  # words from a negated subject to its verb ("no man on a rock high above some trees standing")


def _predicate_after(toks: Sequence[Token], start: int) -> int:
    """The first verb after a negated subject noun phrase, or -1."""
    for k in range(start + 1, min(len(toks), start + 1 + _PREDICATE_REACH)):
        if toks[k].tag == "VERB" and not _modifier_participle(toks, k):
            return k
        if toks[k].text in ",;:" or toks[k].tag == "NEG":
            break
    return -1


_DETAIL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_CIRCUMSTANCE_PREPOSITIONS = frozenset({
    "on", "in", "at", "from", "with", "through", "into", "onto", "near", "inside", "outside", "under",
    "across", "along", "behind", "beside", "around", "toward", "towards",
})


def _adds_detail(negated: Claim, plain: Collection[str], negators: Sequence[int], head: int) -> bool:
    """Does the negated claim deny a circumstance the plain one does not state?
    Denying a more specific statement leaves the general one open: "There is
    no man dancing on the road" does not deny "A man is dancing" (he may dance
    elsewhere), "not writing with a pencil" does not deny "writing". Only
    details in a phrase of place, source, path or instrument count: the
    object or purpose of a denied act is what the two sources dispute; so
    does an adjective narrowing an indefinite participant ("no woman slicing
    a large pepper", see ``_narrows``). Only the denied verb's own clause
    counts: in "no woman wearing sunglasses and holding newspapers in both
    hands", the hands are another predicate's detail, and a claim split at
    the "and" states it apart."""
    in_detail = False
    toks = negated.tokens
    end = _clause_end(toks, head)
    first = min(negators, default=0)
    # The denied clause's subject: "reports were that *the men* were not seen".
    subject = next((i + 1 for i in range(first - 1, -1, -1) if _opens_clause(toks[i])), 0)
    subject_end = next(
        (i for i in range(subject, len(toks)) if toks[i].tag in _SUBJECT_END or toks[i].text in ",;"), len(toks)
    )
    for i, t in enumerate(toks[:end]):
        if (subject <= i < subject_end or i > first) and _narrows(toks, i, end) and t.lemma not in plain:
            if not any(related_words(t.lemma, other) for other in plain):
                return True
        if t.tag == "PREP":
            in_detail = t.lower in _CIRCUMSTANCE_PREPOSITIONS
            continue
        if (t.tag in ("VERB", "AUX", "CONJ", "SCONJ", "REL") and not _modifier_participle(toks, i)) or t.text in ",;":
            in_detail = False
            continue
        if not in_detail or t.tag not in _DETAIL or i in negators or t.lemma in LIGHT_VERBS or t.lemma in plain:
            continue
        if not any(related_words(t.lemma, other) for other in plain):
            return True
    return False


# Adjectives that pick out no kind of thing: "the other man", "many people".
_NOT_KINDS = frozenset({
    "other", "another", "same", "many", "few", "several", "much", "more", "most", "such", "own",
    "certain", "various", "different", "whole", "entire", "single", "only",
})  # fmt: skip


_SUBJECT_END = frozenset({"AUX", "VERB", "NEG", "PREP", "REL", "CONJ", "SCONJ"})


def _opens_clause(t: Token) -> bool:
    return t.tag in ("SCONJ", "REL") or t.lower == "that" or t.text in ",;:"
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "my", "our", "your"})


def _narrows(toks: Sequence[Token], i: int, end: int) -> bool:
    """Is the word at ``i`` an adjective that narrows an indefinite noun
    phrase ("a *large* pepper", "a *grassy* hill")? Denying something of a
    large pepper leaves other peppers open. In a definite phrase ("the
    *powerful* cartoon") the adjective describes what is already picked out."""
    t = toks[i]
    if t.tag != "ADJ" or i + 1 >= end or toks[i + 1].tag not in ("NOUN", "ADJ") or t.lemma in _NOT_KINDS:
        return False
    k = i - 1
    while k >= 0 and toks[k].tag in ("ADJ", "NOUN", "NUM"):
        k -= 1
    return k < 0 or not (toks[k].lower in _DEFINITE or toks[k].tag in ("POS", "PROPN"))


# "no one", and "no" before a name ("no Asian woman"): the shared negator list
# counts "no" only before a common noun, an adjective or a number.
_NO_BEFORE = frozenset({"one"})
# Negating pronouns: they stand for the participant they deny.
_NEGATING_PRONOUNS = frozenset({"nobody", "noone", "none", "nothing", "neither"})


_CONDITIONALS = frozenset({"if", "unless", "whether"})
# Verbs whose "to" complement is tried, wanted or asked for, not done: "tries
# *to stay* above", "was told *not to talk*".
_UNDONE_COMPLEMENT = frozenset({
    "try", "attempt", "seek", "hope", "want", "wish", "plan", "aim", "intend", "strive",
    "tell", "ask", "urge", "order", "advise", "warn", "instruct", "request", "beg", "encourage", "remind", "persuade",
})  # fmt: skip
_OBJECT_REACH = 4  # words from such a verb to its "to" ("urged the two leaders *to*")


@cache_by_identity(maxsize=8192)
def unasserted(claim: Claim) -> frozenset[int]:
    """Indices of the words a claim does not assert: a condition ("*if the
    subsidies are not repealed*, the EU will ...", "unless ...") and what
    someone tries, wants or is told to do ("the dollar tries *to stay above*
    75 cents", "he was told *not to talk*"), each up to the end of its clause.
    A negation there denies nothing, and a word there is not a statement
    that another claim's negation can deny."""
    toks = claim.tokens
    out: set[int] = set()
    for i, t in enumerate(toks):
        if t.lower in _CONDITIONALS:
            start = i + 1
        elif t.lemma in _UNDONE_COMPLEMENT and t.tag == "VERB" and any(u.lower == "to" for u in toks[i + 1 : i + 1 + _OBJECT_REACH]):
            start = i + 1
        else:
            continue
        end = next((k for k in range(start, len(toks)) if toks[k].text in ",;:"), len(toks))
        out.update(range(start, end))
    return frozenset(out) if out else _NOTHING


_NOTHING: frozenset[int] = frozenset()


@cache_by_identity(maxsize=8192)
def negators(claim: Claim) -> tuple[int, ...]:
    """Token indices of the words that negate the claim: ``view(claim).negators``
    plus "no" before "one" or a name ("No one is typing", "There is no Asian
    woman"), less those in words the claim does not assert (``unasserted``).
    The antonym detector reads polarity from here too."""
    found = set(view(claim).negators)
    toks = claim.tokens
    for i, t in enumerate(toks[:-1]):
        if t.lower == "no" and (toks[i + 1].lower in _NO_BEFORE or toks[i + 1].tag == "PROPN"):
            found.add(i)
    skip = unasserted(claim)
    return tuple(sorted(i for i in found if not _picks_out(toks, i) and not _number_sign(toks, i) and i not in skip))


def _number_sign(toks: Sequence[Token], n: int) -> bool:
    """ "No 4", "No. 1": the abbreviation of "number", not a denial."""
    if n == 0 or toks[n].text != "No" or n + 1 >= len(toks):
        return False
    return toks[n + 1].tag == "NUM" or toks[n + 1].text == "."


_INDEFINITE = frozenset({"a", "an", "another", "some"})


def _picks_out(toks: Sequence[Token], n: int) -> bool:
    """Is the negator part of a description that picks out which one is meant,
    "a man *with no* shirt", "a man *without* a hat"? That says which man, not
    that something did not happen: "A man with no shirt is holding a football"
    does not deny "A man with a shirt is holding a football" (another man)."""
    p = n - 1 if toks[n].lower == "no" else n
    if p < 1 or toks[p].lower not in ("with", "without") or (p != n and toks[p].lower != "with"):
        return False
    k = p - 1
    if toks[k].tag not in ("NOUN", "PROPN"):
        return False
    while k > 0 and toks[k - 1].tag in ("NOUN", "ADJ", "NUM"):
        k -= 1
    if k == 0 or not (toks[k - 1].lower in _INDEFINITE or toks[k - 1].tag == "NUM"):
        return False
    # A predicate noun describes rather than picks out: "acting as an arms
    # broker without a license", "he is a man without fear".
    return k < 2 or not (toks[k - 2].lower == "as" or toks[k - 2].lemma == "be")


def _is_negating_pronoun(toks: Sequence[Token], n: int) -> bool:
    if toks[n].lower in _NEGATING_PRONOUNS:
        return True
    return toks[n].lower == "no" and n + 1 < len(toks) and toks[n + 1].lower in _NO_BEFORE  # "no one"


def _clause_end(toks: Sequence[Token], head: int) -> int:
    """End (exclusive) of the clause of the verb at ``head``: the next
    coordinated or relative predicate ("and holding", ", which is")."""
    for i in range(head + 1, len(toks)):
        t = toks[i]
        if t.tag == "REL":
            return i
        if (t.tag == "CONJ" and i > head + 1) or t.text in ",;":  # "dancing and singing in the rain": both
            nxt = next((u for u in toks[i + 1 : i + 3] if u.tag not in ("ADV", "NEG")), None)
            if nxt is not None and nxt.tag in ("VERB", "AUX"):
                return i
    return len(toks)


# "neither ... nor" keeps its own count: "neither admitted nor denied" (three
# negators) is a denial of admitting.
_PARTICLES_OF_NEGATION = frozenset({"no", "not", "never", "nobody", "none", "nothing", "without"})


def _particle(t: Token) -> str | None:
    """The negation particle a word is ("isn't" is "not"), or None."""
    if t.lower.endswith("n't"):
        return "not"
    return t.lower if t.lower in _PARTICLES_OF_NEGATION else None


def negated(claim: Claim) -> bool:
    """Does the claim deny rather than assert? Each negator flips it ("did not
    fail to", "without a resolution, no entity can"), except a repeat
    coordinated with the one before: "no blood and no bones", "is not sitting
    and is not reading" deny twice."""
    toks = claim.tokens
    flips = 0
    last = -1
    for n in negators(claim):
        coordinated = (
            last >= 0
            and _particle(toks[n]) is not None
            and _particle(toks[last]) == _particle(toks[n])
            and (toks[n - 1].text == "," or any(t.tag == "CONJ" for t in toks[last + 1 : n]))
        )
        if not coordinated:
            flips += 1
        last = n
    return flips % 2 == 1


def _denied_words(claim: Claim) -> set[int]:
    """Words a claim denies even if, with an even number of negators, the claim
    as a whole asserts: in "denies taking a selfie as she says she will not
    comment" the comment is denied. A chain of negators cancels out: "did not
    fail to comment" denies the failing, not the comment."""
    denier = {head: n for n, head, _ in _scope(claim, negators(claim))}
    denied = set()
    for word in denier:
        chain, at = 0, word
        while at in denier and chain <= len(denier):
            chain += 1
            at = denier[at]
        if chain % 2 == 1:
            denied.add(word)
    return denied


def detect(a: Claim, b: Claim) -> Clash | None:
    return detect_in_context(a, b, NO_CONTEXT, NO_CONTEXT)


def detect_in_context(a: Claim, b: Claim, context_a: SubjectContext, context_b: SubjectContext) -> Clash | None:
    """``detect``, where a detail the negated claim adds may also be stated of
    the same subject elsewhere in the plain claim's sentence ("There is no man
    writing a note near a bike" / "A man is sitting near a bike and is writing
    a note")."""
    negated_a = negated(a)
    if negated_a == negated(b):
        return None
    negated_claim, plain, negs = (a, b, negators(a)) if negated_a else (b, a, negators(b))
    plain_context = context_b if negated_a else context_a
    # The same lemma only: synonym classes are too loose for a denial ("not
    # related" does not deny "referred").
    plain_all: dict[str, list[int]] = {}
    for i, t in enumerate(plain.tokens):
        if t.tag in _CONTENT:
            plain_all.setdefault(t.lemma, []).append(i)
    denied_in_plain = _denied_words(plain) | unasserted(plain)
    for lemma, ids in list(plain_all.items()):
        ids[:] = [i for i in ids if i not in denied_in_plain]
        if not ids:
            del plain_all[lemma]
    plain_by_lemma = {lemma: ids[0] for lemma, ids in plain_all.items()}
    stated = plain_by_lemma.keys() | plain_context if plain_context else plain_by_lemma
    for n, k, subject in _scope(negated_claim, negs):
        j = plain_by_lemma.get(negated_claim.tokens[k].lemma)
        shown = k
        if j is None and subject >= 0:
            # "There is no cheetah running behind its prey" / "A cheetah is
            # chasing its prey": the predicate is worded otherwise, but the
            # denied subject is there, doing something to the same participants.
            j = plain_by_lemma.get(negated_claim.tokens[subject].lemma)
            verb = next((i for i, t in enumerate(plain.tokens) if t.tag == "VERB"), -1)
            if j is None or verb < 0 or not _same_participants(negated_claim, k, plain, verb, anchored=True):
                continue
            shown = subject
        elif j is None or not _same_participants(negated_claim, k, plain, j):
            continue
        if _adds_detail(negated_claim, stated, negs, k):
            continue
        if negated_claim.tokens[k].tag in ("NOUN", "PROPN"):
            # "no brown dog" against "a black dog ... with a brown dog": the brown one
            same_kind = [
                i for i in plain_all[plain.tokens[j].lemma] if not _other_kind(negated_claim.tokens, k, plain.tokens, i)
            ]
            if not same_kind:
                continue
            j = same_kind[0]
        hit = plain.tokens[j]
        lo, hi = min(n, shown), max(n, shown)
        neg_tokens = list(negated_claim.tokens[lo : hi + 1])
        neg_spans, plain_spans = spans(neg_tokens), spans([hit])
        if negated_claim is a:
            return Clash("negation", f"{quote(neg_tokens)} vs {quote([hit])}", neg_spans, plain_spans)
        return Clash("negation", f"{quote([hit])} vs {quote(neg_tokens)}", plain_spans, neg_spans)
    return None


def _modifiers(toks: Sequence[Token], i: int) -> list[Token]:
    """The words right before a noun that modify it: "a *soccer* ball"."""
    out = []
    k = i - 1
    while k >= 0 and toks[k].tag in ("NOUN", "PROPN", "ADJ") and toks[k].lemma not in _NOT_KINDS:
        out.append(toks[k])
        k -= 1
    return out


def _other_kind(a: Sequence[Token], i: int, b: Sequence[Token], j: int) -> bool:
    """Do both nouns carry modifiers, and different ones? "There is no soccer
    player" does not deny "Rugby players are tackling": another kind of player."""
    mods_a, mods_b = _modifiers(a, i), _modifiers(b, j)
    return bool(mods_a and mods_b) and not any(_same_word(x, y) for x in mods_a for y in mods_b)


# Participants: a denial is about the ones it names. "There is no woman riding a
# horse" leaves "A man is riding a horse" open, and so does "A woman is not
# slicing garlic" for "A woman is slicing an onion".
_GENERIC = frozenset({
    "person", "people", "human", "individual", "someone", "somebody", "anyone", "anybody",
    "everyone", "everybody", "nobody", "noone", "none", "something", "anything", "nothing",
    "thing", "object", "animal", "creature", "child", "kid", "food", "instrument", "vehicle",
})  # fmt: skip
_ROLE_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NEG"})
_NP_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "POS", "PRON"})
_PARTICLES = frozenset({"up", "down", "out", "off", "away", "on"})
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ne", "lt", "ht", "nt", "un", "ung", "ut")


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A participant: the nouns of a noun phrase ("panda *bear*": a bear and a
    panda) and the words that say which kind it is ("a *soccer* ball", "a
    *red* ball")."""

    nouns: tuple[Token, ...]
    kinds: tuple[Token, ...]

    @property
    def head(self) -> Token:
        return self.nouns[-1]


def _phrases(toks: Sequence[Token], lo: int, hi: int) -> list[_Phrase]:
    """The noun phrases between ``lo`` and ``hi``: each run of nouns (or a
    pronoun) ending a run of noun-phrase words ("a long sleeved blue *shirt*
    and *jeans*", "a *man* with a *shirt*")."""
    out: list[_Phrase] = []
    run: list[int] = []

    def close() -> None:
        if run:
            nouns = tuple(toks[i] for i in run)
            out.append(_Phrase(nouns, nouns[:-1] + tuple(_modifiers(toks, run[0]))))
            run.clear()

    for i in range(lo, hi):
        t = toks[i]
        if t.tag in _ROLE_TAGS and t.lemma not in _EXPLETIVE and (t.tag != "NEG" or t.lower in _NEGATING_PRONOUNS):
            if run and run[-1] != i - 1 and toks[i - 1].tag != "VERB":
                close()  # "a man and a woman": two phrases
            run.append(i)
        elif t.tag == "ADJ" and run and (i + 1 >= hi or toks[i + 1].tag not in _NP_TAGS):
            run.append(i)  # a phrase does not end in an adjective: "a grand piano" (tagged ADJ)
        elif t.tag in _NP_TAGS or _modifier_participle(toks, i, hi):
            continue  # a modifier, or a participle before a noun ("checkered shirt")
        else:
            close()
    close()
    return out


def _modifier_participle(toks: Sequence[Token], i: int, hi: int | None = None) -> bool:
    """A verb form used as a modifier: "checkered *shirt*", "racing *dogs*"."""
    end = len(toks) if hi is None else hi
    if toks[i].tag != "VERB" or i + 1 >= end or toks[i + 1].tag not in ("NOUN", "ADJ") or i == 0:
        return False
    if toks[i - 1].tag == "VERB":
        return True  # "cutting cooked octopus"
    k = i - 1
    while k > 0 and toks[k].tag in ("NOUN", "ADJ"):
        k -= 1  # "a blue checkered shirt", "a long sleeved shirt"
    if k < i - 1 and toks[i].lower.endswith("ing"):
        return False  # "no kitten drinking milk": a noun and what it does
    return toks[k].tag in ("DET", "ADJ", "NUM", "POS") or toks[k].lower == "of"


def _object_end(toks: Sequence[Token], i: int) -> int:
    """End of the noun phrase (or coordinated noun phrases) that starts at ``i``."""
    j = i
    while j < len(toks):
        t = toks[j]
        if t.tag in _NP_TAGS or (t.lower in ("of", "and") and j > i):
            j += 1
        elif _modifier_participle(toks, j):
            j += 1
        else:
            break
    while j > i and toks[j - 1].lower in ("of", "and"):
        j -= 1
    return j


def _roles(claim: Claim, v: int) -> tuple[list[_Phrase], list[_Phrase]]:
    """(agent heads, patient heads) of the verb at ``v``: the subject and the
    direct object, or for a passive ("is being played by a man") the "by"
    phrase and the subject."""
    toks = claim.tokens
    before = _phrases(toks, 0, v)
    k = v + 1
    while k < len(toks) and toks[k].lower in _PARTICLES:
        k += 1  # "cutting up", "putting away"
    end = _object_end(toks, k)
    after = _phrases(toks, k, end)
    agent: list[_Phrase] = []
    if end < len(toks) - 1 and toks[end].lower == "by":
        agent = _phrases(toks, end + 1, _object_end(toks, end + 1))
    aux = [t.lemma for t in toks[max(0, v - 3) : v] if t.tag == "AUX"]
    word = toks[v].lower
    passive = bool(agent) or ("be" in aux and not word.endswith("ing") and word.endswith(_PARTICIPLE_ENDINGS))
    if passive:
        return agent, before + after
    return before, after


def _compatible(denied: list[_Phrase], asserted: list[_Phrase]) -> bool:
    """May the denied participants include the asserted ones? Unknown (a
    pronoun, a name, nothing said) counts as yes; so does a generic denial
    ("nobody", "no person"); two different common nouns ("man" / "woman",
    "garlic" / "onion") do not, nor two kinds of one ("a soccer ball" / "a
    tennis ball"), nor a specific denial against a generic assertion ("no
    man" / "someone")."""
    if not denied or not asserted:
        return True
    for group in (denied, asserted):
        for p in group:
            if p.head.tag == "PRON" and p.head.lemma not in _GENERIC:
                return True
            if any(t.tag == "PROPN" for t in p.nouns + p.kinds):
                return True  # "ISIS fighters" / "Islamic State militants": names may be one
    if _generic(denied):
        return True
    return _shares(denied, asserted)


def _same_participants(negated: Claim, k: int, plain: Claim, j: int, anchored: bool = False) -> bool:
    """Does the negated verb at ``k`` deny the plain verb at ``j`` of the same
    participants? Only verbs have participants: a denied noun is itself the
    thing at issue. ``anchored``: the two verbs are worded differently, so
    both must act on one named object ("cutting a potato" / "slicing a
    potato"), not merely on compatible ones."""
    if negated.tokens[k].tag != "VERB" or plain.tokens[j].tag != "VERB":
        return not anchored
    agent_n, patient_n = _roles(negated, k)
    agent_p, patient_p = _roles(plain, j)
    if anchored and not _shares(patient_n, patient_p):
        return False
    return _compatible(agent_n, agent_p) and _compatible(patient_n, patient_p)


def _generic(denied: list[_Phrase]) -> bool:
    return any(p.head.lemma in _GENERIC for p in denied)


def _same_word(x: Token, y: Token) -> bool:
    return x.lemma == y.lemma or related_words(x.lemma, y.lemma)


def _same_thing(a: _Phrase, b: _Phrase) -> bool:
    """One phrase's head is among the other's nouns ("panda" / "panda bear"),
    and they are not two kinds of it ("soccer ball" / "tennis ball")."""
    if not _same_word(a.head, b.head):
        return any(_same_word(a.head, y) for y in b.nouns) or any(_same_word(x, b.head) for x in a.nouns)
    return not (a.kinds and b.kinds and not any(_same_word(x, y) for x in a.kinds for y in b.kinds))


def _shares(a: list[_Phrase], b: list[_Phrase]) -> bool:
    return any(_same_thing(x, y) for x in a for y in b)


DETECTOR = Detector(
    type="negation",
    detect=detect,
    detect_in_context=detect_in_context,
    doc="One side negates (not, never, no, without, deny, refuse, fail to) a word the other asserts.",
    severity="hard",
    severity_rule="hard; soft when either side only reports the claim (attribution, hedge)",
    soft_when_reported=True,
    examples=(
        fires("A man is playing a guitar.", "A man is not playing a guitar."),
        fires("The ministry confirmed the minister met the envoy.", "The ministry said the minister never met the envoy."),
        fires("Police arrested the suspect on Monday.", "Police did not arrest the suspect on Monday."),
        fires("The company paid the fine.", "The company refused to pay the fine."),
        silent("Badr met both visiting sides.", "The announcement did not detail participants."),
        silent("Talks stalled without clear follow-up.", "An absence of follow-up stalled talks."),
        silent("The man is not playing a guitar.", "The man is not playing a guitar."),
        silent("The deal was not only signed but ratified.", "The deal was signed."),
        # denying a more specific statement leaves the general one open
        silent("A man is dancing.", "There is no man dancing on the road."),
        silent("The dog is drinking water from a bottle.", "The dog is not drinking water from the faucet."),
        silent("Iran held talks with the United States.", "Iran did not hold talks in Oman."),
        fires("A man is dancing on the road.", "No man is dancing."),
        fires("Iran held talks with the United States in Oman.", "Iran did not hold talks with the United States."),
        fires("Kirchner adopted a Jewish boy.", "The president did not adopt a Jewish child to stop a curse."),
        # "no one", "nobody", "no" before a name; a negated subject denies its predicate
        fires("Someone is typing.", "There is no one typing."),
        fires("An Asian woman is holding a fur scarf.", "There is no Asian woman holding a fur scarf."),
        fires("A man is rinsing a steak.", "Nobody is rinsing a steak."),
        fires("The guitar is being played by the man.", "The guitar is being played by nobody."),
        fires("One kid has a gun.", "None of the kids has a gun."),
        silent("Five children are standing in front of a hut.", "None of the kids has a gun."),
        silent("It is never fun to be No. 4.", "It is never fun to be No 4."),
        # a denial is about the participants it names
        silent("A man is riding a horse.", "There is no woman riding a horse."),
        silent("A woman is slicing an onion.", "A woman is not slicing garlic."),
        silent("Police arrested the protesters.", "Police did not arrest the suspect."),
        silent("Someone is playing a guitar.", "There is no man playing a guitar."),
        silent("A kid is playing a guitar.", "A boy is not playing a guitar."),
        fires("A boy is playing a guitar.", "There is no kid playing guitar."),
        # two kinds of one thing are two things
        silent("A man is kicking a tennis ball.", "There is no man kicking a soccer ball."),
        silent("Rugby players are tackling each other.", "There is no soccer player."),
        fires("Soccer players are tackling each other.", "There is no soccer player."),
        fires("A black dog is playing with a brown dog.", "There is no brown dog."),
        # the same subject doing something else to the same object
        fires("A man is slicing a potato.", "There is no man cutting a potato."),
        silent("A man is playing a guitar.", "There is no man singing and playing a guitar."),
        silent("A dog is swimming after a ball.", "There is no dog barking at a ball."),
        # details of another, coordinated predicate are not this one's
        fires("A pet dog is standing on the bank.", "There is no pet dog standing on the bank and looking at another dog in the pond."),
        silent("A woman is dancing.", "There is no woman dancing and singing in the rain."),  # the rain is both verbs'
        # an adjective that narrows an indefinite phrase is a more specific denial
        silent("A woman is slicing a pepper.", "There is no woman slicing a large pepper."),
        silent("A dog is running up a hill.", "There is no dog running up a grassy hill."),
        fires("A woman is slicing a large pepper.", "There is no woman slicing a pepper."),
        fires("Banksy drew the cartoon about the attack.", "This powerful cartoon about the attack was not drawn by Banksy."),
        # a negation that picks out which one is meant; coordinated negations
        silent("A man with a shirt is holding a football.", "A man with no shirt is holding a football."),
        fires("He acted as an arms broker with a license.", "He acted as an arms broker without a license."),
        fires("They found blood and bones.", "They found no blood and no bones."),
        silent("They found no blood and no bones.", "No one has found blood or bones."),
        # two denials in one claim: each still denies its own word
        silent("The doctor denied the report as she said she will not comment.", "The doctor said she has no comment."),
        fires("She did not fail to comment on the case.", "She never commented on the case."),
        # a condition, and what is tried, wanted or asked for, is not asserted
        silent("If the subsidies are not repealed, the EU will impose sanctions.", "The EU will impose sanctions unless the subsidies are repealed."),
        silent("Dotson said he talked to police on Friday.", "Dotson said he was told not to talk to police."),
        silent("The dollar tries to stay above 75 cents.", "The dollar failed to stay above 75 cents."),
        fires("The dollar stayed above 75 cents.", "The dollar failed to stay above 75 cents."),
        fires("If talks fail, the minister did not sign the accord.", "The minister signed the accord."),
        # a vote's name, a noun's "decline", a negating noun past an aside
        silent("Three no votes would kill the plan.", "Three votes would kill the plan."),
        silent("Price declines have remained below 30 percent.", "Prices have remained below 30 percent."),
        silent("It shows their failure, three times in a row, to get a turnout.", "Three times in a row, they failed to get a turnout."),
        fires("It shows their failure, three times in a row, to get a turnout.", "Three times in a row, they got a big turnout."),
        # a negated subject at the start of a reported clause
        fires("Crews said no passenger was ejected from the bus.", "Crews said a passenger was ejected from the bus."),
        silent("Crews said no passenger was ejected from the bus.", "Crews said passengers were thrown against the windows."),
    ),
)
