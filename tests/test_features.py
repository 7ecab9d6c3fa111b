import pytest

from crosscheck import features as F
from crosscheck.features import compute
from crosscheck.words import tokenize


def features(text: str):  # type: ignore[no-untyped-def]
    return compute(tokenize(text))


@pytest.mark.parametrize(
    "text, negated",
    [
        ("The army did not withdraw.", True),
        ("The army never withdrew.", True),
        ("The ministry denied the report.", True),
        ("He refused to resign.", True),
        ("Talks stalled without progress.", True),
        ("It is not untrue that they did not meet.", False),  # two negators
        ("The army withdrew.", False),
        ("Not only did prices rise.", False),
        ("I dont know anybody on the committee.", True),  # typed without the apostrophe
        ("His refusal to resign angered the party.", True),
        ("He was blamed for failing to act.", True),
        ("He died of heart failure.", False),  # a noun of failure not before "to"
        ("It was his wont to walk at dawn.", False),  # "wont" is a word, not "won't"
    ],
)
def test_negation(text: str, negated: bool) -> None:
    assert features(text).negated is negated


@pytest.mark.parametrize(
    "text, tense",
    [
        ("Iran and the United States met in Muscat.", "past"),
        ("They will hold talks in Muscat.", "future"),
        ("The minister announced that they will hold talks.", "future"),
        ("United issued a statement saying it will work with its unions.", "future"),
        ("Fields said the airline will work with its unions.", "future"),
        ("Fields said the word twice.", "past"),  # an object, not a clause: the reporting verb dates it
        ("Oman has hosted talks before.", "past"),
        ("Oman hosts talks.", "present"),
        ("Talks are set to resume.", "future"),
        ("Talks are due to start on Monday.", "future"),
        ("The vote is due to take place in May.", "future"),
        ("Flights were cancelled due to heavy rain.", "past"),  # "due to" a cause, not a future
        ("He is going to the polls.", "present"),
        ("He is going to resign.", "future"),
        ("They'll meet in Geneva.", "future"),
        # a past form that modifies a noun, or a participle clause, dates nothing
        ("The merged company will keep the name.", "future"),
        ("Under a proposed plan, shareholders will get 1.3 shares.", "future"),
        ("Winners will be announced in televised ceremonies.", "future"),
        ("Called Taxpayers Against the Recall, the group will launch on Wednesday.", "future"),
        ("If requested by the police, the agency will provide the logs.", "future"),
        ("Web-based content will be archived.", "future"),
        ("The company merged its two units.", "past"),  # a verb after its subject is still a verb
        # the future of a past moment, or a modal: the event's time is open
        ("The tariffs were to end at midnight.", None),
        ("The list was due to take effect on Oct. 1.", None),
        ("Some issues can only be resolved later.", None),
        ("Applications must be rewritten.", None),
        # a reporting verb with a bare clause: the clause gives the tense
        ("He projected the chip will be available within five years.", "future"),
        ("He reiterated Schroder's view that Berlin would consider it.", None),
    ],
)
def test_tense(text: str, tense: str | None) -> None:
    assert features(text).tense == tense


def test_dates_written_two_ways_are_equal() -> None:
    assert features("They met on February 6.").dates == features("They met on Feb. 6.").dates == ("02-06",)
    assert features("The accord of 2015 collapsed.").dates == ("2015",)
    assert features("They may meet.").dates == ()  # the modal is not the month


def test_numbers() -> None:
    assert features("The storm cut power to 19 million homes.").numbers == ("19000000",)
    assert features("It paid $2.5 billion.").numbers == ("$2500000000",)
    assert features("Turnout was 61%.").numbers == ("61%",)
    assert features("Twelve people died.").numbers == ("12",)
    assert features("He met one envoy.").numbers == ()


@pytest.mark.parametrize(
    "text, numbers",
    [
        # a comma before exactly three digits groups thousands; before any other count it is a decimal comma
        ("It employs 1,200 people.", ("1200",)),
        ("Some 1,2 million women take it.", ("1200000",)),
        ("It weighs 3,14 kilos.", ("3.14",)),
        ("It cost 1.234,5 euros.", ("€1234.5",)),
        ("It costs 1,234.5 euros.", ("€1234.5",)),
        # scale words and suffixes, hyphenated or split by the tokenizer
        ("A $70-million program.", ("$70000000",)),
        ("Mojang was sold for $2.5B.", ("$2500000000",)),
        ("Some three dozen troops.", ("36",)),
        # "per" alone is no percent; "per cent" is
        ("He is paid $395,000 per year.", ("$395000",)),
        ("Sales rose 5 per cent.", ("5%",)),
        # a leading decimal point, a mixed fraction, a country-prefixed dollar
        ("Ozone reached .20 parts per million.", ("0.2",)),
        ("The 3 5/8 percent note.", ("3.625%",)),
        ("It costs US$729, or C$990.", ("$729", "C$990")),
        # clock times and zero-led codes are not quantities
        ("Trading closed at 6 p.m. EDT.", ()),
        ("Shares were flat by 0835 GMT.", ()),
        ("Shares were flat by 1018 GMT.", ()),
    ],
)
def test_number_parsing(text: str, numbers: tuple[str, ...]) -> None:
    assert features(text).numbers == numbers


