"""Hand-built reports for the renderer tests (no pipeline needed).

``build`` takes source texts and claims given as substrings of their source,
so spans are computed rather than typed by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.model import Claim, Evidence, Features, Finding, Report, Source, Token

A_TEXT = (
    "Iran and the United States met indirectly in Muscat on February 6. "
    "Jared Kushner was also present in Muscat. "
    "Oman served as intermediary."
)
B_TEXT = (
    "Iran and the United States will hold talks in Muscat, Oman, on Feb. 6, "
    "marking direct diplomatic engagement. "
    "Oman acted as the intermediary. "
    "The announcement did not detail participants."
)


def claim(cid: str, source: Source, quote: str, sentence: int = 0, text: str | None = None) -> Claim:
    start = source.text.index(quote)
    return Claim(
        id=cid,
        source=source.id,
        sentence=sentence,
        text=quote if text is None else text,
        spans=((start, start + len(quote)),),
        tokens=tuple(Token(w, w.lower(), w.lower(), 0, 0) for w in quote.split()),
        features=Features(),
    )


def evidence(c: Claim, source: Source, word: str) -> Evidence:
    base = c.spans[0][0]
    start = source.text.index(word, base)
    return Evidence(claim=c.id, spans=((start, start + len(word)),))


def conflict(fid: str, a: Claim, sa: Source, wa: str, b: Claim, sb: Source, wb: str, type_: str) -> Finding:
    return Finding(
        id=fid,
        status="conflict",
        type=type_,
        claims=(a.id, b.id),
        score=0.8,
        reason=f"'{wa}' vs '{wb}'",
        evidence=(evidence(a, sa, wa), evidence(b, sb, wb)),
    )


def agree(fid: str, a: Claim, b: Claim, hedged: bool = False) -> Finding:
    return Finding(id=fid, status="agree", type=None, claims=(a.id, b.id), score=0.9,
                   reason="same statement", hedged=hedged)


def extra(fid: str, c: Claim, missing: Sequence[str]) -> Finding:
    return Finding(id=fid, status="extra", type=None, claims=(c.id,), score=None,
                   reason=f"not stated in {', '.join(missing)}", missing_in=tuple(missing))


def two_sources(a_text: str = A_TEXT, b_text: str = B_TEXT) -> Report:
    """The seeds' story in miniature: one conflict, one agreement, extras on both sides."""
    a = Source(id="a", name="alpha.txt", text=a_text)
    b = Source(id="b", name="beta.txt", text=b_text)
    a1 = claim("a:1", a, "Iran and the United States met indirectly in Muscat on February 6")
    a2 = claim("a:2", a, "Jared Kushner was also present in Muscat", 1)
    a3 = claim("a:3", a, "Oman served as intermediary", 2)
    b1 = claim("b:1", b, "Iran and the United States will hold talks in Muscat, Oman, on Feb. 6, "
               "marking direct diplomatic engagement")
    b2 = claim("b:2", b, "Oman acted as the intermediary", 1)
    b3 = claim("b:3", b, "The announcement did not detail participants", 2)
    findings = (
        conflict("f-conflict1", a1, a, "indirectly", b1, b, "direct", "antonym"),
        agree("f-agree1", a3, b2),
        extra("f-extra1", a2, ["b"]),
        extra("f-extra2", b3, ["a"]),
    )
    return Report(sources=(a, b), sentences=(), claims=(a1, a2, a3, b1, b2, b3),
                  findings=findings, tool_version="0.0.0")


def three_sources() -> Report:
    a = Source(id="a", name="alpha.txt", text="Talks were held in Muscat. Ten people attended. Kushner came.")
    b = Source(id="b", name="beta.txt", text="Talks took place in Muscat. Nine people attended.")
    c = Source(id="c", name="gamma.txt", text="Muscat hosted the talks. Kushner was present.")
    a1, a2, a3 = (claim("a:1", a, "Talks were held in Muscat"), claim("a:2", a, "Ten people attended", 1),
                  claim("a:3", a, "Kushner came", 2))
    b1, b2 = claim("b:1", b, "Talks took place in Muscat"), claim("b:2", b, "Nine people attended", 1)
    c1, c2 = claim("c:1", c, "Muscat hosted the talks"), claim("c:2", c, "Kushner was present", 1)
    findings = (
        agree("f-ab1", a1, b1),
        agree("f-ac1", a1, c1),
        conflict("f-ab2", a2, a, "Ten", b2, b, "Nine", "number"),
        agree("f-ac3", a3, c2),
        extra("f-a2c", a2, ["c"]),
    )
    return Report(sources=(a, b, c), sentences=(), claims=(a1, a2, a3, b1, b2, c1, c2),
                  findings=findings, tool_version="0.0.0")


# Hostile article text: markup, links and terminal control sequences.
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x9b31m",
]


def hostile() -> Report:
    """Every claim, name and reason carries something an attacker would try."""
    a_text = "Officials met <script>alert(1)</script> in Muscat\x1b]0;title\x07 today.\tTab kept."
    b_text = 'Officials did not meet "><img src=x onerror=alert(1)> in Muscat\x1b[2J today. [click](javascript:alert(1)) \x9b31mred'
    a = Source(id="a", name="<b>a</b>.txt\x1b[2J", text=a_text)
    b = Source(id="b", name='b".txt', text=b_text)
    a1 = claim("a:1", a, "Officials met <script>alert(1)</script> in Muscat\x1b]0;title\x07 today")
    b1 = claim("b:1", b, 'Officials did not meet "><img src=x onerror=alert(1)> in Muscat\x1b[2J today')
    b2 = claim("b:2", b, "[click](javascript:alert(1)) \x9b31mred", 1)
    a2 = claim("a:2", a, "Tab kept", 1)
    findings = (
        conflict("f-x1", a1, a, "met", b1, b, "did not meet", "negation"),
        extra("f-x2", b2, ["a"]),
        extra("f-x3", a2, ["b"]),
    )
    return Report(sources=(a, b), sentences=(), claims=(a1, a2, b1, b2), findings=findings)


# Wide characters: CJK (2 columns each), emoji (incl. a ZWJ family), combining accent.
CJK_A = "東京で首脳会談が二月六日に開かれた。出席者は十人だった。🎉 Café opened 👨‍👩‍👧 today."
CJK_B = "首脳会談は二月九日に東京で開催された。出席者は十人だった。"


def wide() -> Report:
    a = Source(id="a", name="東京.txt", text=CJK_A)
    b = Source(id="b", name="tokyo-b.txt", text=CJK_B)
    a1 = claim("a:1", a, "東京で首脳会談が二月六日に開かれた")
    a2 = claim("a:2", a, "出席者は十人だった", 1)
    a3 = claim("a:3", a, "🎉 Café opened 👨‍👩‍👧 today", 2)
    b1 = claim("b:1", b, "首脳会談は二月九日に東京で開催された")
    b2 = claim("b:2", b, "出席者は十人だった", 1)
    findings = (
        conflict("f-w1", a1, a, "二月六日", b1, b, "二月九日", "date"),
        agree("f-w2", a2, b2),
        extra("f-w3", a3, ["b"]),
    )
    return Report(sources=(a, b), sentences=(), claims=(a1, a2, a3, b1, b2), findings=findings)
