from __future__ import annotations

import io

from crosscheck.render.progress import iter_with_progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal() -> None:
    out = io.StringIO()
    assert list(iter_with_progress([1, 2, 3], "reading", stream=out, delay=0)) == [1, 2, 3]
    assert out.getvalue() == ""


def test_no_bar_for_quick_runs_on_a_terminal() -> None:
    out = _Tty()
    list(iter_with_progress([1, 2], "reading", stream=out, delay=60))
    assert out.getvalue() == ""


def test_bar_on_a_terminal_after_the_delay_and_erased() -> None:
    out = _Tty()
    assert list(iter_with_progress(["a", "b"], "reading", stream=out, delay=0)) == ["a", "b"]
    text = out.getvalue()
    assert "reading [" in text and "1/2" in text
    assert text.endswith("\r")
