"""Examples for every JSON request and response body in the contract, built from the
schemas and from one small, consistent slice of the Stockton-on-Tees plan (its first area,
outcome, objective and action, their officer and strategy), so that docs, mock servers and
generated clients show what the service really holds."""

from __future__ import annotations

from typing import Any

FORMAT_EXAMPLES = {
    "date": "2023-07-31",
    "date-time": "2023-07-31T09:00:00Z",
    "uri": "https://www.stockton.gov.uk/childrens-services",
    "binary": None,
}
# Past this depth, optional and repeated parts are left empty (null, []), which keeps
# recursive schemas such as the plan tree's sub-actions finite.
MAX_DEPTH = 7

IDS = {
    "plan": "plan_5f0c1d2e3a4b5c6d7e8f",
    "area": "area_1a2b3c4d5e6f7a8b9c0d",
    "outcome": "out_2b3c4d5e6f7a8b9c0d1e",
    "objective": "obj_3c4d5e6f7a8b9c0d1e2f",
    "action": "act_4d5e6f7a8b9c0d1e2f3a",
    "criterion": "crit_5e6f7a8b9c0d1e2f3a4b",
    "officer": "off_6f7a8b9c0d1e2f3a4b5c",
    "strategy": "strat_7a8b9c0d1e2f3a4b5c6d",
    "link": "link_8b9c0d1e2f3a4b5c6d7e",
    "inspection_action": "insp_9c0d1e2f3a4b5c6d7e8f",
    "status_update": "upd_0d1e2f3a4b5c6d7e8f9a",
    "meeting": "meet_1e2f3a4b5c6d7e8f9a0b",
    "snapshot": "snap_2f3a4b5c6d7e8f9a0b1c",
    "api_key": "key_3a4b5c6d7e8f9a0b1c2d",
    "audit_event": "aud_4b5c6d7e8f9a0b1c2d3e",
    "revision": "rev_5c6d7e8f9a0b1c2d3e4f",
    "webhook": "wh_6d7e8f9a0b1c2d3e4f5a",
    "webhook_delivery": "dlv_4b5c6d7e8f9a0b1c2d3e",
    "event": "evt_2a3b4c5d6e7f8a9b0c1d",
}

# Schema names (longest prefix first) -> the kind of resource they describe.
KINDS = [
    ("WebhookAttempt", "webhook_delivery"),
    ("WebhookDelivery", "webhook_delivery"),
    ("Webhook", "webhook"),
    ("EventRead", "event"),
    ("EventPage", "event"),
    ("OwedAction", "action"),
    ("PreviewAction", "action"),
    ("PreviewPlan", "plan"),
    ("PreviewArea", "area"),
    ("PreviewOutcome", "outcome"),
    ("PreviewObjective", "objective"),
    ("StrategyLink", "link"),
    ("StrategyOnAction", "strategy"),
    ("Strategy", "strategy"),
    ("SuccessCriterion", "criterion"),
    ("Criterion", "criterion"),
    ("InspectionAction", "inspection_action"),
    ("InspectionQuarter", "inspection_action"),
    ("StatusUpdate", "status_update"),
    ("ApiKey", "api_key"),
    ("AuditEvent", "audit_event"),
    ("DueDateRevision", "revision"),
    ("MeetingSnapshot", "snapshot"),
    ("Meeting", "meeting"),
    ("PlanRef", "plan"),
    ("Plan", "plan"),
    ("AreaCount", "area"),
    ("AreaQuarter", "area"),
    ("Area", "area"),
    ("Outcome", "outcome"),
    ("Objective", "objective"),
    ("Officer", "officer"),
    ("Me", "api_key"),
    ("Action", "action"),
    ("QuarterAction", "action"),
    ("SlippedDueDate", "action"),
    ("ExceptionItem", "action"),
    ("HistoryEntry", "action"),
    ("SummaryGroup", "area"),
]

PLAN_TITLE = (
    "Working together to improve the outcomes and experiences of children, young people and "
    "their families in Stockton on-Tees: our Improvement Plan."
)
ACTION_TITLE = (
    "Develop a detailed action plan to support the delivery of 'Our People' workforce strategy"
)

