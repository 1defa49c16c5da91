"""An integrating system's round against a live service, through the generated client alone.

    IPA_BASE_URL=http://127.0.0.1:8000 IPA_API_KEY=ipa_... python examples/integrator_round.py

It pages through the actions, reads the first plan's tree, filters actions with `expand`,
reads one and changes it with `If-Match`, is refused 412 with the stale ETag, posts a status
update with an `Idempotency-Key` and replays it, fetches the quarterly report as JSON, CSV and
XLSX, and reads a 422's field errors. It prints one JSON line and exits non-zero on a failure.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from typing import Any, TypeVar

from improvement_plan_client.generated.api.actions import get_action, list_actions, update_action
from improvement_plan_client.generated.api.plans import get_plan_tree, list_plans
from improvement_plan_client.generated.api.reports import (
    get_quarterly_report,
    get_quarterly_report_csv,
    get_quarterly_report_xlsx,
)
from improvement_plan_client.generated.api.status_updates import create_status_update
from improvement_plan_client.generated.client import AuthenticatedClient
from improvement_plan_client.generated.models import (
    ActionPage,
    ActionRead,
    ActionUpdate,
    DeliveryStatus,
    ListActionsExpandItem,
    ListActionsSortItem,
    PlanPage,
    PlanTree,
    Problem,
    QuarterlyReport,
    Rag,
    RagFilter,
    StatusUpdateCreate,
    StatusUpdateRead,
)
from improvement_plan_client.generated.types import UNSET, File

QUARTER = "2023-24-Q2"
T = TypeVar("T")


class RoundFailed(Exception):
    pass


def ensure(condition: bool, message: str) -> None:
    if not condition:
        raise RoundFailed(message)


def expect(value: object, kind: type[T], step: str) -> T:
    """`value`, when it is a `kind`; the round fails at `step` otherwise."""
    if not isinstance(value, kind):
        raise RoundFailed(f"{step}: got {value!r}")
    return value


def run(client: AuthenticatedClient) -> dict[str, Any]:
    plans = expect(list_plans.sync(client=client, limit=1), PlanPage, "list plans")
    ensure(len(plans.items) == 1, "list plans: no plan")
    plan = plans.items[0]

    # Every action of the plan, twenty at a time, following next_cursor to the end.
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        page = expect(
            list_actions.sync(
                client=client,
                plan_id=[plan.id],
                limit=20,
                sort=[ListActionsSortItem.REF],
                cursor=UNSET if cursor is None else cursor,
            ),
            ActionPage,
            "list actions",
        )
        pages += 1
        seen += [action.id for action in page.items]
        if not isinstance(page.next_cursor, str):
            break
        cursor = page.next_cursor
    ensure(len(seen) == len(set(seen)) == page.total, "paging repeated or skipped an action")

    tree = expect(get_plan_tree.sync(plan.id, client=client), PlanTree, "plan tree")

    filtered = expect(
        list_actions.sync(
            client=client,
            plan_id=[plan.id],
            rag=[RagFilter.NONE],
            status=[DeliveryStatus.NOT_STARTED],
            expand=[ListActionsExpandItem.LEAD_OFFICERS, ListActionsExpandItem.SUCCESS_CRITERIA],
            limit=5,
        ),
        ActionPage,
        "filter actions",
    )
    ensure(bool(filtered.items), "filter actions: none matched")
    ensure(all(a.rag is None for a in filtered.items), "filter: a rated action")
    chosen = filtered.items[0]
    ensure(isinstance(chosen.success_criteria, list), "expand: no success criteria")

    read = get_action.sync_detailed(chosen.id, client=client)
    ensure(isinstance(read.parsed, ActionRead), f"read action: {read.status_code}")
    etag = read.headers["etag"]
    notes = f"Checked by the integrator round ({chosen.ref})."
    changed = update_action.sync_detailed(
        chosen.id, client=client, body=ActionUpdate(notes=notes), if_match=etag
    )
    ensure(expect(changed.parsed, ActionRead, "update").notes == notes, "update: notes unchanged")
    stale = update_action.sync_detailed(
        chosen.id, client=client, body=ActionUpdate(notes="Stale"), if_match=etag
    )
    ensure(stale.status_code == 412 and isinstance(stale.parsed, Problem), "stale: not a 412")

    key = str(uuid.uuid4())
    update = StatusUpdateCreate(
        status=DeliveryStatus.IN_PROGRESS,
        rag=Rag.GREEN,
        narrative="Work has started; posted by the integrator round.",
    )
    first = create_status_update.sync_detailed(
        chosen.id, client=client, body=update, idempotency_key=key
    )
    again = create_status_update.sync_detailed(
        chosen.id, client=client, body=update, idempotency_key=key
    )
    created = expect(first.parsed, StatusUpdateRead, "status update")
    replayed = expect(again.parsed, StatusUpdateRead, "replay")
    ensure(created.id == replayed.id, "replay: a second update was created")

    report = expect(
        get_quarterly_report.sync(client=client, plan_id=plan.id, quarter=QUARTER),
        QuarterlyReport,
        "quarterly report",
    )
    csv = expect(
        get_quarterly_report_csv.sync(client=client, plan_id=plan.id, quarter=QUARTER),
        str,
        "quarterly CSV",
    )
    xlsx = expect(
        get_quarterly_report_xlsx.sync(client=client, plan_id=plan.id, quarter=QUARTER),
        File,
        "quarterly XLSX",
    )
    workbook = xlsx.payload.read()

    refused = expect(
        get_quarterly_report.sync(client=client, plan_id=plan.id, quarter="2023-Q9"),
        Problem,
        "malformed quarter",
    )
    ensure(refused.status == 422, f"malformed quarter: {refused.status}")
    errors = refused.errors if isinstance(refused.errors, list) else []

    return {
        "ok": True,
        "plan": plan.title,
        "areas": len(tree.areas),
        "actions": len(seen),
        "pages": pages,
        "filtered": [a.ref for a in filtered.items],
        "etag_changed": changed.headers.get("etag") != etag,
        "stale_status": int(stale.status_code),
        "replayed": again.headers.get("idempotent-replayed") == "true",
        "report_actions": len(report.actions),
        "report_rating_keys": sorted(report.totals.by_rating.to_dict()),
        "csv_header": csv.lstrip("\ufeff").splitlines()[0],
        "xlsx_magic": workbook[:2].decode("latin-1"),
        "problem_fields": [e.field for e in errors],
    }


def main() -> int:
    client = AuthenticatedClient(
        base_url=os.environ["IPA_BASE_URL"].rstrip("/"), token=os.environ["IPA_API_KEY"]
    )
    try:
        summary = run(client)
    except RoundFailed as failure:
        print(json.dumps({"ok": False, "error": str(failure)}))
        return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
