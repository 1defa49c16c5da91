"""What reading an uploaded plan produced: a plan document in the seed format, each choice the
reader made, and warnings and errors that point at the place in the file.

Word and Excel readers build the same `improvement-plan/v1` document the seed files hold, so
the one loader in `app.seeding` writes every plan, whatever it was read from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

# A person's name as plans write it: two to four capitalised words ("Jane Smith",
# "Mary-Ann O'Neill"); anything else ("DCS", "Key partner agencies") is a role or a group.
_PERSON = re.compile(r"^[A-Z][a-z'\u2019\-]+(?: [A-Z][a-zA-Z'\u2019\-]+){1,3}$")
# "DCS and key partner agencies": a lead officer written with the partners who work with them.
_WITH_PARTNERS = re.compile(
    r"^(?P<lead>.+?)\s+(?:and|with|&)\s+(?:key\s+|other\s+)?partner", re.IGNORECASE
)
_MEETS = re.compile(
    r"(?:This|The) Board will meet (?P<frequency>weekly|fortnightly|monthly|quarterly)"
    r"(?:, with partner(?:s|ship)? involvement in (?:its |their )?meetings every "
    r"(?P<every>\d{1,2}) months)?",
    re.IGNORECASE,
)
_BOARD = re.compile(r"[\'\u2018\"](?P<board>[A-Z][\w\s\-]{0,190}? Board)[\'\u2019\"]")
_TAG = re.compile(r"^(?P<source>[A-Za-z]+) Improvement Action\s+(?P<number>\d{1,4})\.?$")


@dataclass
class Finding:
    """A warning or error, with the place in the file it concerns."""

    place: str
    message: str


@dataclass
class Choice:
    """One way the reader read something that could be read more than one way."""

    item: dict[str, Any] | None
    kind: str
    message: str
    place: str


@dataclass
class Draft:
    """A plan document being read from a file, and what the reading found."""

    format: str
    document: dict[str, Any]
    choices: list[Choice] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    # The place each item of the document came from, by the item's identity.
    places: dict[int, str] = field(default_factory=dict)
    # The column or cell each field of an action or criterion is read from.
    field_places: dict[str, str] = field(default_factory=dict)

    def choose(self, item: dict[str, Any] | None, kind: str, message: str, place: str) -> None:
        self.choices.append(Choice(item=item, kind=kind, message=message, place=place))

    def warn(self, place: str, message: str) -> None:
        self.warnings.append(Finding(place=place, message=message))

    def fail(self, place: str, message: str) -> None:
        self.errors.append(Finding(place=place, message=message))

    def keep_choices(self, needs_review: set[str]) -> None:
        """Store each reading choice on the item it shaped, as the seed stores its own, and
        flag the kinds of choice the plan's owner should confirm."""
        for choice in self.choices:
            if choice.item is None:
                continue
            notes = choice.item.setdefault("reading_notes", [])
            if choice.message not in notes:
                notes.append(choice.message)
            if choice.kind in needs_review:
                choice.item["needs_review"] = True

    def placed(self, item: dict[str, Any], place: str) -> dict[str, Any]:
        self.places[id(item)] = place
        return item


