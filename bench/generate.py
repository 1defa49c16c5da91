"""Generate a benchmark database with COPY: councils' plans, four years of status updates.

The data keeps the service's invariants: each action's rating, status, last update and
completion date are those of its latest uncorrected update; versions count the changes the
service would have made; due-date revisions set `due_date`, `original_due_date` and the
revision count; every create, status update and revision has its audit rows. Everything is
drawn from one seeded random generator, so the same size on the same day gives the same data.

Layout, repeated once per 1,000 actions ("a council"): one directorate plan of 800 actions
(4 areas of 200, so an area filtered by a rating still fills a 50-row page) and five plans of
40 actions (the plan tree). Each action has 5 to 15 status updates (10 on average).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import random
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import psycopg

from app.reports.quarters import Quarter

SIZES = {"S": 1_000, "M": 10_000, "L": 100_000}
UNIT = 1_000
BIG_PLAN_AREAS = 4
BIG_AREA_ACTIONS = 200
SMALL_PLANS = 5
SMALL_PLAN_ACTIONS = 40
OFFICERS_PER_COUNCIL = 25
GENERATOR_VERSION = "4"
SEED = 20231

WORDS = [
    "children",
    "families",
    "social",
    "care",
    "early",
    "help",
    "placement",
    "sufficiency",
    "quality",
    "assurance",
    "audit",
    "practice",
    "model",
    "workforce",
    "recruitment",
    "retention",
    "caseload",
    "supervision",
    "safeguarding",
    "partnership",
    "board",
    "multi",
    "agency",
    "referral",
    "assessment",
    "plan",
    "review",
    "timeliness",
    "outcome",
    "improvement",
    "leadership",
    "oversight",
    "performance",
    "data",
    "dashboard",
    "reporting",
    "training",
    "learning",
    "feedback",
    "voice",
    "participation",
    "corporate",
    "parenting",
    "care",
    "leavers",
    "housing",
    "education",
    "health",
    "mental",
    "wellbeing",
    "commissioning",
    "provider",
    "foster",
    "carers",
    "residential",
    "edge",
    "of",
    "care",
    "adolescents",
    "exploitation",
    "missing",
    "return",
    "interviews",
    "strategy",
    "discussion",
    "threshold",
    "front",
    "door",
    "triage",
    "duty",
    "team",
    "manager",
    "principal",
    "social",
    "worker",
    "directorate",
    "budget",
    "finance",
    "savings",
    "transformation",
    "programme",
    "milestone",
    "evidence",
    "inspection",
    "ofsted",
    "recommendation",
    "monitoring",
    "visit",
    "self",
    "evaluation",
    "annual",
    "conversation",
    "peer",
    "challenge",
]
COUNCILS = (
    "Stockton-on-Tees Borough Council",
    "Hartlepool Borough Council",
    "Darlington Borough Council",
    "Middlesbrough Council",
    "Redcar and Cleveland Borough Council",
    "Durham County Council",
    "Sunderland City Council",
    "Gateshead Council",
    "North Tyneside Council",
    "Northumberland County Council",
)
FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Chris",
    "Pat",
    "Lee",
    "Morgan",
    "Ash",
    "Robin",
    "Jamie",
    "Kim",
    "Charlie",
    "Drew",
    "Taylor",
    "Jordan",
]
LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Hall",
    "Green",
]
JOBS = (
    "Director of Children's Services",
    "Head of Service",
    "Service Manager",
    "Principal Social Worker",
    "Team Manager",
    "Performance Lead",
    "Quality Assurance Manager",
    "Workforce Development Lead",
)


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, 8, 20) for _ in range(sentences))


class Pool:
    """Pre-made texts of realistic lengths, drawn from at random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.set_rng(rng)
        self.titles = [sentence(rng, 8, 22) for _ in range(3000)]
        self.descriptions = [paragraph(rng, rng.randint(2, 6)) for _ in range(2000)]
        self.narratives = [paragraph(rng, rng.randint(2, 5)) for _ in range(4000)]
        self.next_steps = [paragraph(rng, rng.randint(1, 2)) for _ in range(2000)]
        self.short = [sentence(rng, 4, 10) for _ in range(1000)]

    def set_rng(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, texts: Sequence[str]) -> str:
        return texts[self.rng.randrange(len(texts))]