def test_quantity_bounds_precision_and_scale() -> None:
    from crosscheck.words import tokenize as tok

    def quantity(text: str) -> F.Quantity:
        (q,) = F.find_quantities(tok(text))
        return q

    assert quantity("more than $2 billion").bound == "min"
    assert quantity("at least 29 troops").bound == "min"
    assert quantity("up to 400 fighters").bound == "max"
    assert quantity("as much as about 16 percent").bound == "max"
    assert quantity("rose 16 percent").bound == ""
    assert quantity("were up 8 cents").approx is False  # "up" is a direction
    assert quantity("about 8 cents").approx is True
    assert quantity("1.23 percent").precision == pytest.approx(0.01)
    assert quantity("300 people").precision == 100  # trailing zeros are round
    assert quantity("20 people").precision == 1  # but one zero is not
    assert quantity("1.2 million people").precision == pytest.approx(1e5)
    assert quantity("6 million").scale == 1e6 and quantity("6 people").scale == 1


def test_entities_are_canonical() -> None:
    assert features("A U.S. envoy met Iran's minister in Muscat.").entities == ("United States", "Iran", "Muscat")
    assert features("The United States and Iran met.").entities == ("United States", "Iran")


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("The minister reportedly resigned.", "reportedly"),
        ("Iraq cited allegations that the group sells organs.", "allegations"),
        ("An official accuses the group of selling organs.", "accuses"),
        ("Oil rose on reports of a pipeline explosion.", "reports of"),
        ("According to officials, the minister resigned.", "according to"),
        ("The minister may resign.", "may"),
        ("The minister resigned.", None),
        ("The leader was believed to have been killed.", "was believed to"),
        ("CBS Boston reports that the soldiers were taken into custody.", "reports that"),
        ("We cannot confirm if the leader was among those present.", "cannot confirm"),
        ("The White House insists the troops will only train Iraqis.", "insists"),
        ("Officials remained unclear whether the leader survived.", "unclear whether"),
        ("The fate of the leader is unclear.", None),  # says what is known: nothing
        ("The bank wrote off the debt.", None),  # "wrote", but no reported clause
        ("Reports are claiming the family has disowned her.", "claiming"),
        ("A video purports to show the attack.", "purports"),
        ("The alleged victim spoke to police.", "alleged"),
        ("The claimant spoke to police.", None),  # a word that starts like "claim"
        ("Authorities announced on Sunday that an air strike wounded the leader.", "announced on"),
    ],
)
def test_hedges(text: str, hedge: str | None) -> None:
    assert features(text).hedge == hedge


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Is this Britain's biggest crab caught on camera?", "question"),
        ("According to local media, the attack began at dawn and the militants fled.", "according to"),
        ("Report: ISIS is selling the body.", "report"),
        ("Rumor: Seth Rogen to appear in the film.", "rumor"),
        ("Rivers was under anesthesia and the doctor took a selfie, CNN reported Tuesday.", "reported"),
        ("The doctor took a selfie during the procedure: CNN", "according to CNN"),
        ("Talks failed and prices rose, officials said.", "said"),
        ("Passengers refused to sit next to strangers, the Kingdom's media report.", "report"),
        ("Hewlett-Packard plans to split in two, The Wall Street Journal is reporting.", "reporting"),
    ],
)
def test_sentence_scope_hedges(sentence: str, scope: str) -> None:
    assert F.sentence_hedge(tokenize(sentence)) == scope


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said that talks failed, and prices rose.",  # "said" governs one clause only
        "Prices rose, and the minister resigned.",  # no attribution at all
        "Officials said on Monday, however, that nothing had changed in the capital city since the attack.",
        "The report found that prices rose.",  # a report as a subject, not a headline label
        "A woman woke up during surgery and asked the surgeons how it was going?",  # a reported question
    ],
)
def test_no_sentence_scope_hedge(sentence: str) -> None:
    assert F.sentence_hedge(tokenize(sentence)) is None


def test_a_closing_attribution_hedges_every_claim_of_the_sentence() -> None:
    from crosscheck import compare

    report = compare({"a": "Rebels took the airport and troops fled north, officials said.", "b": "Rebels took the airport."})
    assert [c.features.hedge for c in report.claims if c.source == "a"] == ["said", "said"]


def test_no_hedge_phrase_is_another_one_followed_by_more_words() -> None:
    # _HEDGE_RE factors the phrases into a prefix tree, which finds the same
    # phrase as their plain alternation only while this holds.
    import re

    for short in F.HEDGE_PHRASES:
        for long in F.HEDGE_PHRASES:
            if long != short and long.startswith(short):
                assert re.match(r"\w", long[len(short)]), (short, long)


def test_hedge_pattern_finds_what_the_plain_alternation_finds() -> None:
    import re

    plain = re.compile(r"\b(" + "|".join(re.escape(h) for h in F.HEDGE_PHRASES) + r")\b")
    texts = [" ".join(F.HEDGE_PHRASES), "the claims were claimed , as he claim", "reports of reported reports that x"]
    texts += [h + suffix for h in F.HEDGE_PHRASES for suffix in ("", "s", " x", "-y", "ed")]
    for text in texts:
        found = plain.search(text)
        assert F.hedge(text) == (found.group(1) if found else None), text
