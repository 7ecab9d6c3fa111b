"""Split a sentence into atomic claims.

A claim is a list of word indices of the sentence in reading order; a carried
subject comes first. The rules, applied recursively, each split one unit:

1. ``;`` always, ``:`` when both sides have a verb, dash pairs and single dashes
   (an appositive between dashes is said of the noun phrase before it);
2. ``, with NP V-ing ...`` becomes its own unit(s);
3. a comma pair enclosing an appositive, a participle phrase or a relative
   clause between a noun phrase and its verb ("Kushner, identified as X, was");
   a trailing participle adjunct (", marking the first talks in years") is a
   claim of its own, with its clause's subject carried;
4. relative clauses: ``, which/who ...`` and ``N that/which/who V ...``, said of
   their antecedent noun phrase;
5. coordinated clauses at ``and/but/while/whereas/yet`` when both sides have a
   verb; a right side with no subject of its own carries the left one's;
6. coordinated subjects of a distributive predicate ("A and B led their
   respective delegations"); collective ones ("A and B met") stay together;
7. ranges of kinds ("agendas range from A and B to C"): one claim per end,
   and per plural item joined at an end;
8. lists of three or more noun phrases after a verb or preposition ("pave the
   way for A, B, or C"): one claim per item, each with the words around the
   list. Two-item coordinations ("measures and arrangements") stay whole:
   without commas, "and" joins modifiers as often as items. A list between
   dashes that names examples of the noun phrase before it ("pursue narrow
   objectives - swaps, inspections or talks - without ...") stands in for it.

Subordinate clauses ("because ...", "if ...") stay with their clause: they
qualify it rather than state something apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.normalize import DASH
from crosscheck.words import MODAL_VERBS, RELATIVES, TaggedWord, Word, is_finite, is_plural_noun, readings

Unit = list[int]  # word indices in reading order

SPLIT_COORDINATORS = frozenset({"and", "but", "while", "whereas", "yet"})
DISTRIBUTIVE_MARKERS = frozenset({"respective", "respectively", "each"})
_NP_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "POS", "PRON"})
_SUBJECT_TAGS = _NP_TAGS | {"PREP", "CONJ", "PUNCT", "ADV"}
_MAX_SUBJECT = 14


def decompose(words: Sequence[Word]) -> list[Unit]:
    """Claims of one sentence as lists of word indices (empty units dropped)."""
    units = _split(words, list(range(len(words))), depth=0)
    return [u for u in (_trim(words, u) for u in units) if _has_content(words, u)]


def _split(words: Sequence[Word], unit: Unit, depth: int) -> list[Unit]:
    unit = _trim(words, unit)
    if len(unit) < 3 or depth > 12:
        return [unit]
    lowers = {words[i].lower for i in unit}
    for rule, cues in _RULES:
        if lowers.isdisjoint(cues):
            continue  # none of the words the rule splits at: it would find nothing
        parts = rule(words, unit)
        if parts is not None:
            out: list[Unit] = []
            for part in parts:
                out.extend(_split(words, part, depth + 1))
            return out
    return [unit]


# --- helpers -----------------------------------------------------------------


def _trim(words: Sequence[Word], unit: Unit) -> Unit:
    """Drop punctuation and joining words at the edges of a unit."""
    lo, hi = 0, len(unit)
    while lo < hi and (
        words[unit[lo]].tag == "PUNCT" and words[unit[lo]].text not in '"$' or words[unit[lo]].lower in ("and", "but", "while", "whereas", "yet", "with")
    ):
        lo += 1
    while hi > lo and (words[unit[hi - 1]].tag == "PUNCT" and words[unit[hi - 1]].text not in '"%' or words[unit[hi - 1]].tag in ("CONJ", "PREP", "DET")):
        hi -= 1
    return unit[lo:hi]


def _has_content(words: Sequence[Word], unit: Unit) -> bool:
    """Two content words, or one and a verb (counting stops at two)."""
    content = 0
    for i in unit:
        if words[i].is_content:
            content += 1
            if content == 2:
                return True
    return content == 1 and len(unit) >= 2 and any(words[i].is_verb for i in unit)


def _has_verb(words: Sequence[Word], unit: Sequence[int]) -> bool:
    return any(words[i].is_verb for i in unit)


def _has_finite(words: Sequence[Word], unit: Sequence[int]) -> bool:
    return any(_finite(words, i) for i in unit)


def _finite(words: Sequence[TaggedWord], i: int) -> bool:
    return is_finite(words, i)


def _np_back(words: Sequence[Word], unit: Unit, pos: int) -> Unit:
    """The noun phrase ending just before unit[pos] (walks back over NP words)."""
    j = pos
    while j > 0 and words[unit[j - 1]].tag in _NP_TAGS - {"PRON"}:
        j -= 1
    # "the choice of Oman": the phrase is "Oman"; but keep "Iran 's foreign minister".
    return unit[j:pos]


def _subject_of(words: Sequence[Word], unit: Unit) -> Unit:
    """Words before the first finite verb of a clause, when they look like a subject."""
    for k, i in enumerate(unit):
        if _finite(words, i) or (words[i].tag == "VERB" and k > 0 and words[unit[k - 1]].tag == "NEG"):
            subject = unit[:k]
            while subject and words[subject[-1]].tag in ("ADV", "NEG", "PUNCT"):
                subject = subject[:-1]
            if subject and any(words[s].tag in ("NOUN", "PROPN", "PRON", "VERB") for s in subject):
                # Skip a leading adverbial ("For Washington, limited talks ...").
                commas = [n for n, s in enumerate(subject) if words[s].text == ","]
                if commas and len(subject) - commas[-1] > 1 and words[subject[0]].tag in ("PREP", "SCONJ", "ADV", "ADJ"):
                    subject = subject[commas[-1] + 1 :]
                return subject
            return []
    return []


def _starts_clause(words: Sequence[Word], unit: Unit, k: int) -> tuple[bool, bool]:
    """Does unit[k:] start a clause? Returns (is_clause, has_own_subject)."""
    first = words[unit[k]] if k < len(unit) else None
    if first is None:
        return (False, False)
    if first.tag in ("AUX", "NEG") or (first.tag == "VERB" and not first.lower.endswith("ing")):
        return (True, False)
    if first.tag == "ADV" and k + 1 < len(unit) and words[unit[k + 1]].is_verb:
        return (True, False)
    j = k
    saw_noun = False
    while j < len(unit) and j - k <= _MAX_SUBJECT:
        w = words[unit[j]]
        if _finite(words, unit[j]) or (w.tag == "VERB" and saw_noun and j > k and words[unit[j - 1]].tag in ("NOUN", "PROPN", "PRON")):
            return (saw_noun, True)
        if w.tag not in _SUBJECT_TAGS or w.text in (";", ":", DASH) or w.lower == "that":
            return (False, False)
        if w.text == "," and j + 1 < len(unit) and words[unit[j + 1]].tag in ("CONJ", "DET", "PRON", "SCONJ"):
            return (False, False)  # ", and ..." / ", the talks ...": a new clause, not this subject
        saw_noun = saw_noun or w.tag in ("NOUN", "PROPN", "PRON")
        j += 1
    return (False, False)


# --- rules -------------------------------------------------------------------


def _rule_hard_breaks(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """Semicolons; colons between two clauses."""
    for k, i in enumerate(unit):
        t = words[i].text
        if t == ";" or (t == ":" and _has_verb(words, unit[:k]) and _has_verb(words, unit[k + 1 :])):
            return [unit[:k], unit[k + 1 :]]
    return None


def _rule_dashes(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    dashes = [k for k, i in enumerate(unit) if words[i].text == DASH or words[i].text == "-" and _spaced(words, i)]
    if not dashes:
        return None
    d1 = dashes[0]
    if len(dashes) >= 2:
        d2 = dashes[1]
        inner = unit[d1 + 1 : d2]
        outer = unit[:d1] + unit[d2 + 1 :]
        if _has_finite(words, inner):
            return [outer, inner]
        head = _np_back(words, unit, d1)
        frame = unit[: _start_with_coordinate_adjectives(words, unit, d1 - len(head))]
        examples = _strip_example_marker(words, inner)
        if head and _has_verb(words, frame) and _is_enumeration(words, examples):
            # "pursue narrow objectives - prisoner swaps, ... or technical
            # understandings - without ...": the items are what is pursued
            # (the words after the dashes stay with the main claim).
            return [outer, frame + examples]
        return [outer, head + inner] if head else [outer, inner]
    left, right = unit[:d1], unit[d1 + 1 :]
    if _has_verb(words, right) or not _has_verb(words, left):
        return [left, right]
    head = _np_back(words, unit, d1)
    return [left, head + right]


def _start_with_coordinate_adjectives(words: Sequence[Word], unit: Unit, k: int) -> int:
    """Where the noun phrase starting at unit[k] starts with the adjectives
    listed before it: "narrow, pragmatic objectives", "tangible, limited results"."""
    first_is_adjective = k < len(unit) and words[unit[k]].tag == "ADJ"
    while first_is_adjective and k >= 2 and words[unit[k - 1]].text == "," and words[unit[k - 2]].tag == "ADJ":
        k -= 2
        while k >= 1 and words[unit[k - 1]].tag in ("ADJ", "ADV", "DET"):
            k -= 1
    return k


_EXAMPLE_MARKERS = (("for", "example"), ("for", "instance"), ("such", "as"), ("e.g.",), ("including",), ("namely",))


def _strip_example_marker(words: Sequence[Word], inner: Unit) -> Unit:
    """``for example, A, B or C`` -> ``A, B or C``."""
    lowers = [words[i].lower for i in inner]
    for marker in _EXAMPLE_MARKERS:
        if tuple(lowers[: len(marker)]) == marker:
            rest = inner[len(marker) :]
            return rest[1:] if rest and words[rest[0]].text == "," else rest
    return inner


def _is_enumeration(words: Sequence[Word], unit: Unit) -> bool:
    """Noun phrases joined by commas and a final and/or, no verb of their own."""
    if not unit or _has_finite(words, unit) or words[unit[0]].tag in ("PREP", "CONJ", "PUNCT"):
        return False
    return any(words[i].text == "," for i in unit) and any(words[i].lower in LIST_CONJUNCTIONS for i in unit)


def _spaced(words: Sequence[Word], i: int) -> bool:
    """A hyphen with spaces around it is used as a dash."""
    return 0 < i < len(words) - 1 and words[i - 1].end < words[i].start and words[i].end < words[i + 1].start


def _rule_with_construction(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``..., with NP V-ing ...`` -> main clause + the absolute phrase."""
    for k, i in enumerate(unit):
        if words[i].lower != "with" or k == 0 or words[unit[k - 1]].text != ",":
            continue
        rest = unit[k + 1 :]
        for n, j in enumerate(rest[: _MAX_SUBJECT + 8]):
            w = words[j]
            if w.tag == "VERB" and w.lower.endswith("ing") and n > 0:
                if not _has_verb(words, unit[:k]):
                    return None
                return [unit[:k], *_split_absolutes(words, rest)]
            if w.text in (",", ";", DASH):
                break
    return None


