"""Line and column arithmetic shared by the github, sarif, junit and text outputs."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.render.location import line_column, region
from crosscheck.suppress import suppressions

TEXT = st.text(alphabet=st.sampled_from("ab \n\r😀’<!->crosscheck-disable"), max_size=60)


def test_first_character_is_line_1_column_1() -> None:
    assert line_column("abc", 0) == (1, 1)
    assert line_column("a\nbc", 3) == (2, 2)


def test_crlf_and_cr_are_one_break_each() -> None:
    assert line_column("a\r\nb\rc", 3) == (2, 1)
    assert line_column("a\r\nb\rc", 5) == (3, 1)


def test_columns_count_code_points() -> None:
    # An emoji is one code point (two UTF-16 units); see render/location.py.
    assert line_column("😀x", 1) == (1, 2)


def test_region_is_end_exclusive() -> None:
    r = region("ab\ncd", 3, 5)
    assert (r.start_line, r.start_column, r.end_line, r.end_column, r.char_offset, r.char_length) == (2, 1, 2, 3, 3, 2)


@given(TEXT, st.data())
def test_line_and_column_lead_back_to_the_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line, column = line_column(text, offset)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    assert starts[line - 1] + column - 1 == offset


@given(TEXT)
def test_suppressed_ranges_stay_inside_the_text(text: str) -> None:
    for s in suppressions(text):
        assert 0 <= s.start <= s.end <= len(text)