def slug(text: str, *, prefix: str = "", limit: int = 90) -> str:
    """A key for a name: lowercase ASCII words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return (prefix + "-".join(words))[:limit].strip("-") or prefix.strip("-") or "item"


def is_role(name: str) -> bool:
    return _PERSON.match(name) is None


def lead_with_partners(line: str) -> str | None:
    """ "DCS" for "DCS and key partner agencies": partners are not council officers."""
    match = _WITH_PARTNERS.match(line.strip())
    return match["lead"].strip() if match else None


def meeting_schedule(text: str | None) -> dict[str, Any] | None:
    """The board's cadence where the plan's introduction states it ("This Board will meet
    monthly, with partner involvement in meetings every 2 months")."""
    match = _MEETS.search(text or "")
    if match is None:
        return None
    board = None
    for found in _BOARD.finditer(text or "", 0, match.start()):
        board = found["board"]
    if board is None:
        return None
    return {
        "board": " ".join(board.split()),
        "frequency": match["frequency"].lower(),
        "partners_every": int(match["every"]) if match["every"] else None,
    }


def inspection_tag(text: str) -> tuple[str, int] | None:
    """("Ofsted", 3) for "Ofsted Improvement Action 3"."""
    match = _TAG.match(text.strip())
    return (match["source"], int(match["number"])) if match else None


@dataclass
class Registry:
    """Officers, strategies and inspection actions named in a file, each listed once."""

    officers: dict[str, dict[str, Any]] = field(default_factory=dict)
    strategies: dict[str, dict[str, Any]] = field(default_factory=dict)
    inspections: dict[int, dict[str, Any]] = field(default_factory=dict)

    def officer(self, draft: Draft, name: str, place: str) -> str:
        """The key of the officer with this name, listed on first sight."""
        key = slug(name)
        if key not in self.officers:
            role = is_role(name)
            self.officers[key] = {
                "key": key,
                "name": name,
                "job_title": None,
                "email": None,
                "is_role": role,
            }
            draft.choose(
                None,
                "officer_kind",
                f"'{name}' is read as {'a role or group' if role else 'a person'}.",
                place,
            )
        return key

    def strategy(self, title: str) -> str:
        key = slug(title)
        self.strategies.setdefault(key, {"key": key, "title": title, "url": None, "owner": None})
        return key

    def inspection(self, source: str, number: int, label: str) -> int:
        self.inspections.setdefault(number, {"number": number, "source": source, "text": label})
        return number

    def lists(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "officers": list(self.officers.values()),
            "strategies": list(self.strategies.values()),
            "inspection_actions": [self.inspections[n] for n in sorted(self.inspections)],
        }


def item_paths(document: dict[str, Any]) -> dict[int, str]:
    """Each item's path as the plan will number it ("area 2 / outcome 2.1 / action A2.3").

    Numbered the way the loader numbers: outcomes and objectives in order, actions through
    their area in the order objectives', outcomes', then the area's own."""
    paths: dict[int, str] = {}
    for a, area in enumerate(_list(document, "areas"), start=1):
        number = area.get("number", a) if isinstance(area, dict) else a
        at_area = f"area {number}"
        paths[id(area)] = at_area
        counter = [0]

        def actions(
            owner: Any,
            where: str,
            parent_ref: str | None = None,
            counter: list[int] = counter,
            number: Any = number,
        ) -> None:
            for index, action in enumerate(
                _list(owner, "actions" if parent_ref is None else "sub_actions"), start=1
            ):
                if parent_ref is None:
                    counter[0] += 1
                    ref = f"A{number}.{counter[0]}"
                else:
                    ref = f"{parent_ref}.{index}"
                paths[id(action)] = f"{where} / action {ref}"
                actions(action, where, ref)

        for o, outcome in enumerate(_list(area, "outcomes"), start=1):
            at_outcome = f"{at_area} / outcome {number}.{o}"
            paths[id(outcome)] = at_outcome
            for j, objective in enumerate(_list(outcome, "objectives"), start=1):
                at_objective = f"{at_outcome} / objective {number}.{o}.{j}"
                paths[id(objective)] = at_objective
                actions(objective, at_objective)
            actions(outcome, at_outcome)
        actions(area, at_area)
    return paths


def _list(owner: Any, name: str) -> list[Any]:
    value = owner.get(name) if isinstance(owner, dict) else None
    return value if isinstance(value, list) else []


def node_at(document: Any, location: tuple[int | str, ...]) -> list[Any]:
    """The nodes along a path into the document, outermost first."""
    nodes = []
    node = document
    for step in location:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        nodes.append(node)
    return nodes
