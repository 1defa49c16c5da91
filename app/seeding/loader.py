"""Reading seed files and loading them as plans: all of a file or nothing, and only once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from app.core.auth.keys import Principal
from app.core.resources import audit, crud
from app.models import (
    Action,
    Area,
    InspectionAction,
    Meeting,
    Objective,
    Officer,
    Outcome,
    Plan,
    RatingDefinitions,
    RatingDefinitionsSource,
    Strategy,
    SuccessCriterion,
    new_id,
)
from app.seeding.builder import Builder
from app.seeding.checks import check_seed_document
from app.seeding.format import SeedFile

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
DEFAULT_SEED = "stockton-2023.yaml"


class SeedError(Exception):
    """A seed file that cannot be loaded; the message names the file, item and field."""


def default_seed_path() -> Path:
    for folder in (SEED_DIR, Path.cwd() / "seed"):
        if (folder / DEFAULT_SEED).is_file():
            return folder / DEFAULT_SEED
    raise SeedError(f"cannot find seed/{DEFAULT_SEED}")


def read_seed_file(path: Path) -> SeedFile:
    """Parse and validate a seed file, or raise SeedError saying exactly what is wrong."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(f"{path}: not valid YAML: {exc}") from exc
    seed, problems = check_seed_document(document)
    if seed is None:
        lines = [f"  {problem.where}: {problem.message}" for problem in problems]
        raise SeedError(f"{path}: {len(lines)} problem(s):\n" + "\n".join(lines))
    return seed


@dataclass
class LoadResult:
    """What loading a file did."""

    plan_id: str
    key: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


async def _officer_ids(
    session: AsyncSession, seed: SeedFile
) -> tuple[dict[str, str], list[Officer]]:
    """Officers of this organisation are matched by name; the rest are created."""
    organisation = seed.plan.organisation
    existing = {
        officer.name: officer.id
        for officer in (
            await session.scalars(
                sa.select(Officer).where(
                    col(Officer.organisation) == organisation, col(Officer.archived_at).is_(None)
                )
            )
        ).all()
    }
    ids: dict[str, str] = {}
    new: list[Officer] = []
    for officer in seed.officers:
        if officer.name in existing:
            ids[officer.key] = existing[officer.name]
            continue
        row = Officer(
            id=new_id("off"),
            name=officer.name,
            job_title=officer.job_title,
            email=officer.email,
            is_role=officer.is_role,
            organisation=organisation,
        )
        new.append(row)
        ids[officer.key] = row.id
    return ids, new


def _plan_row(seed: SeedFile) -> Plan:
    """The plan itself; ratings the plan does not define are the service's, marked so."""
    return Plan(
        id=new_id("plan"),
        seed_key=seed.plan.key,
        title=seed.plan.title,
        organisation=seed.plan.organisation,
        version_label=seed.plan.version_label,
        status=seed.plan.status,
        description=seed.plan.description,
        rating_definitions=(seed.plan.rating_definitions or RatingDefinitions()).model_dump(),
        rating_definitions_source=(
            RatingDefinitionsSource.plan
            if seed.plan.rating_definitions is not None
            else RatingDefinitionsSource.service_default
        ),
        meeting_schedule=(
            seed.plan.meeting_schedule.model_dump()
            if seed.plan.meeting_schedule is not None
            else None
        ),
    )


async def load_seed(
    session: AsyncSession,
    seed: SeedFile,
    *,
    actor: Principal | None = None,
    source: str = "seed",
) -> LoadResult:
    """Load a plan in one transaction; a plan already loaded under its key is left as it is.

    `source` names where the plan came from in each audit event (`seed`, `import:docx`)."""
    existing = await session.scalar(sa.select(Plan).where(col(Plan.seed_key) == seed.plan.key))
    if existing is not None:
        return LoadResult(plan_id=existing.id, key=seed.plan.key, created=False)
    plan = _plan_row(seed)
    officers, new_officers = await _officer_ids(session, seed)
    builder = Builder(seed=seed, plan=plan, officers=officers)
    builder.build()
    entities: list[SQLModel] = [plan, *new_officers, *builder.rows]
    # Without ORM relationships the flush does not order rows by their foreign keys, so
    # rows are flushed a table at a time, parents first, and actions a level at a time.
    for stage in sorted({_stage(row) for row in entities}):
        session.add_all([row for row in entities if _stage(row) == stage])
        await session.flush()
    links = builder.links()
    session.add_all(links)
    for entity in entities:
        audit.record(
            session,
            actor=actor,
            entity_type=_entity_type(entity),
            entity_id=str(getattr(entity, "id")),  # noqa: B009
            operation="create",
            changes={
                **audit.created(crud.snapshot(entity)),
                "source": {"before": None, "after": f"{source}:{seed.plan.key}"},
            },
        )
    await session.commit()
    counts: dict[str, int] = {}
    for row in [*entities, *links]:
        name = _entity_type(row)
        counts[name] = counts.get(name, 0) + 1
    return LoadResult(plan_id=plan.id, key=seed.plan.key, created=True, counts=counts)


FLUSH_ORDER: tuple[type[SQLModel], ...] = (
    Plan,
    Meeting,
    Officer,
    Strategy,
    InspectionAction,
    Area,
    Outcome,
    Objective,
    SuccessCriterion,
    Action,
)


def _stage(row: SQLModel) -> tuple[int, int]:
    depth = row.ref.count(".") if isinstance(row, Action) else 0
    return FLUSH_ORDER.index(type(row)), depth


def _entity_type(row: SQLModel) -> str:
    return str(getattr(row, "__tablename__", type(row).__name__.lower()))


async def any_plan_exists(session: AsyncSession) -> bool:
    return bool(await session.scalar(sa.select(sa.exists().where(col(Plan.id).is_not(None)))))
