from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_format import ImportFormat

if TYPE_CHECKING:
    from ..models.import_finding import ImportFinding
    from ..models.plan_import_result_counts import PlanImportResultCounts
    from ..models.preview_area import PreviewArea
    from ..models.preview_plan import PreviewPlan
    from ..models.reading_choice import ReadingChoice


T = TypeVar("T", bound="PlanImportResult")


@_attrs_define
class PlanImportResult:
    """The plan read from a file: on a dry run what would be created, else what was.

    Attributes:
        format_ (ImportFormat):
        dry_run (bool):
        applied (bool): True when this request stored the plan.
        plan_id (None | str): The plan's id once stored: this request's, or the one already stored under the same key (a
            second import changes nothing).
        already_imported (bool): True when a plan with this key was already stored, so nothing changed.
        plan (None | PreviewPlan):
        counts (PlanImportResultCounts): How many of each kind of item the plan has (areas, actions, ...).
        tree (list[PreviewArea]): The areas, outcomes, objectives and actions.
        officers_to_create (list[str]): Lead officers not yet known for this council, who will be created.
        reading_choices (list[ReadingChoice]):
        warnings (list[ImportFinding]):
        errors (list[ImportFinding]): What stops the import; a dry run lists them all, an apply refuses with 422.
    """

    format_: ImportFormat
    dry_run: bool
    applied: bool
    plan_id: None | str
    already_imported: bool
    plan: None | PreviewPlan
    counts: PlanImportResultCounts
    tree: list[PreviewArea]
    officers_to_create: list[str]
    reading_choices: list[ReadingChoice]
    warnings: list[ImportFinding]
    errors: list[ImportFinding]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_plan import PreviewPlan

        format_ = self.format_.value

        dry_run = self.dry_run

        applied = self.applied

        plan_id: None | str
        plan_id = self.plan_id

        already_imported = self.already_imported

        plan: dict[str, Any] | None
        if isinstance(self.plan, PreviewPlan):
            plan = self.plan.to_dict()
        else:
            plan = self.plan

        counts = self.counts.to_dict()

        tree = []
        for tree_item_data in self.tree:
            tree_item = tree_item_data.to_dict()
            tree.append(tree_item)

        officers_to_create = self.officers_to_create

        reading_choices = []
        for reading_choices_item_data in self.reading_choices:
            reading_choices_item = reading_choices_item_data.to_dict()
            reading_choices.append(reading_choices_item)

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "dry_run": dry_run,
                "applied": applied,
                "plan_id": plan_id,
                "already_imported": already_imported,
                "plan": plan,
                "counts": counts,
                "tree": tree,
                "officers_to_create": officers_to_create,
                "reading_choices": reading_choices,
                "warnings": warnings,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_finding import ImportFinding
        from ..models.plan_import_result_counts import PlanImportResultCounts
        from ..models.preview_area import PreviewArea
        from ..models.preview_plan import PreviewPlan
        from ..models.reading_choice import ReadingChoice

        d = dict(src_dict)
        format_ = ImportFormat(d.pop("format"))

        dry_run = d.pop("dry_run")

        applied = d.pop("applied")

        def _parse_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        already_imported = d.pop("already_imported")

        def _parse_plan(data: object) -> None | PreviewPlan:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                plan_type_0 = PreviewPlan.from_dict(data)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreviewPlan, data)

        plan = _parse_plan(d.pop("plan"))

        counts = PlanImportResultCounts.from_dict(d.pop("counts"))

        tree = []
        _tree = d.pop("tree")
        for tree_item_data in _tree:
            tree_item = PreviewArea.from_dict(tree_item_data)

            tree.append(tree_item)

        officers_to_create = cast(list[str], d.pop("officers_to_create"))

        reading_choices = []
        _reading_choices = d.pop("reading_choices")
        for reading_choices_item_data in _reading_choices:
            reading_choices_item = ReadingChoice.from_dict(reading_choices_item_data)

            reading_choices.append(reading_choices_item)

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = ImportFinding.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportFinding.from_dict(errors_item_data)

            errors.append(errors_item)

        plan_import_result = cls(
            format_=format_,
            dry_run=dry_run,
            applied=applied,
            plan_id=plan_id,
            already_imported=already_imported,
            plan=plan,
            counts=counts,
            tree=tree,
            officers_to_create=officers_to_create,
            reading_choices=reading_choices,
            warnings=warnings,
            errors=errors,
        )

        plan_import_result.additional_properties = d
        return plan_import_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