def _split_absolutes(words: Sequence[Word], rest: Unit) -> list[Unit]:
    """``A V-ing x and B V-ing y`` -> [A V-ing x, B V-ing y]."""
    parts: list[Unit] = []
    start = 0
    seen_ing = False
    for k, i in enumerate(rest):
        w = words[i]
        if w.tag == "VERB" and w.lower.endswith("ing"):
            seen_ing = True
        if w.lower == "and" and seen_ing and _next_absolute(words, rest, k + 1):
            parts.append(rest[start:k])
            start = k + 1
            seen_ing = False
    parts.append(rest[start:])
    return parts


def _next_absolute(words: Sequence[Word], rest: Unit, k: int) -> bool:
    for n, i in enumerate(rest[k : k + _MAX_SUBJECT]):
        w = words[i]
        if w.tag == "VERB" and w.lower.endswith("ing"):
            return n > 0
        if w.tag not in _NP_TAGS and w.tag not in ("PREP", "VERB"):
            return False
    return False


def _rule_comma_parenthetical(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``NP, <appositive | participle | who-clause>, VERB`` -> main + parenthetical."""
    commas = [k for k, i in enumerate(unit) if words[i].text == ","]
    for a, b in zip(commas, commas[1:]):
        if b - a < 2 or a == 0:
            continue
        before = words[unit[a - 1]]
        if before.tag not in ("NOUN", "PROPN"):
            continue
        inner = unit[a + 1 : b]
        first = words[inner[0]]
        if first.tag in ("CONJ", "SCONJ", "PREP") or first.lower in ("with",):
            continue
        # A leading participle ("identified as X") is part of the parenthetical.
        rest = inner[1:] if first.tag == "VERB" else inner
        if _has_finite(words, rest) and first.tag != "REL":
            continue
        if not any(words[i].tag in ("NOUN", "PROPN", "VERB") for i in inner):
            # A bare adverb ("however"): drop it from the claim, keep nothing.
            after_ok, _ = _starts_clause(words, unit, b + 1)
            if after_ok:
                return [unit[:a] + unit[b + 1 :]]
            continue
        after_clause, own_subject = _starts_clause(words, unit, b + 1)
        if not after_clause or own_subject:
            continue
        head = _np_back(words, unit, a)
        if not head:
            continue
        if first.tag == "REL":
            inner = inner[1:] if first.lower in ("which", "who") else inner
        return [unit[:a] + unit[b + 1 :], head + inner]
    return None


# Participles that open a prepositional phrase, not an adjunct clause.
PREPOSITIONAL_PARTICIPLES = frozenset({
    "including", "according", "following", "regarding", "concerning", "excluding", "considering",
    "involving", "pending", "during", "notwithstanding", "barring",
})
ADJUNCT_MIN_CONTENT = 2  # content words after an adjunct's participle


def _rule_participle_adjunct(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``CLAUSE, V-ing X Y ...`` at the end of a clause -> clause + adjunct.

    The adjunct says something apart ("will hold talks on Feb. 6, marking
    another round"): it becomes a claim of its own, with the subject of the
    clause it follows carried into it (``adjunct_participle`` recognises the
    result), which crosscheck.event_reference ties to the clause's event. A
    participle with a bare object ("in the snow, wearing jackets") describes
    the subject during the clause's event and stays with it.
    """
    for k in range(2, len(unit) - 2):
        if words[unit[k]].text != ",":
            continue
        first = words[unit[k + 1]]
        if first.tag != "VERB" or not first.lower.endswith("ing") or not first.lower.isalpha() or first.lower in PREPOSITIONAL_PARTICIPLES:
            continue  # (a compound, "small, confidence-building measures", is a modifier)
        before = words[unit[k - 1]]
        if before.tag == "VERB" and before.lower.endswith("ing"):
            continue  # a list of participles ("were abandoning, selling ...")
        if not _has_finite(words, unit[:k]):
            continue
        adjunct = unit[k + 1 :]
        if _opens_clause(words, adjunct):
            continue  # a gerund subject with its verb ("..., shutting it down makes sense")
        if sum(words[i].is_content for i in adjunct[1:]) < ADJUNCT_MIN_CONTENT:
            continue
        if any(words[i].text in (",", ";") and words[adjunct[n + 1]].tag == "CONJ" for n, i in enumerate(adjunct[:-1])):
            continue  # ", V-ing X, and ...": a list item, or a clause joined after it
        clause = unit[:k]
        # Said of the subject of the clause it follows ("... announced that Iran
        # and the U.S. will meet, marking ...": "Iran and the U.S., marking ...").
        subject = _subject_of(words, _clause_tail(words, clause))
        return [clause, subject + [unit[k]] + adjunct if subject else adjunct]
    return None


def _rule_without_adjunct(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``CLAUSE without V-ing X ...`` -> clause + subject ``without V-ing X``.

    What the subject did not do is a claim apart ("pursued narrow objectives
    without committing to a comprehensive deal": they did not commit to one),
    which another source may state or deny on its own. "without" before a
    noun ("without delay", "without a deal") modifies the clause and stays.
    """
    for k in range(2, len(unit) - ADJUNCT_MIN_CONTENT - 1):
        if words[unit[k]].lower != "without":
            continue
        gerund = words[unit[k + 1]]
        if not gerund.lower.endswith("ing") or not gerund.lower.isalpha() or "VERB" not in readings(gerund.lower):
            continue  # (the tagger may read a gerund after a preposition as a noun: "without firing")
        adjunct = unit[k:]
        if sum(words[i].is_content for i in adjunct[2:]) < ADJUNCT_MIN_CONTENT:
            continue
        clause = unit[:k]
        if words[clause[-1]].text == ",":
            clause = clause[:-1]
        if not _has_finite(words, clause):
            continue
        subject = _subject_of(words, _clause_tail(words, clause))
        if not subject:
            continue
        return [clause, subject + adjunct]
    return None


def _opens_clause(words: Sequence[Word], unit: Unit) -> bool:
    """Is there a finite verb in ``unit`` before any complementizer or
    subordinator (whose own clause may have one: "thinking that it would")?"""
    for i in unit:
        w = words[i]
        if w.tag in ("SCONJ", "REL") or w.lower in ("that", "if", "whether"):
            return False
        if _finite(words, i):
            return True
    return False


def adjunct_participle(words: Sequence[TaggedWord]) -> int | None:
    """Where the participle of an adjunct claim is ("[NP ,] marking another
    round ..."), or None. The claim has no finite verb: a gerund subject
    ("Holding talks in Oman reduces risk") is no adjunct."""
    participle = next((n for n, w in enumerate(words) if w.tag == "VERB"), None)
    if participle is None or not words[participle].lower.endswith("ing"):
        return None
    if participle > 0 and words[participle - 1].text != ",":
        return None
    if any(_finite(words, i) for i in range(len(words))):
        return None
    return participle


def _rule_relative(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """Relative clauses after a noun: ``N, which V`` and ``N that/who/which V``."""
    for k, i in enumerate(unit):
        w = words[i]
        if k < 2 or not (w.tag == "REL" or w.lower == "that"):
            continue
        prev_k = k - 1
        comma = words[unit[prev_k]].text == ","
        if comma:
            prev_k -= 1
        if words[unit[prev_k]].tag not in ("NOUN", "PROPN"):
            continue
        if w.lower == "where" or w.lower == "whom":
            continue
        if w.lower == "that" and (comma or not _verb_next(words, unit, k + 1)):
            continue
        if w.lower in ("which", "who") and not comma and not _verb_next(words, unit, k + 1):
            continue
        head = _np_back(words, unit, prev_k + 1)
        if not head or not _has_verb(words, unit[:k]):
            continue
        keep_pronoun = w.lower == "whose"
        body = unit[k:] if keep_pronoun else unit[k + 1 :]
        main = unit[: prev_k + 1]
        return [main, head + body]
    return None


def _verb_next(words: Sequence[Word], unit: Unit, k: int) -> bool:
    for i in unit[k : k + 3]:
        if words[i].is_verb or words[i].tag == "NEG":
            return True
        if words[i].tag != "ADV":
            return False
    return False


def _rule_coordination(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    for k, i in enumerate(unit):
        w = words[i]
        if w.lower not in SPLIT_COORDINATORS or k == 0:
            continue
        left = unit[:k]
        if not _has_verb(words, _clause_tail(words, left)):
            continue
        start = k + 1
        if start < len(unit) and words[unit[start]].text == ",":
            start += 1
        is_clause, own_subject = _starts_clause(words, unit, start)
        if not is_clause:
            continue
        right = unit[start:]
        if own_subject:
            return [left, right]
        subject = _subject_of(words, left)
        if not subject:
            return [left, right]
        return [left, subject + _shared_modal(words, left[left.index(subject[-1]) + 1 :], right) + right]
    return None


def _shared_modal(words: Sequence[Word], predicate: Unit, right: Unit) -> Unit:
    """The modal that a bare verb after the coordinator shares with the first
    verb ("will keep the name and *be* headquartered in Sunnyvale": the second
    claim is "will be headquartered"), or nothing."""
    first = words[right[0]]
    if first.tag not in ("VERB", "AUX") or first.lemma != first.lower or first.lower in MODAL_VERBS:
        return []
    rest = [i for i in predicate if words[i].tag not in ("ADV", "PUNCT")]
    if rest and words[rest[0]].lower in MODAL_VERBS:
        return [rest[0]]
    return []


def _clause_tail(words: Sequence[Word], unit: Unit) -> Unit:
    """The words after the last complementizer or subordinator: the clause that
    a coordinator at the end of ``unit`` would join ("announced that Iran")."""
    for k in range(len(unit) - 1, -1, -1):
        w = words[unit[k]]
        if w.tag in ("SCONJ", "REL") or w.lower == "that":
            return unit[k + 1 :]
    return unit


def _rule_distributive_subject(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``A and B V their respective X`` -> ``A V ...``, ``B V ...``."""
    if not any(words[i].lower in DISTRIBUTIVE_MARKERS for i in unit):
        return None
    marker = next(k for k, i in enumerate(unit) if words[i].lower in DISTRIBUTIVE_MARKERS)
    # The predicate verb is the last verb before the marker whose subject is a
    # coordination ("A and B identified as C leading their respective ...").
    verb_k = next(
        (
            k
            for k in range(marker - 1, 0, -1)
            if words[unit[k]].tag == "VERB" and _subject_span_ok(words, unit[:k])
        ),
        None,
    )
    if verb_k is None:
        return None
    subject, predicate = unit[:verb_k], unit[verb_k:]
    ands = [k for k, i in enumerate(subject) if words[i].lower == "and"]
    if len(ands) != 1:
        return None
    a = ands[0]
    return [subject[:a] + predicate, subject[a + 1 :] + predicate]


LIST_CONJUNCTIONS = frozenset({"and", "or"})
_ITEM_TAGS = _NP_TAGS | {"PREP"}
_MAX_ITEM = 10
_PAIR_PREPOSITIONS = frozenset({"between", "among", "amongst"})
MIN_LIST_ITEMS = 3


def _rule_object_list(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``V/P A, B(,) and/or C [tail]`` -> ``V/P A [tail]``, ``V/P B [tail]``, ..."""
    for k, i in enumerate(unit):
        if words[i].text != ",":
            continue
        first = _np_back(words, unit, k)
        if not first or not _is_item(words, first):
            continue
        start = k - len(first)
        if start > 0 and words[unit[start - 1]].tag not in ("VERB", "PREP", "AUX"):
            continue
        if start > 0 and not _has_verb(words, unit[:start]):
            continue
        found = _list_items(words, unit, k)
        if found is None or len(found[0]) + 1 < MIN_LIST_ITEMS:
            continue
        items, end = found
        frame, tail = unit[:start], unit[end:]
        if not frame:
            # A subject list ("A, B and C met") is collective as often as not;
            # a list with no verb around it states nothing item by item.
            continue
        return [frame + item + tail for item in [first, *items]]
    return None


RANGE_VERBS = frozenset({"range", "vary"})


def _rule_range(words: Sequence[Word], unit: Unit) -> list[Unit] | None:
    """``X range(s) from A and B to C`` -> ``X range from A``, ``... from B``,
    ``... from C``: the ends of a range of kinds name examples, each one a
    claim. Ranges of numbers ("from 5 to 10 percent") stay whole."""
    for k in range(1, len(unit) - 3):
        verb, prep = words[unit[k]], words[unit[k + 1]]
        if verb.tag != "VERB" or verb.lemma not in RANGE_VERBS or prep.lower != "from":
            continue
        to = next((n for n in range(k + 3, len(unit)) if words[unit[n]].lower == "to"), None)
        if to is None:
            return None
        end = next((n for n in range(to + 1, len(unit)) if words[unit[n]].text in (",", ";", ":", DASH)), len(unit))
        start_items = _split_plural_items(words, unit[k + 2 : to])
        items = [*start_items, unit[to + 1 : end]]
        if not all(_is_item(words, it) and not any(words[i].tag == "NUM" for i in it) for it in items):
            return None
        frame, tail = unit[: k + 2], unit[end:]
        return [frame + item + tail for item in items]
    return None


def _split_plural_items(words: Sequence[Word], span: Unit) -> list[Unit]:
    """``A and B`` -> [A, B] when A ends in a plural noun ("measures and
    arrangements"); "prisoner or detainee arrangements" and "nuclear and
    regional influence" join modifiers and stay one item."""
    for n, i in enumerate(span):
        if words[i].lower in LIST_CONJUNCTIONS and 0 < n < len(span) - 1:
            if is_plural_noun(words[span[n - 1]]):
                return [span[:n], *_split_plural_items(words, span[n + 1 :])]
    return [span]


def _list_items(words: Sequence[Word], unit: Unit, comma: int) -> tuple[list[Unit], int] | None:
    """Items after the first item's comma and where the list ends, or None
    when what follows the comma is not the rest of a list."""
    items: list[Unit] = []
    item: Unit = []
    k = comma + 1
    last = False
    while k < len(unit):
        w = words[unit[k]]
        if w.lower in LIST_CONJUNCTIONS and any(words[j].lower in _PAIR_PREPOSITIONS for j in item):
            item.append(unit[k])  # "between Tehran and Washington" is one item
        elif w.lower in LIST_CONJUNCTIONS and not last:
            if item:
                items.append(item)
            item, last = [], True
        elif w.text == ",":
            if last:
                break
            if not item:
                return None  # ", ,": an empty item is no list
            items.append(item)
            item = []
        elif w.tag in _ITEM_TAGS and len(item) < _MAX_ITEM and w.text not in (";", ":", DASH):
            item.append(unit[k])
        else:
            if not last:
                return None  # a verb before the conjunction: clauses, not a list
            break
        k += 1
    if not last or not item or (k < len(unit) and words[unit[k]].is_verb):
        return None  # "..., channels remain": the last 'item' is the subject of a clause
    items.append(item)
    if not all(_is_item(words, it) for it in items):
        return None
    return items, k


def _is_item(words: Sequence[Word], item: Unit) -> bool:
    tags = [words[i].tag for i in item]
    return any(t in ("NOUN", "PROPN", "NUM") for t in tags) and tags[0] != "PREP" and tags[-1] not in ("PREP", "DET")


def _subject_span_ok(words: Sequence[Word], subject: Unit) -> bool:
    return any(words[i].lower == "and" for i in subject) and words[subject[-1]].tag in ("NOUN", "PROPN")


# Each rule with the words (lowercase) of which a unit must have one for the
# rule to split it; units without any skip the rule's scan. (A REL tag is
# only ever given to one of words.RELATIVES, "that" among them.)
_RULES = (
    (_rule_hard_breaks, frozenset({";", ":"})),
    (_rule_dashes, frozenset({DASH, "-"})),
    (_rule_with_construction, frozenset({"with"})),
    (_rule_relative, RELATIVES),
    (_rule_coordination, SPLIT_COORDINATORS),
    (_rule_comma_parenthetical, frozenset({","})),
    (_rule_participle_adjunct, frozenset({","})),
    (_rule_without_adjunct, frozenset({"without"})),
    (_rule_distributive_subject, DISTRIBUTIVE_MARKERS),
    (_rule_range, frozenset({"from"})),
    (_rule_object_list, frozenset({","})),
)
