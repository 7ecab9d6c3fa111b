"""words: the fast paths (memoized analyses, lemma tables, Words built slot by
slot) give the same results as the plain ones."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lemminflect import getAllLemmas

from crosscheck import words
from crosscheck.words import Word, is_finite, is_title_case, readings, tokenize


@pytest.mark.parametrize(
    "lower",
    ["meet", "met", "states", "running", "better", "was", "leaves", "news", "'s", "u.s.", "zzzq", "", "ǅ", "ϒ", "i̇stanbul"],
)
def test_readings_are_lemminflects(lower: str) -> None:
    assert readings(lower) == getAllLemmas(lower)


def test_tokens_are_ordinary_words() -> None:
    first = tokenize("Badr met the envoy.", 10)[0]
    plain = Word("Badr", "badr", "badr", "PROPN", 10, 14)
    assert first == plain and hash(first) == hash(plain) and repr(first) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.tag = "NOUN"  # type: ignore[misc]


def test_tags_depend_on_the_word_before() -> None:
    # One surface form, analysed (and memoized) once per context.
    assert tokenize("They plan to meet.")[1].tag == "VERB"
    assert tokenize("The plan failed.")[1].tag == "NOUN"
    assert tokenize("Talks resumed.")[0].tag == "NOUN"  # first word: capital letter is no name
    assert tokenize("The Talks resumed.")[1].tag == "PROPN"
    assert tokenize("Oman \u2014 a discreet conduit \u2014 signals peace.")[6].tag == "VERB"  # after a dash


def test_memo_changes_nothing() -> None:
    text = "The U.S. envoy, Badr al-Busaidi, said on Monday that talks with 19,000 people don't hold."
    before = tokenize(text, 3)
    for analyses in words._CONTEXTS:
        analyses.clear()
    assert tokenize(text, 3) == before


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("Loggers Accidentally Cut Down World's Oldest Tree in Amazon Forest", True),
        ("ISIS Beheads American Journalist James Foley", True),
        ("Apple Unveils New iPhone With Bigger Screen", True),
        ("Iran and the United States met in Muscat.", False),  # names, but the verb is lowercase
        ("Barack Obama met Vladimir Putin in Moscow", False),
        ("NASA SAYS NO", False),  # all capitals: no case information at all
        ("Talks End", False),  # too short to tell
    ],
)
def test_title_case_detection(text: str, titled: bool) -> None:
    assert is_title_case(text) is titled


def test_title_case_words_are_read_as_common_words_unless_names() -> None:
    tags = {w.text: w.tag for w in tokenize("Loggers Accidentally Cut Down Oldest Tree in Amazon Forest")}
    assert tags["Loggers"] == "NOUN" and tags["Accidentally"] == "ADV" and tags["Tree"] == "NOUN"
    assert tags["Amazon"] == "PROPN"  # no English reading: a name
    tags = {w.text: w.tag for w in tokenize("North Korea Fires Missile Over United States Base")}
    assert tags["North"] == tags["Korea"] == tags["United"] == tags["States"] == "PROPN"  # known places stay whole
    assert tags["Missile"] == "NOUN"


def test_plural_noun_closing_a_list_item_is_a_noun() -> None:
    words = tokenize("It could pave the way for limited prisoner exchanges, temporary measures, or talks.")
    assert {w.text: w.tag for w in words}["exchanges"] == "NOUN"
    # no verb before it: the -s form is the clause's verb
    words = tokenize("The price rises, and markets react.")
    assert {w.text: w.tag for w in words}["rises"] == "VERB"


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Possible agendas for such exchanges range from measures to talks.", "range"),
        ("Prices rise in the spring.", "rise"),
        ("If the exchanges produce tangible results, they could grow.", "produce"),
        ("Weapons inspectors visit the site, officials said.", "visit"),
    ],
)
def test_a_verbless_clause_takes_the_base_form_after_its_plural_subject(sentence: str, verb: str) -> None:
    assert {w.text: w.tag for w in tokenize(sentence)}[verb] == "VERB"


@pytest.mark.parametrize(
    "sentence, noun",
    [
        ("The arms control treaty was signed.", "control"),  # the clause has its verb
        ("After the weapons test in March, talks stalled.", "test"),  # not the opening noun phrase
        ("The weapon test in March.", "test"),  # a singular noun before it: a compound
    ],
)
def test_a_compound_noun_stays_a_noun(sentence: str, noun: str) -> None:
    assert {w.text: w.tag for w in tokenize(sentence)}[noun] == "NOUN"


@pytest.mark.parametrize(
    "sentence, word, tag",
    [
        ("Expect this Muscat meeting to be the first of many.", "meeting", "NOUN"),
        ("The Boston bombing shocked the city.", "bombing", "NOUN"),
        # after a plural name, or before an object, an -ing form is a participle
        ("The Germans meeting in Paris agreed.", "meeting", "VERB"),
        ("The Fed meeting its target surprised markets.", "meeting", "VERB"),
        ("Jones meeting the press was a surprise.", "meeting", "VERB"),  # no determiner
    ],
)
def test_an_ing_form_after_a_determiner_and_a_name_is_a_noun(sentence: str, word: str, tag: str) -> None:
    assert {w.text: w.tag for w in tokenize(sentence)}[word] == tag


def test_a_coordinated_past_verb_is_a_verb() -> None:
    tags = {w.text: (w.tag, w.lemma) for w in tokenize("The teenager committed suicide and left a note.")}
    assert tags["left"] == ("VERB", "leave")
    # not after a finite past verb, or not before an object: the word keeps its reading
    assert {w.text: w.tag for w in tokenize("The left and right wings met.")}["left"] == "NOUN"
    assert {w.text: w.tag for w in tokenize("She saw the old and broken doors.")}["broken"] == "ADJ"


@pytest.mark.parametrize(
    "sentence, verb, finite",
    [
        ("The merged company kept the name.", "merged", False),  # modifies the noun after it
        ("In televised ceremonies, winners were named.", "televised", False),
        ("More developed economies say so.", "developed", False),
        ("Web-based content is archived.", "Web-based", False),
        ("If requested by the police, they will help.", "requested", False),
        ("Applications must be rewritten.", "rewritten", False),
        ("Called a hoax, the story spread.", "Called", False),
        ("The companies merged last year.", "merged", True),
        ("They proposed a plan.", "proposed", True),
        ("He sold the house.", "sold", True),
        ("Called in by the police.", "Called", True),  # no clause after it to modify: a headline's verb
        ("Archive web-based content.", "web-based", False),  # a compound the lemma table lacks
        ("It makes products not sold in the United States.", "sold", False),  # a reduced relative
    ],
)
def test_finite_verbs_and_participles(sentence: str, verb: str, finite: bool) -> None:
    words = tokenize(sentence)
    i = next(k for k, w in enumerate(words) if w.text == verb)
    assert is_finite(words, i) is finite


@pytest.mark.parametrize(
    "sentence, word, tag",
    [
        ("The photo appears to show a crab.", "show", "VERB"),
        ("They went to court the voters.", "court", "VERB"),
        ("They went to the show.", "show", "NOUN"),  # no "to" right before it
        ("They went to court.", "court", "NOUN"),  # no object after it
        ("According to reports the army left.", "reports", "NOUN"),  # not a base form
        ("But price declines have remained below 30 percent.", "declines", "NOUN"),  # a verb takes no auxiliary after it
        ("Prices declined and have remained low.", "declined", "VERB"),
        ("We're asphyxiating, he said.", "We're", "PRON"),  # a pronoun with its auxiliary, not a name
        ("They'll meet on Monday.", "They'll", "PRON"),
        ("O'Neill said so.", "O'Neill", "PROPN"),
    ],
)
def test_a_base_form_between_to_and_its_object_is_a_verb(sentence: str, word: str, tag: str) -> None:
    assert {w.text: w.tag for w in tokenize(sentence)}[word] == tag


def test_lemma_lines_give_lemminflects_entries() -> None:
    from lemminflect import Lemmatizer
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    from crosscheck.words import _LemmaLines

    path = Lemmatizer().lemma_lu_fn
    lines = _LemmaLines.read(path)
    assert lines is not None
    table = LemmaLUCodec.load(path)
    for word, entry in table.items():
        assert lines.get(word, {}) == entry, word
        assert list(lines.get(word, {})) == list(entry), word  # categories in the same order
    for absent in ("", "zzzq", "meet,verb", "meet,", ",", "Meet"):
        assert absent not in table
        assert lines.get(absent, {}) == {}


def test_lemma_lines_of_an_unsorted_file(tmp_path: Path) -> None:
    import gzip

    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    from crosscheck.words import _LemmaLines

    path = tmp_path / "lemmas.csv.gz"
    rows = ["met,verb,meet", "best,adj,good", "met,noun,met", "best,adv,well", "best,adj,best", " a,det,a "]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    lines = _LemmaLines.read(str(path))
    assert lines is not None
    table = LemmaLUCodec.load(str(path))
    for word, entry in table.items():
        assert lines.get(word, {}) == entry and list(lines.get(word, {})) == list(entry)
    assert lines.get("meet", {}) == {}


def test_tokenize_offsets_are_token_res_matches() -> None:
    """tokenize reads tokens with the whitespace before them and counts
    offsets from lengths: the same tokens and offsets as TOKEN_RE.finditer."""
    import random

    from crosscheck.words import TOKEN_RE

    rng = random.Random(0)
    alphabet = ["a", "B", "U", "S", "s", "x", "é", "1", "2", " ", "\t", "\n", "\u00a0", "\u2003", ".", ",", "'", "-", "_", "\u2014", "%", "$"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        got = [(w.text, w.start, w.end) for w in tokenize(text, 5)]
        assert got == [(m.group(), 5 + m.start(), 5 + m.end()) for m in TOKEN_RE.finditer(text)], text
