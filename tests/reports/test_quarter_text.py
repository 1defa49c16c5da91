"""A quarter is written in ASCII digits; digits of other scripts are a 422 (found by fuzzing)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.reports.quarters import Quarter
from tests.factories import make_plan
from tests.support import assert_problem, error_fields


@pytest.mark.parametrize(
    "text", ["٢٠٢٣-٢٤-Q1", "\uff12\uff10\uff12\uff13-\uff12\uff14-Q1", "2023-٢٤-Q1"]
)
def test_other_scripts_digits_are_not_a_quarter(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-YY-QN"):
        Quarter.parse(text)


async def test_the_report_refuses_a_quarter_in_other_digits(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    response = await viewer.get(
        "/api/v1/reports/quarterly", params={"plan_id": plan.id, "quarter": "٢٠٢٣-٢٤-Q1"}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"query.quarter"}
