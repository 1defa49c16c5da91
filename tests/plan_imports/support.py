"""Reading a plan back through the API in a form two plans can be compared in."""

from __future__ import annotations

from typing import Any

import httpx

DROPPED = {
    "id",
    "created_at",
    "updated_at",
    "archived_at",
    "plan_id",
    "area_id",
    "outcome_id",
    "objective_id",
    "parent_id",
    "etag",
    "link_id",
}


def _plain(node: Any, refs: dict[str, str], leave_out: frozenset[str] = frozenset()) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for name, value in node.items():
            if name in DROPPED or name in leave_out:
                continue
            if name == "action_ids":
                out[name] = sorted(refs[i] for i in value)
            elif name == "lead_officers":
                out[name] = [(o["name"], o["is_role"]) for o in value]
            else:
                out[name] = _plain(value, refs, leave_out)
        return out
    if isinstance(node, list):
        return [_plain(v, refs, leave_out) for v in node]
    return node


async def plan_content(
    http: httpx.AsyncClient, plan_id: str, leave_out: set[str] | None = None
) -> dict[str, Any]:
    """The whole plan: its record, areas, outcomes, objectives, criteria (with the actions
    they are linked to), actions with officers, dates, links and tags, and inspection actions."""
    tree = await http.get(f"/api/v1/plans/{plan_id}/tree")
    assert tree.status_code == 200, tree.text
    actions = await http.get(
        "/api/v1/actions",
        params={
            "plan_id": plan_id,
            "limit": "500",
            "expand": "strategies,inspection_actions,success_criteria",
        },
    )
    assert actions.status_code == 200, actions.text
    items = actions.json()["items"]
    refs = {a["id"]: a["ref"] for a in items}
    body = tree.json()
    plan = {k: v for k, v in body["plan"].items() if k not in DROPPED | {"key"}}
    details = {
        a["ref"]: {
            "strategies": [(s["title"], s.get("note")) for s in a["strategies"]],
            "inspection_actions": [i["number"] for i in a["inspection_actions"]],
            "success_criteria": [c["statement"] for c in a["success_criteria"]],
        }
        for a in items
    }
    return {
        "plan": _plain(plan, refs),
        "areas": _plain(body["areas"], refs, frozenset(leave_out or ())),
        "inspection_actions": _plain(body["inspection_actions"], refs),
        "actions": details,
    }


def differences(first: Any, second: Any, path: str = "") -> list[str]:
    """Where two plans' contents differ, as paths, so a failing comparison says where."""
    if isinstance(first, dict) and isinstance(second, dict):
        found: list[str] = []
        for name in sorted(set(first) | set(second)):
            found += differences(first.get(name), second.get(name), f"{path}.{name}")
        return found
    if isinstance(first, list) and isinstance(second, list) and len(first) == len(second):
        return [
            d
            for i, (a, b) in enumerate(zip(first, second, strict=True))
            for d in differences(a, b, f"{path}[{i}]")
        ]
    return [] if first == second else [f"{path}: {first!r:.200} != {second!r:.200}"]
