"""The reading rules of seed/README.md that more than one reader applies, written once.

The seed loader, the Word reader and the Excel reader all read a plan table's cells; where
they apply the same rule (what a paragraph is, how parallel paragraphs pair, what date a
dated note names, which criterion a statement written again is) they call these functions,
so a plan reads the same whatever it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from app.actions.timescales import read_timescale

# A cell's or a statement's paragraphs, kept apart the same way wherever they are read.
PARAGRAPH_BREAK = "\n\n"
# Rule 1: a line break, or the double space that is the paragraph break of a row whose
# HTML was lost ("Adele Moore          Adele Moore"). A full stop never splits.
_BREAK = re.compile(r"\s*\n\s*|\s{2,}")
# "DfE adviser review", a dash, "June 23": an event in a named month, written in a cell.
_DATED_NOTE = re.compile(
    r"^(?P<what>\S.{0,90}?)\s+[\u2013\u2014-]\s+(?P<when>[A-Za-z]{3,9}\.?\s+\d{2}(?:\d{2})?)\.?$"
)


def paragraphs(text: str | None) -> list[str]:
    """A cell's paragraphs (rule 1), each with its spaces tidied."""
    return [" ".join(part.split()) for part in _BREAK.split(text or "") if part.strip()]


@dataclass(frozen=True)
class DatedNote:
    """A note naming an event and the month it happens in."""

    what: str
    when: str
    day: date


def dated_note(text: str) -> DatedNote | None:
    """The event and month of a note such as Stockton's DfE adviser review in June 23, dated the
    month's last day as a timescale naming that month is; None for any other text."""
    match = _DATED_NOTE.match(" ".join(text.split()))
    if match is None:
        return None
    day = read_timescale(match["when"]).due_date
    return DatedNote(what=match["what"], when=match["when"], day=day) if day else None


@dataclass(frozen=True)
class Pairing:
    """Which paragraphs of a cell go with each of the items beside it (rule 5)."""

    groups: list[list[int]]
    how: str  # "in_order", "each", "by_position", "all" or "none"


def pair(items: Sequence[int], count: int) -> Pairing:
    """Pair `count` paragraphs of a cell with the items of the cell beside it.

    `items` are the places of the items among their own cell's paragraphs (an action cell
    holds tags and notes too). Counts that match pair in order; one paragraph goes with every
    item; when the items' cell has paragraphs between them, each paragraph goes with the item
    whose place it lines up with or follows; otherwise every paragraph goes with every item,
    since the source gives no pairing."""
    n = len(items)
    if count == 0:
        return Pairing(groups=[[] for _ in items], how="none")
    if count == n:
        return Pairing(groups=[[i] for i in range(n)], how="in_order")
    if count == 1:
        return Pairing(groups=[[0] for _ in items], how="each")
    spans = [(start, items[i + 1] if i + 1 < n else count) for i, start in enumerate(items)]
    spread = list(items) != list(range(n)) and items[0] == 0
    if spread and all(start < end <= count for start, end in spans):
        return Pairing(groups=[list(range(s, e)) for s, e in spans], how="by_position")
    return Pairing(groups=[list(range(count)) for _ in items], how="all")


@dataclass
class Criteria:
    """The success criteria read so far, by the item they belong to and their statement.

    Rule 13 of seed/README.md: a criterion is one statement of what good looks like for its
    objective (or outcome, or area), and any number of actions link to it, so a statement
    written again within the same item, in a cell of its own, is the criterion written
    before, not another one."""

    keys: dict[tuple[int, str], str] = field(default_factory=dict)

    def key(self, owner: object, statement: str) -> tuple[str, bool]:
        """The key of the owner's criterion with this statement, and whether it is new."""
        where = (id(owner), statement)
        found = self.keys.get(where)
        if found is not None:
            return found, False
        self.keys[where] = key = f"sc-{len(self.keys) + 1}"
        return key, True
