"""The finished plan: rows grouped, numbered and totalled, ready for any renderer.

Every renderer (the three workbooks, the preview, the tests) takes this one
object, so ผด.01 in a workbook and in the preview can never disagree.
Nothing here imports a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from oplan_xl.core.findings import FileTally
from oplan_xl.core.model import (
    EquipmentRow,
    EquipmentType,
    Programme,
    ProjectRow,
    Settings,
    Strategy,
    percent,
)


@dataclass
class ProjectGroup:
    """Projects of one strategy under one programme (or approach), numbered from 1."""

    strategy: Strategy
    group: Programme
    rows: list[ProjectRow]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def satang(self) -> int:
        return sum(row.budget_satang for row in self.rows)


@dataclass
class StrategyBlock:
    strategy: Strategy
    groups: list[ProjectGroup]

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def satang(self) -> int:
        return sum(group.satang for group in self.groups)


@dataclass
class EquipmentGroup:
    """Equipment of one type under one programme, numbered from 1."""

    equipment_type: EquipmentType
    programme: Programme
    rows: list[EquipmentRow]

    @property
    def satang(self) -> int:
        return sum(row.budget_satang for row in self.rows)


@dataclass
class EquipmentBlock:
    equipment_type: EquipmentType
    groups: list[EquipmentGroup]

    @property
    def count(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    @property
    def satang(self) -> int:
        return sum(group.satang for group in self.groups)


@dataclass(frozen=True)
class SummaryLine:
    """One figure line of ผด.01: a programme under a strategy, a strategy total,
    or the grand total."""

    kind: str  # "group" | "strategy-total" | "grand-total"
    label: str
    count: int
    count_percent: Decimal
    satang: int
    satang_percent: Decimal
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """A plan row with its place in the printed form: ``1.2/3`` is the third
    row of the second group of strategy 1."""

    place: str
    number: int
    row: ProjectRow | EquipmentRow


@dataclass
class Plan:
    settings: Settings
    strategies: list[StrategyBlock]
    equipment: list[EquipmentBlock] = field(default_factory=list)
    #: The input files the plan was built from (provenance).
    sources: list[FileTally] = field(default_factory=list)
    #: id() of a row → which edition it comes from, printed under its name in the
    #: current plan's ผด.02 and ผด.02/1 (``plan.editions``); empty for one edition.
    row_editions: dict[int, str] = field(default_factory=dict)

    def with_edition(self, row: ProjectRow | EquipmentRow, text: str) -> str:
        """*text* (the row's name or target) with the edition it comes from, if any."""
        edition = self.row_editions.get(id(row))
        return f"{text}\n({edition})" if edition else text

    @property
    def count(self) -> int:
        return sum(block.count for block in self.strategies)

    @property
    def satang(self) -> int:
        return sum(block.satang for block in self.strategies)

    @property
    def equipment_count(self) -> int:
        return sum(block.count for block in self.equipment)

    @property
    def equipment_satang(self) -> int:
        return sum(block.satang for block in self.equipment)

    def projects(self) -> list[ProjectRow]:
        """All project rows in the printed order."""
        return [row for block in self.strategies for group in block.groups
                for row in group.rows]

    def project_entries(self) -> list[Entry]:
        """Every project with its place in ผด.02, in the printed order."""
        entries = []
        for block in self.strategies:
            for group_number, group in enumerate(block.groups, 1):
                code = group.group.code or f"{block.strategy.number}.{group_number}"
                entries += [Entry(f"{code}/{n}", n, row) for n, row in enumerate(group.rows, 1)]
        return entries

    def equipment_entries(self) -> list[Entry]:
        entries = []
        for type_number, block in enumerate(self.equipment, 1):
            for group_number, group in enumerate(block.groups, 1):
                entries += [Entry(f"{type_number}.{group_number}/{n}", n, row)
                            for n, row in enumerate(group.rows, 1)]
        return entries

    def summary(self) -> list[tuple[StrategyBlock, list[SummaryLine], SummaryLine]]:
        """ผด.01 figures: per strategy its programme lines and its total line."""
        total_count, total_satang = self.count, self.satang

        def line(kind, label, count, satang, units) -> SummaryLine:
            return SummaryLine(kind, label, count, percent(count, total_count), satang,
                               percent(satang, total_satang), units)

        result = []
        for block in self.strategies:
            lines = [line("group", self.group_title(block, n, group.group), group.count,
                          group.satang, units_of(group.rows))
                     for n, group in enumerate(block.groups, 1)]
            result.append((block, lines, line("strategy-total", "รวม", block.count,
                                              block.satang, units_of(block_rows(block)))))
        return result

    def group_title(self, block: StrategyBlock, number: int, group: Programme) -> str:
        """``1.2 แผนงานการศึกษา``: approaches carry their own code, programmes are
        numbered within their strategy."""
        return group.title if group.code else f"{block.strategy.number}.{number} {group.name}"

    def grand_total(self) -> SummaryLine:
        """ผด.01's last line: every project, 100 per cent.  Its หน่วยดำเนินการ is left
        blank, as the regulation's form leaves it: the strategies' lines above name
        the units, and every unit listed again made the row ten lines tall."""
        count, satang = self.count, self.satang
        return SummaryLine("grand-total", "รวมทั้งสิ้น", count, percent(count, count), satang,
                           percent(satang, satang))


def block_rows(block: StrategyBlock) -> list[ProjectRow]:
    """A strategy's project rows, group after group."""
    return [row for group in block.groups for row in group.rows]


def units_of(rows: list[ProjectRow]) -> tuple[str, ...]:
    """Distinct responsible units of *rows*, in order of first appearance.

    A row may name two units (``สำนักปลัด / กองสวัสดิการสังคม``); each counts.
    """
    units: dict[str, None] = {}
    for row in rows:
        units.update(dict.fromkeys(unit.strip() for unit in row.responsible.split("/")
                                   if unit.strip()))
    return tuple(units)


def make_plan(settings: Settings, projects: list[ProjectRow],
              equipment: list[EquipmentRow], sources: list[FileTally] | None = None) -> Plan:
    """Group, order and number the accepted rows as the forms print them.

    Strategies follow the settings' order, and so do programmes (approaches)
    and equipment types; within a group rows keep the departments' order,
    then file and row, so the same inputs always give the same plan.
    """
    department_order = {d.name: d.order for d in settings.departments}

    def row_order(row):
        return (department_order.get(row.department, len(department_order) + 1), row.origin)

    # One pass puts every row under its (strategy, group); the settings' order
    # then lays the groups out.
    group_order = {g: n for n, g in enumerate(settings.groups())}
    by_group: dict[tuple, list[ProjectRow]] = {}
    for project in projects:
        by_group.setdefault((project.strategy, project.group), []).append(project)
    blocks = []
    for strategy in sorted(settings.strategies, key=lambda s: s.number):
        mine = sorted((group for key_strategy, group in by_group if key_strategy == strategy),
                      key=group_order.__getitem__)
        blocks.append(StrategyBlock(strategy, [
            ProjectGroup(strategy, group, sorted(by_group[(strategy, group)], key=row_order))
            for group in mine]))

    programme_order = {p: n for n, p in enumerate(settings.programmes)}
    by_type: dict[tuple, list[EquipmentRow]] = {}
    for item in equipment:
        by_type.setdefault((item.equipment_type, item.programme), []).append(item)
    equipment_blocks = []
    for equipment_type in settings.equipment_types:
        mine = sorted((programme for key_type, programme in by_type
                       if key_type == equipment_type), key=programme_order.__getitem__)
        if not mine:
            continue
        equipment_blocks.append(EquipmentBlock(equipment_type, [
            EquipmentGroup(equipment_type, programme,
                           sorted(by_type[(equipment_type, programme)], key=row_order))
            for programme in mine]))
    return Plan(settings, blocks, equipment_blocks, list(sources or []))
