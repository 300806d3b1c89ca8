"""A change that rounds to zero is shown as "= 0.00", never "+0.00" (issue 19), on every screen
that prints one: the rounds-over-time dialog and the roll-up view."""

from __future__ import annotations

import pytest

from app.ui import history_dialog, rollup_view


@pytest.mark.parametrize("show", [history_dialog.change_text, rollup_view.change_text])
def test_a_change_rounding_to_zero_has_no_sign_and_no_arrow(show: object) -> None:
    assert callable(show)
    for tiny in (0.004, -0.004, 0.0, 1e-12):
        assert show(tiny, False).strip() == "= 0.00"
    assert show(0.03, True).strip() == "= 0.0 points"
    assert show(0.005, False).strip() == "▲ +0.01"  # half away from zero, as the reports round
    assert show(-0.005, False).strip() == "▼ -0.01"
    assert show(0.25, True).strip() == "▲ +0.3 points"