# What each kind of resource says in its own fields.
BY_KIND: dict[str, dict[str, Any]] = {
    "event": {"next_cursor": "1042"},
    "plan": {
        "title": PLAN_TITLE,
        "key": "stockton-2023",
        "status": "draft",
        "description": "Our own self-evaluation and reflection, and the outcomes of recent "
        "inspection activity demonstrates that change is needed to make a difference to the "
        "lives of children, young people and families in the Borough.",
    },
    "area": {
        "ref": "1",
        "number": 1,
        "title": "Our People",
        "label": "1 Our People",
        "key": IDS["area"],
        "aim": "Ensuring we have the right people in the right place so that children, young "
        "people and families receive a consistently high quality service",
    },
    "outcome": {
        "ref": "1.1",
        "number": "1.1",
        "statement": "A skilled, professional, and stable workforce which delivers a high "
        "quality service to children, young people, and families",
    },
    "objective": {
        "ref": "1.1.1",
        "statement": "There is sufficient capacity within the workforce to deliver a high "
        "quality service to children, young people, and families.",
    },
    "action": {
        "ref": "A1.1",
        "title": ACTION_TITLE,
        "timescale": "May 23",
        "timescale_readable": True,
        "description": None,
        "notes": None,
        "rag": "amber",
        "status": "in_progress",
        "due_date_revision_count": 0,
        "slippage_days": 0,
        "reason": "Recruitment campaign delayed by the DfE review",
    },
    "criterion": {
        "ref": None,
        "statement": "There is an increase in staff being recruited, retained, and continuing "
        "their professional development with Stockton-on-Tees",
    },
    "officer": {"name": "Jane Smith", "job_title": None, "email": None, "is_role": False},
    "strategy": {
        "title": "People Strategy and action plan",
        "url": None,
        "owner": None,
        "note": None,
    },
    "link": {"note": None},
    "inspection_action": {
        "source": "Ofsted",
        "number": 3,
        "text": "Ofsted Improvement Action 3",
        "label": "Ofsted Improvement Action 3",
    },
    "status_update": {
        "narrative": "The workforce action plan was drafted with HR and agreed at CSLT; the "
        "recruitment campaign opens in June.",
        "next_steps": "Present the action plan to the Good and Beyond Board in July.",
        "reason": None,
        "rag": "amber",
        "status": "in_progress",
    },
    "meeting": {"title": "Good and Beyond Board", "notes": None},
    "api_key": {
        "name": "Board papers",
        "role": "viewer",
        "system": None,
        "permissions": ["read"],
    },
    "audit_event": {"entity_type": "action", "operation": "update"},
    "revision": {"reason": "Recruitment campaign delayed by the DfE review"},
}

# Fields that mean the same wherever they appear.
BY_FIELD: dict[str, Any] = {
    **{f"{kind}_id": value for kind, value in IDS.items()},
    "corrects_update_id": None,
    "superseded_by_id": None,
    "parent_id": None,
    "officer_id": IDS["officer"],
    "key_id": IDS["api_key"],
    "update_id": IDS["status_update"],
    "lead_officer_ids": [IDS["officer"]],
    "action_ids": [IDS["action"]],
    "organisation": "Stockton-on-Tees Borough Council",
    "version_label": "Draft, April 2023",
    "area_ref": "1",
    "parent_ref": None,
    "board": "GABB",
    "partners_attending": True,
    "actor": "Jane Smith",
    "author": "Jane Smith",
    "due_date": "2023-05-31",
    "original_due_date": "2023-05-31",
    "effective_date": "2023-06-30",
    "last_update_date": "2023-06-30",
    "completed_date": None,
    "date": "2023-07-31",
    "due_date_reason": "Recruitment campaign delayed by the DfE review",
    "latest_narrative": BY_KIND["status_update"]["narrative"],
    "lead_officers_names": ["Jane Smith"],
    "next_cursor": None,
    "archived_at": None,
    "revoked_at": None,
    "rating_definitions": {
        "red": "Off track: the action will not meet its timescale or success criteria without "
        "intervention.",
        "amber": "At risk: progress is slipping; recovery steps are in hand.",
        "green": "On track: progress is as planned.",
        "blue": "Complete: the action has been delivered and evidence is in place.",
    },
    "database": "ok",
    "migration": "2026_11_26_0006",
    "prefix": "ipa_3a4b5c6d7e8f",
    "author_officer_id": IDS["officer"],
    # Reading notes, sign-in, the change feed, webhooks and imports.
    "url": "https://dashboard.stockton.gov.uk/hooks/improvement-plan",
    "description": "The performance dashboard's feed of rating changes",
    "reading_notes": [
        "The criteria cell beside the five QA actions has six paragraphs; each is paired "
        "with the action its wording matches."
    ],
    "author_subject": None,
    "actor_subject": None,
    "sign_in_subject": None,
    "subject": "8d3c5a1e-7b2f-4c6d-9e0a-1f2b3c4d5e6f",
    "event_types": ["action.updated", "status_update.created"],
    "disabled_reason": None,
    "latest_next_steps": BY_KIND["status_update"]["next_steps"],
    "delivery_id": "dlv_4b5c6d7e8f9a0b1c2d3e",
    "event_id": "evt_2a3b4c5d6e7f8a9b0c1d",
    "event_type": "action.updated",
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "error": None,
    "message": "The timescale 'Spring 2024' is read as 31 May 2024.",
    "officers_to_create": ["Jane Smith"],
    "actor_officer_id": IDS["officer"],
    "actor_key_id": IDS["api_key"],
    "entity_id": IDS["action"],
    "operation": "update",
    "taken_by": "Jane Smith",
    "previous_meeting_id": IDS["meeting"],
    "previous_snapshot_id": IDS["snapshot"],
    "request_id": "4f1d2c3b5a6e4d7c8b9a0f1e2d3c4b5a",
}


