"""Dates: the same event placed on different days ("Feb. 6" / "Feb. 9").

Month-day dates are compared when both sides give one; "Feb. 6" and
"February 6" are the same date. Years are compared only when both sides give
a full date, since claims often mention different years for good reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.detectors.base import Clash, Detector, fires, silent, view
from crosscheck.facts import REPORTING_VERBS, predicate_of
from crosscheck.features import DateMention
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Severity, Token


def _text(words: Sequence[Token], d: DateMention) -> str:
    return " ".join(w.text for w in words[d.start : d.end])


def _span(words: Sequence[Token], d: DateMention) -> tuple[tuple[int, int], ...]:
    return ((words[d.start].start, words[d.end - 1].end),)


# A date after these words bounds a span rather than placing an event on it:
# "early voting runs *through* Sept. 9" admits a vote on Sept. 7.
_UPPER_BOUNDS = frozenset({"through", "until", "till", "by", "before"})
_LOWER_BOUNDS = frozenset({"since", "after", "from"})


def _bound(words: Sequence[Token], d: DateMention) -> str | None:
    before = words[d.start - 1].lower if d.start > 0 else ""
    return "upper" if before in _UPPER_BOUNDS else "lower" if before in _LOWER_BOUNDS else None


def _admits(bound: str, limit: DateMention, d: DateMention) -> bool:
    """Does a bound date admit the other date (compared as month and day)?"""
    if d.month is None or limit.month is None:
        return True
    if limit.year is not None and d.year is None:
        return True  # "since August 2020" admits a "July" of a year not given
    at, limit_at = (d.month, d.day or 0), (limit.month, limit.day or 0)
    return at <= limit_at if bound == "upper" else at >= limit_at


def _clash(da: DateMention, db: DateMention) -> bool:
    if da.month is None or db.month is None:
        return False
    if (da.month, da.day) != (db.month, db.day):
        return da.day is not None and db.day is not None or da.day is None and db.day is None
    return da.year is not None and db.year is not None and da.year != db.year


_WEEKDAY_NUMBERS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
# Words that put a day's event at a time of day: two such days next to each
# other may be one night seen from either side of midnight.
_TIME_OF_DAY_BEFORE = frozenset({"early", "late", "overnight"})
_TIME_OF_DAY_AFTER = frozenset({"morning", "afternoon", "evening", "night"})
# Words before a weekday that make it another week's ("last Tuesday", "next Friday").
_OTHER_WEEK = frozenset({"last", "next", "previous", "following", "every", "each"})


@dataclass(frozen=True, slots=True)
class _Weekday:
    index: int  # token index of the day's name
    day: int  # 0 for Monday
    start: int  # token range of the mention ("early Tuesday")
    end: int
    time_of_day: bool


@cache_by_identity(maxsize=8192)
def _weekdays(claim: Claim) -> tuple[_Weekday, ...]:
    """The days of the week a claim places its fact on ("died early
    Tuesday"); not a day that dates the report ("..., officials said
    Tuesday") nor another week's ("last Tuesday")."""
    tokens = claim.tokens
    out = []
    for i, t in enumerate(tokens):
        day = _WEEKDAY_NUMBERS.get(t.lower)
        if day is None:
            continue
        before = tokens[i - 1].lower if i > 0 else ""
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if before in _OTHER_WEEK:
            continue
        at = predicate_of(claim, [i])
        if at is not None and tokens[at].lemma in REPORTING_VERBS:
            continue
        start = i - 1 if before in _TIME_OF_DAY_BEFORE else i
        end = i + 2 if after in _TIME_OF_DAY_AFTER else i + 1
        out.append(_Weekday(i, day, start, end, start < i or end > i + 1))
    return tuple(out)


def _weekday_clash(a: Claim, b: Claim) -> Clash | None:
    """Different days of the week for the claims' fact ("died early Tuesday" /
    "died early Thursday"). Soft when the days are next to each other and
    either gives a time of day ("late Tuesday" / "early Wednesday")."""
    days_a, days_b = _weekdays(a), _weekdays(b)
    if not days_a or not days_b or {d.day for d in days_a} & {d.day for d in days_b}:
        return None
    da, db = days_a[0], days_b[0]
    adjacent = (da.day - db.day) % 7 in (1, 6)
    severity: Severity = "soft" if adjacent and (da.time_of_day or db.time_of_day) else "hard"
    ta, tb = a.tokens[da.start : da.end], b.tokens[db.start : db.end]
    reason = f"'{' '.join(t.text for t in ta)}' vs '{' '.join(t.text for t in tb)}'"
    return Clash("date", reason, ((ta[0].start, ta[-1].end),), ((tb[0].start, tb[-1].end),), severity)


def detect(a: Claim, b: Claim) -> Clash | None:
    view_a, view_b = view(a), view(b)
    dates_a, dates_b = view_a.dates, view_b.dates
    if not dates_a or not dates_b:
        return _weekday_clash(a, b)
    words_a, words_b = a.tokens, b.tokens  # token i has the values of as_words(claim)[i]
    labels_a = {d.label() for d in dates_a}
    labels_b = {d.label() for d in dates_b}
    for da in dates_a:
        if da.label() in labels_b:
            continue
        for db in dates_b:
            if db.label() in labels_a:
                continue
            bound_a, bound_b = _bound(words_a, da), _bound(words_b, db)
            if bound_a and bound_b:
                continue  # two spans: they may overlap
            if (bound_a and _admits(bound_a, da, db)) or (bound_b and _admits(bound_b, db, da)):
                continue
            if _clash(da, db):
                reason = f"'{_text(words_a, da)}' vs '{_text(words_b, db)}'"
                return Clash("date", reason, _span(words_a, da), _span(words_b, db))
    return _weekday_clash(a, b)


DETECTOR = Detector(
    type="date",
    detect=detect,
    doc="Different month-day dates (or full dates with different years) for the same claim.",
    severity="hard",
    severity_rule="hard; soft for adjacent days when either side gives a time of day (\"late Tuesday\" / \"early Wednesday\")",
    examples=(
        fires("Iran and the United States met in Muscat on Feb. 6.", "Iran and the United States met in Muscat on Feb. 9."),
        fires("The vote took place on March 3, 2020.", "The vote took place on March 3, 2021."),
        fires("The ceasefire began on 12 June.", "The ceasefire began on June 14."),
        silent("Iran and the United States met in Muscat on February 6.", "Iran and the United States met in Muscat on Feb. 6."),
        silent("The law passed in 2015.", "The law was amended in 2018."),
        silent("Talks may resume in May.", "Talks resume on June 2."),
        # a bound admits the dates inside it
        silent("Early voting will be held on Sept. 7.", "Early voting will run through Sept. 9."),
        fires("Early voting will be held on Sept. 12.", "Early voting will run through Sept. 9."),
        silent("Prices have risen since June 2.", "Prices rose sharply on June 4."),
        silent("Hiring was the best since August 2020.", "Employers added 943,000 workers in July."),
        fires("Hiring was the best since August 2.", "Employers hired 943,000 workers on July 20."),
        # days of the week: the day of the fact, not of the report nor of another week
        fires("The congressman died early Thursday at a Baltimore hospital.", "The congressman died early Tuesday in Baltimore."),
        fires("A federal judge blocked the ban late Tuesday.", "A federal judge blocked the ban early Wednesday."),
        silent("The congressman died on Thursday, his office said Friday.", "The congressman died on Thursday, officials said Saturday."),
        silent("The judge blocked the ban last Tuesday.", "The judge blocked the ban on Wednesday."),
    ),
)