_POOL: list[Pool] = []


def shared_pool() -> Pool:
    """The texts, made once per process from a fixed seed."""
    if not _POOL:
        _POOL.append(Pool(random.Random(SEED)))  # noqa: S311
    return _POOL[0]


def esc(value: Any) -> str:
    """A value in COPY text format. Every text here is made by this module and holds no
    tab, newline or backslash, so nothing needs escaping."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    return str(value)


class Table:
    """Rows for one table, written with COPY."""

    def __init__(
        self, name: str, columns: Sequence[str], fixed: dict[str, Any] | None = None
    ) -> None:
        self.name = name
        # Columns every row gives the same value, written after the row's own.
        fixed = fixed or {}
        self.columns = [*columns, *fixed]
        self.tail = "".join("\t" + esc(value) for value in fixed.values())
        self.lines: list[str] = []

    def add(self, *values: Any) -> None:
        self.lines.append("\t".join(map(esc, values)) + self.tail + "\n")

    def copy(self, conn: psycopg.Connection[Any]) -> None:
        columns = ", ".join(self.columns)
        with conn.cursor() as cur, cur.copy(f"COPY {self.name} ({columns}) FROM STDIN") as copy:
            for start in range(0, len(self.lines), 20000):
                copy.write("".join(self.lines[start : start + 20000]))


STAMPS = ("created_at", "updated_at", "archived_at", "version")
# How an import read an item: generated items were not read from a document.
NOT_READ = {"reading_notes": "[]", "needs_review": False}


@dataclass
class Ids:
    rng: random.Random

    def new(self, prefix: str) -> str:
        return f"{prefix}_{self.rng.getrandbits(80):020x}"


@dataclass
class Update:
    id: str
    rag: str | None
    status: str
    effective: date
    created: datetime
    corrects: str | None = None
    corrected: bool = False


@dataclass
class Workload:
    """What the load scripts rotate through; written next to the database."""

    list_queries: list[dict[str, str]] = field(default_factory=list)
    detail_ids: list[str] = field(default_factory=list)
    tree_plan_ids: list[str] = field(default_factory=list)
    report_plan_ids: list[str] = field(default_factory=list)
    post_action_ids: list[str] = field(default_factory=list)


def end_of_month(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return end_of_month(date(day.year + month // 12, month % 12 + 1, 1))


def ts(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, 8, tzinfo=UTC) + timedelta(
        seconds=rng.randrange(10 * 3600)
    )


class Generator:
    def __init__(self, size: str, today: date, units: Sequence[int], seed: int = SEED) -> None:
        self.units = units
        self.seed = f"{seed}-{size}-{today.isoformat()}"
        self.today = today
        self.now = datetime.combine(today, datetime.min.time(), UTC) + timedelta(hours=7)
        self.start = Quarter.containing(today)
        for _ in range(15):
            self.start = self.start.previous
        self.first_day = self.start.start
        self.rng = random.Random(self.seed)  # noqa: S311
        self.ids = Ids(self.rng)
        self.pool = shared_pool()
        self.pool.set_rng(self.rng)
        self.workload = Workload()
        stamp = [*STAMPS]
        self.t = {
            "plan": Table(
                "plan",
                [
                    "id",
                    "title",
                    "organisation",
                    "version_label",
                    "status",
                    "update_interval_days",
                    "description",
                    "seed_key",
                    "rating_definitions",
                    *stamp,
                ],
            ),
            "officer": Table(
                "officer", ["id", "name", "job_title", "email", "is_role", "organisation", *stamp]
            ),
            "area": Table(
                "area",
                ["id", "plan_id", "ref", "number", "title", "aim", "position", *stamp],
                NOT_READ,
            ),
            "outcome": Table(
                "outcome",
                ["id", "plan_id", "area_id", "ref", "number", "statement", "position", *stamp],
                NOT_READ,
            ),
            "objective": Table(
                "objective",
                ["id", "plan_id", "area_id", "outcome_id", "ref", "statement", "position", *stamp],
                NOT_READ,
            ),
            "action": Table(
                "action",
                [
                    "id",
                    "plan_id",
                    "area_id",
                    "outcome_id",
                    "objective_id",
                    "parent_id",
                    "ref",
                    "title",
                    "description",
                    "notes",
                    "timescale",
                    "timescale_readable",
                    "due_date",
                    "original_due_date",
                    "due_date_revision_count",
                    "recurrence",
                    "rag",
                    "status",
                    "last_update_date",
                    "completed_date",
                    "position",
                    *stamp,
                ],
                NOT_READ,
            ),
            "action_lead_officer": Table(
                "action_lead_officer", ["action_id", "officer_id", "position"]
            ),
            "success_criterion": Table(
                "success_criterion",
                [
                    "id",
                    "plan_id",
                    "area_id",
                    "outcome_id",
                    "objective_id",
                    "statement",
                    "position",
                    *stamp,
                ],
                NOT_READ,
            ),
            "action_success_criterion": Table(
                "action_success_criterion", ["action_id", "criterion_id"]
            ),
            "strategy": Table("strategy", ["id", "plan_id", "title", "url", "owner", *stamp]),
            "strategy_link": Table(
                "strategy_link", ["id", "action_id", "strategy_id", "note", *stamp]
            ),
            "inspection_action": Table(
                "inspection_action", ["id", "plan_id", "source", "number", "text", *stamp]
            ),
            "action_inspection_action": Table(
                "action_inspection_action", ["action_id", "inspection_action_id"]
            ),
            "status_update": Table(
                "status_update",
                [
                    "id",
                    "action_id",
                    "plan_id",
                    "area_id",
                    "rag",
                    "status",
                    "narrative",
                    "next_steps",
                    "reason",
                    "evidence",
                    "effective_date",
                    "author",
                    "author_officer_id",
                    "created_by_key_id",
                    "corrects_update_id",
                    "created_at",
                ],
            ),
            "due_date_revision": Table(
                "due_date_revision",
                [
                    "id",
                    "action_id",
                    "from_date",
                    "to_date",
                    "reason",
                    "changed_at",
                    "actor",
                    "actor_key_id",
                ],
            ),
            "audit_event": Table(
                "audit_event",
                [
                    "id",
                    "occurred_at",
                    "actor_key_id",
                    "actor_officer_id",
                    "actor",
                    "entity_type",
                    "entity_id",
                    "operation",
                    "changes",
                    "request_id",
                ],
            ),
        }

    # Helpers.

    def day_between(self, first: date, last: date) -> date:
        span = (last - first).days
        return first + timedelta(days=self.rng.randint(0, max(span, 0)))

    def audit(
        self, when: datetime, entity_type: str, entity_id: str, operation: str, changes: str
    ) -> None:
        """An audit row; `changes` is its JSON text."""
        self.t["audit_event"].add(
            self.ids.new("aud"),
            when,
            None,
            None,
            "Plan loader",
            entity_type,
            entity_id,
            operation,
            changes,
            None,
        )

    def created(self, table: str, entity_type: str, when: datetime, *values: Any) -> str:
        entity_id = str(values[0])
        self.t[table].add(*values, when, when, None, 1)
        self.audit(
            when,
            entity_type,
            entity_id,
            "create",
            f'{{"id":{{"before":null,"after":"{entity_id}"}}}}',
        )
        return entity_id

    # The data.

    def run(self) -> None:
        for number in self.units:
            # Each council draws from its own generator: the same data whatever the split.
            self.rng.seed(f"{self.seed}-{number}")
            self.council(number)

    def council(self, number: int) -> None:
        rng = self.rng
        organisation = COUNCILS[number % len(COUNCILS)]
        if number >= len(COUNCILS):
            organisation = f"{organisation} ({number // len(COUNCILS) + 1})"
        when = ts(self.first_day - timedelta(days=30), rng)
        officers = []
        for index in range(OFFICERS_PER_COUNCIL):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            officer_id = self.created(
                "officer",
                "officer",
                when,
                self.ids.new("off"),
                name,
                JOBS[index % len(JOBS)],
                f"{name.lower().replace(' ', '.')}{index}@example.gov.uk",
                index == 0,
                organisation,
            )
            officers.append((officer_id, name))
        big = self.plan(organisation, officers, BIG_PLAN_AREAS, [BIG_AREA_ACTIONS] * 4, when)
        self.workload.report_plan_ids.append(big)
        for _ in range(SMALL_PLANS):
            sizes = [14, 13, 13]
            small = self.plan(organisation, officers, 3, sizes, when)
            self.workload.tree_plan_ids.append(small)

    def plan(
        self,
        organisation: str,
        officers: list[tuple[str, str]],
        areas: int,
        actions_per_area: list[int],
        when: datetime,
    ) -> str:
        rng, pool = self.rng, self.pool
        plan_id = self.created(
            "plan",
            "plan",
            when,
            self.ids.new("plan"),
            f"Children's Services Improvement Plan {self.first_day.year}-{self.today.year}",
            organisation,
            f"Version {rng.randint(1, 9)}",
            "approved",
            31,
            pool.pick(pool.descriptions),
            None,
            json.dumps(
                {
                    "red": "Off track: will not be delivered on time without intervention.",
                    "amber": "At risk: delivery is slipping or faces issues.",
                    "green": "On track: progressing as planned.",
                    "blue": "Complete: delivered.",
                }
            ),
        )
        strategies = [
            self.created(
                "strategy",
                "strategy",
                when,
                self.ids.new("str"),
                plan_id,
                pool.pick(pool.short),
                f"https://example.gov.uk/strategies/{index}",
                rng.choice(officers)[1],
            )
            for index in range(6)
        ]
        inspections = [
            self.created(
                "inspection_action",
                "inspection_action",
                when,
                self.ids.new("ins"),
                plan_id,
                "Ofsted",
                number,
                pool.pick(pool.titles),
            )
            for number in range(1, 9)
        ]
        for area_number in range(1, areas + 1):
            area_id = self.created(
                "area",
                "area",
                when,
                self.ids.new("area"),
                plan_id,
                str(area_number),
                area_number,
                pool.pick(pool.short),
                pool.pick(pool.descriptions),
                area_number,
            )
            owners: list[tuple[str | None, str | None]] = [(None, None)]
            criteria: dict[tuple[str | None, str | None], list[str]] = {}
            criteria[(None, None)] = self.criteria(plan_id, area_id, None, None, when)
            for outcome_number in range(1, 3):
                outcome_id = self.created(
                    "outcome",
                    "outcome",
                    when,
                    self.ids.new("out"),
                    plan_id,
                    area_id,
                    f"{area_number}.{outcome_number}",
                    f"{area_number}.{outcome_number}",
                    pool.pick(pool.titles),
                    outcome_number,
                )
                owners.append((outcome_id, None))
                criteria[(outcome_id, None)] = self.criteria(plan_id, None, outcome_id, None, when)
                for objective_number in range(1, 3):
                    objective_id = self.created(
                        "objective",
                        "objective",
                        when,
                        self.ids.new("obj"),
                        plan_id,
                        area_id,
                        outcome_id,
                        f"{area_number}.{outcome_number}.{objective_number}",
                        pool.pick(pool.titles),
                        objective_number,
                    )
                    owners.append((outcome_id, objective_id))
                    criteria[(outcome_id, objective_id)] = self.criteria(
                        plan_id, None, None, objective_id, when
                    )
            count = actions_per_area[area_number - 1]
            top_number = 0
            last_top: tuple[str, str, str | None, str | None, int] | None = None
            children = 0
            for index in range(count):
                if last_top is not None and index > 2 and rng.random() < 0.1:
                    parent_id, parent_ref, under_outcome, under_objective, _ = last_top
                    children += 1
                    ref = f"{parent_ref}.{children}"
                    parent: str | None = parent_id
                    place = children
                else:
                    top_number += 1
                    children = 0
                    under_outcome, under_objective = rng.choice(owners)
                    ref = f"A{area_number}.{top_number}"
                    parent = None
                    place = top_number
                action_id = self.action(
                    plan_id=plan_id,
                    area_id=area_id,
                    outcome_id=under_outcome,
                    objective_id=under_objective,
                    parent_id=parent,
                    ref=ref,
                    position=place,
                    officers=officers,
                    criteria=criteria[(under_outcome, under_objective)] or criteria[(None, None)],
                    strategies=strategies,
                    inspections=inspections,
                )
                if parent is None:
                    last_top = (action_id, ref, under_outcome, under_objective, place)
        return plan_id

    def criteria(
        self,
        plan_id: str,
        area_id: str | None,
        outcome_id: str | None,
        objective_id: str | None,
        when: datetime,
    ) -> list[str]:
        return [
            self.created(
                "success_criterion",
                "success_criterion",
                when,
                self.ids.new("crit"),
                plan_id,
                area_id,
                outcome_id,
                objective_id,
                self.pool.pick(self.pool.titles),
                position,
            )
            for position in range(1, 3)
        ]

    def action(
        self,
        *,
        plan_id: str,
        area_id: str,
        outcome_id: str | None,
        objective_id: str | None,
        parent_id: str | None,
        ref: str,
        position: int,
        officers: list[tuple[str, str]],
        criteria: list[str],
        strategies: list[str],
        inspections: list[str],
    ) -> str:
        rng, pool, ids = self.rng, self.pool, self.ids
        action_id = ids.new("act")
        created_day = self.day_between(self.first_day, self.today - timedelta(days=120))
        created_at = ts(created_day, rng)
        original_due = add_months(created_day, rng.randint(3, 30))
        timescale = original_due.strftime("%B %y")
        leads = rng.sample(officers, 2 if rng.random() < 0.3 else 1)
        for index, (officer_id, _) in enumerate(leads, start=1):
            self.t["action_lead_officer"].add(action_id, officer_id, index)
        for criterion_id in rng.sample(criteria, rng.randint(1, len(criteria))):
            self.t["action_success_criterion"].add(action_id, criterion_id)
        if rng.random() < 0.6:
            for strategy_id in rng.sample(strategies, rng.randint(1, 2)):
                link_id = ids.new("slink")
                self.t["strategy_link"].add(
                    link_id,
                    action_id,
                    strategy_id,
                    pool.pick(pool.short),
                    created_at,
                    created_at,
                    None,
                    1,
                )
                self.audit(
                    created_at,
                    "strategy_link",
                    link_id,
                    "create",
                    f'{{"strategy_id":{{"before":null,"after":"{strategy_id}"}}}}',
                )
        if rng.random() < 0.25:
            self.t["action_inspection_action"].add(action_id, rng.choice(inspections))

        updates = self.updates(created_day + timedelta(days=1))
        version = 1
        updated_at = created_at
        # The service refreshes the action's state as each update is entered.
        entered: list[Update] = []
        state: tuple[Any, ...] = (None, "not_started", None, None)
        for update in sorted(updates, key=lambda u: u.created):
            entered.append(update)
            corrected_ids = {u.corrects for u in entered if u.corrects}
            live = [u for u in entered if u.id not in corrected_ids]
            latest = max(live, key=lambda u: (u.effective, u.created, u.id))
            new_state = (
                latest.rag,
                latest.status,
                latest.effective,
                latest.effective if latest.status == "complete" else None,
            )
            if new_state != state:
                version += 1
                updated_at = update.created
                state = new_state
            self.status_update(update, action_id, plan_id, area_id, leads[0])
            rating = f'"{update.rag}"' if update.rag else "null"
            self.audit(
                update.created,
                "status_update",
                update.id,
                "correct" if update.corrects else "create",
                f'{{"rag":{{"before":null,"after":{rating}}},'
                f'"status":{{"before":null,"after":"{update.status}"}}}}',
            )
            self.audit(
                update.created,
                "action",
                action_id,
                "status_update",
                f'{{"status_update_id":{{"before":null,"after":"{update.id}"}}}}',
            )

        due = original_due
        revisions = 0
        if rng.random() < 0.12 and (self.today - created_day).days > 60:
            changes = sorted(
                ts(self.day_between(created_day + timedelta(days=30), self.today), rng)
                for _ in range(rng.randint(1, 2))
            )
            for changed_at in changes:
                if changed_at >= self.now:
                    continue
                new_due = add_months(due, rng.randint(1, 4))
                self.t["due_date_revision"].add(
                    ids.new("rev"),
                    action_id,
                    due,
                    new_due,
                    pool.pick(pool.short),
                    changed_at,
                    "Plan loader",
                    None,
                )
                self.audit(
                    changed_at,
                    "action",
                    action_id,
                    "update",
                    f'{{"due_date":{{"before":"{due}","after":"{new_due}"}}}}',
                )
                due = new_due
                revisions += 1
                version += 1
                updated_at = max(updated_at, changed_at)
        rag, status, last_update, completed = state
        self.t["action"].add(
            action_id,
            plan_id,
            area_id,
            outcome_id,
            objective_id,
            parent_id,
            ref,
            pool.pick(pool.titles),
            pool.pick(pool.descriptions),
            pool.pick(pool.short) if rng.random() < 0.3 else None,
            timescale,
            True,
            due,
            original_due,
            revisions,
            "none",
            rag,
            status,
            last_update,
            completed,
            position,
            created_at,
            updated_at,
            None,
            version,
        )
        self.audit(
            created_at,
            "action",
            action_id,
            "create",
            f'{{"ref":{{"before":null,"after":"{ref}"}}}}',
        )
        if parent_id is None:
            self.workload.detail_ids.append(action_id)
            if status not in ("complete", "cancelled"):
                self.workload.post_action_ids.append(action_id)
        return action_id

    def updates(self, first_day: date) -> list[Update]:
        rng = self.rng
        count = rng.randint(5, 15)
        days = sorted(
            self.day_between(first_day, self.today - timedelta(days=1)) for _ in range(count)
        )
        finishes = rng.random() < 0.15
        rag = rng.choice(("green", "green", "amber", None))
        updates: list[Update] = []
        for index, day in enumerate(days):
            last = index == len(days) - 1
            if last and finishes:
                rag, status = "blue", "complete"
            else:
                roll = rng.random()
                if roll < 0.12:
                    rag = "red"
                elif roll < 0.35:
                    rag = "amber"
                elif roll < 0.97:
                    rag = "green"
                status = "in_progress"
                if last and rng.random() < 0.03:
                    status = "deferred"
            created = min(ts(day, rng) + timedelta(hours=rng.randint(0, 48)), self.now)
            updates.append(Update(self.ids.new("upd"), rag, status, day, created))
        corrections = []
        for update in updates:
            if rng.random() < 0.01 and update.status != "complete":
                corrected_rag = rng.choice(("green", "amber"))
                corrections.append(
                    Update(
                        self.ids.new("upd"),
                        corrected_rag,
                        update.status,
                        update.effective,
                        min(update.created + timedelta(days=2), self.now),
                        corrects=update.id,
                    )
                )
                update.corrected = True
        return updates + corrections

    def status_update(
        self, update: Update, action_id: str, plan_id: str, area_id: str, lead: tuple[str, str]
    ) -> None:
        rng, pool = self.rng, self.pool
        needs_words = update.rag in ("red", "amber")
        narrative = pool.pick(pool.narratives) if needs_words or rng.random() < 0.8 else None
        next_steps = pool.pick(pool.next_steps) if needs_words or rng.random() < 0.5 else None
        reason = pool.pick(pool.short) if update.status in ("deferred", "cancelled") else None
        evidence = (
            '[{"title":"Audit summary","url":null,"reference":"CSLT paper 2024/12"}]'
            if rng.random() < 0.2
            else "[]"
        )
        self.t["status_update"].add(
            update.id,
            action_id,
            plan_id,
            area_id,
            update.rag,
            update.status,
            narrative,
            next_steps,
            reason,
            evidence,
            update.effective,
            lead[1],
            lead[0],
            None,
            update.corrects,
            update.created,
        )

    # Loading.

    def copy(self, conn: psycopg.Connection[Any]) -> None:
        """COPY every table, with foreign keys and triggers off (the data keeps them)."""
        conn.execute("SET session_replication_role = replica")
        for table in self.t.values():
            table.copy(conn)
        conn.commit()

    def rows(self) -> dict[str, int]:
        return {name: len(table.lines) for name, table in self.t.items()}


def api_key_row(conn: psycopg.Connection[Any], secret: str, role: str = "editor") -> str:
    """Store a benchmark key (an editor's by default); `secret` is the key's random part."""
    prefix = hashlib.sha256(secret.encode()).hexdigest()[:12]
    key = f"ipa_{prefix}_{secret}"
    now = datetime.now(UTC)
    conn.execute(
        "INSERT INTO api_key (id, name, role, prefix, key_hash, created_at, updated_at, version) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, 1)",
        (
            f"key_{prefix}",
            f"Benchmark {role}",
            role,
            prefix,
            hashlib.sha256(key.encode()).hexdigest(),
            now,
            now,
        ),
    )
    conn.commit()
    return key


def list_queries(conn: psycopg.Connection[Any], plan_ids: list[str]) -> list[dict[str, str]]:
    """Area and rating pairs of the big plans that fill a 50-row page."""
    rows = conn.execute(
        "SELECT area_id, rag FROM action WHERE plan_id = ANY(%s) AND rag IS NOT NULL "
        "AND archived_at IS NULL GROUP BY area_id, rag HAVING count(*) > 50 ORDER BY area_id, rag",
        (plan_ids,),
    ).fetchall()
    return [{"area_id": area_id, "rag": rag} for area_id, rag in rows]


def _load_units(task: tuple[str, date, list[int], str]) -> dict[str, Any]:
    """In a worker process: generate some councils and COPY them on its own connection."""
    size, today, units, url = task
    generator = Generator(size, today, units)
    started = time.perf_counter()
    generator.run()
    generated = time.perf_counter() - started
    with psycopg.connect(url) as conn:
        generator.copy(conn)
    return {
        "rows": generator.rows(),
        "workload": asdict(generator.workload),
        "generate_seconds": generated,
        "copy_seconds": time.perf_counter() - started - generated,
    }


def _build_index(url: str, definition: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '256MB'")
        conn.execute(definition)


def load(url: str, size: str, today: date, processes: int = 2) -> dict[str, Any]:
    """Generate and load a size: councils in parallel processes, indexes built afterwards."""
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        indexes = conn.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = 'public' AND NOT i.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.commit()
    councils = max(1, SIZES[size] // UNIT)
    batches = [list(range(start, min(start + 5, councils))) for start in range(0, councils, 5)]
    tasks = [(size, today, batch, url) for batch in batches]
    rows: dict[str, int] = {}
    workload = Workload()
    work = {"generate": 0.0, "copy": 0.0}
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        # Results come back in task order, so the workload lists are the same every time.
        for result in pool.imap(_load_units, tasks):
            work["generate"] += result["generate_seconds"]
            work["copy"] += result["copy_seconds"]
            for name, count in result["rows"].items():
                rows[name] = rows.get(name, 0) + count
            for name, values in result["workload"].items():
                getattr(workload, name).extend(values)
    copied = time.perf_counter() - started
    # The indexes are built on as many connections as there are processes.
    with ThreadPoolExecutor(processes) as builders:
        list(builders.map(partial(_build_index, url), [definition for _, definition in indexes]))
    return {
        "rows": rows,
        "workload": workload,
        "generate_and_copy_seconds": round(copied, 2),
        "process_seconds": {name: round(value, 2) for name, value in work.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }
