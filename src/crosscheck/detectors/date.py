"""Dates: the same event placed on different days ("Feb. 6" / "Feb. 9").

Month-day dates are compared when both sides give one; "Feb. 6" and
"February 6" are the same date. Years are compared only when both sides give
a full date, since claims often mention different years for good reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.detectors.base import Clash, Detector, fires, silent, view
from crosscheck.features import DateMention
from crosscheck.model import Claim, Token


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


def detect(a: Claim, b: Claim) -> Clash | None:
    view_a, view_b = view(a), view(b)
    dates_a, dates_b = view_a.dates, view_b.dates
    if not dates_a or not dates_b:
        return None
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
    return None


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
    ),
)