def kind_of(schema_name: str) -> str | None:
    """The kind of resource a component schema describes, by its name."""
    return next((kind for prefix, kind in KINDS if schema_name.startswith(prefix)), None)


_MISSING = object()


def _known(kind: str | None, field: str | None, schema: dict[str, Any]) -> Any:
    """The Stockton value for this field of this kind of resource, if there is one."""
    if field is None:
        return _MISSING
    if field == "id" and kind is not None:
        return IDS[kind]
    if kind is not None and field in BY_KIND.get(kind, {}):
        return BY_KIND[kind][field]
    if field in BY_FIELD:
        return BY_FIELD[field]
    if field == "lead_officers" and schema.get("type") == "array":
        items = schema.get("items", {})
        if items.get("type") == "string":
            return ["Jane Smith"]
    return _MISSING


def _allows_null(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if isinstance(kind, list):
        return "null" in kind
    return any(option.get("type") == "null" for option in schema.get("anyOf", ()))


# One branch per kind of JSON Schema node.
def example_for(
    schema: dict[str, Any],
    components: dict[str, Any],
    depth: int = 0,
    kind: str | None = None,
    field: str | None = None,
) -> Any:
    """A value that satisfies `schema`: the Stockton value for the field where there is one,
    else the examples written on it, else one built from its type."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = components.get(name, {})
        if "enum" in target or target.get("type") != "object":
            return example_for(target, components, depth + 1, kind, field)
        return example_for(target, components, depth + 1, kind_of(name) or kind, None)
    known = _known(kind, field, schema)
    if known is not _MISSING and (known is not None or _allows_null(schema)):
        return known
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            nullable = len(options) < len(schema[key])
            if not options or (nullable and depth > MAX_DEPTH):
                return None
            return example_for(options[0], components, depth + 1, kind, field)
    if "allOf" in schema:
        return example_for(schema["allOf"][0], components, depth + 1, kind, field)
    types = schema.get("type")
    if isinstance(types, list):
        if depth > MAX_DEPTH and "null" in types:
            return None
        types = next((t for t in types if t != "null"), None)
    if types == "object" or "properties" in schema:
        # Optional fields appear only where the schema gives them an example of their own.
        required = set(schema.get("required", []))
        value = {
            name: example_for(prop, components, depth + 1, kind, name)
            for name, prop in schema.get("properties", {}).items()
            if name in required or "examples" in prop or "example" in prop
        }
        properties = schema.get("properties", {})
        if isinstance(value.get("items"), list) and "total" in properties:
            # A page of a list: its one item is the whole list, so a pager stops after it.
            value["total"] = len(value["items"])
            value["next_cursor"] = None
        return value
    if types == "array":
        if depth > MAX_DEPTH:
            return []
        return [example_for(schema.get("items", {}), components, depth + 1, kind, None)]
    if types == "integer":
        return (
            max(int(schema.get("minimum", 1)), 1)
            if "maximum" not in schema
            else schema.get("minimum", 0)
        )
    if types == "number":
        return schema.get("minimum", 1.0)
    if types == "boolean":
        return False
    if types == "string":
        if schema.get("format") in FORMAT_EXAMPLES:
            return FORMAT_EXAMPLES[schema["format"]]
        pattern = schema.get("pattern", "")
        if "@" in pattern:
            return "jane.smith@stockton.gov.uk"
        if pattern.startswith("^https?"):
            return FORMAT_EXAMPLES["uri"]
        return (
            "text"[: max(schema.get("maxLength", 4), 1)]
            if schema.get("minLength", 1) <= 4
            else ("x" * schema["minLength"])
        )
    return None


def add_examples(document: dict[str, Any]) -> None:
    """Give each JSON request body and response in the document an `example`."""
    components = document.get("components", {}).get("schemas", {})
    for path in document.get("paths", {}).values():
        for operation in path.values():
            bodies = [operation.get("requestBody", {})]
            bodies += list(operation.get("responses", {}).values())
            for body in bodies:
                for media, content in body.get("content", {}).items():
                    if media.endswith("json") and "schema" in content and "example" not in content:
                        content["example"] = example_for(content["schema"], components)
