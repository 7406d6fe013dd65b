"""The core model: settings, plan rows, money, the fiscal year and Thai digits.

Everything else imports this module; it imports nothing of ours.  Money is held
as integer satang (1 baht = 100 satang) from the moment a cell is read, so no
sum or percentage ever sees float drift.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

# --- Thai digits -----------------------------------------------------------

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


# str.translate looks up every character, a slow walk over Thai text; one regex
# search finds out first whether there is anything to translate.
_THAI_DIGIT = re.compile("[๐-๙]")
_ARABIC_DIGIT = re.compile("[0-9]")


def to_arabic_digits(text: str) -> str:
    """Return *text* with every Thai digit replaced by its Arabic digit."""
    return text.translate(_TO_ARABIC) if _THAI_DIGIT.search(text) else text


def to_thai_digits(text: str) -> str:
    """Return *text* with every Arabic digit replaced by its Thai digit."""
    return text.translate(_TO_THAI) if _ARABIC_DIGIT.search(text) else text


# --- Money -----------------------------------------------------------------

SATANG_PER_BAHT = 100
_CENT = Decimal("0.01")


def baht_to_satang(amount: Decimal) -> int:
    """Convert an exact baht amount with at most two decimals to satang.

    Raises ValueError when the amount has more than two decimals: the caller
    reports that as a finding instead of rounding silently.
    """
    satang = amount * SATANG_PER_BAHT
    if satang != satang.to_integral_value():
        raise ValueError(f"more than two decimals: {amount}")
    return int(satang)


def satang_to_decimal(satang: int) -> Decimal:
    """Return satang as an exact baht Decimal with two places."""
    return (Decimal(satang) / SATANG_PER_BAHT).quantize(_CENT)


def format_baht(satang: int, thai_digits: bool = False) -> str:
    """Format satang as ``1,234,567.89`` (Thai digits on request).

    Integer arithmetic, the same text as ``f"{satang_to_decimal(satang):,.2f}"``
    without a Decimal per figure (the preview formats one per row)."""
    whole, cents = divmod(-satang if satang < 0 else satang, SATANG_PER_BAHT)
    text = f"{'-' if satang < 0 else ''}{whole:,}.{cents:02d}"
    return to_thai_digits(text) if thai_digits else text


def percent(part: int, whole: int) -> Decimal:
    """Return part/whole as a percentage rounded half-up to two decimals.

    Python's round() rounds halves to even and disagrees with Excel's ROUND;
    the cached values we write must equal what a spreadsheet recalculates.
    """
    if whole == 0:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_CENT, rounding=ROUND_HALF_UP)


# --- Fiscal year -----------------------------------------------------------

#: Months of a Thai fiscal year, in order: October of the previous year first.
MONTHS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.",
          "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")
#: How many of MONTHS fall in the previous calendar year (ต.ค.–ธ.ค.).
MONTHS_IN_PREVIOUS_YEAR = 3
MONTHS_EN = ("Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
             "Apr", "May", "Jun", "Jul", "Aug", "Sep")

MIN_FISCAL_YEAR = 2540
MAX_FISCAL_YEAR = 2600


def year_labels(fiscal_year: int, thai_digits: bool = False) -> tuple[str, str]:
    """Return the two Buddhist-era labels over the month columns.

    The first covers ต.ค.–ธ.ค. (FY−1), the second ม.ค.–ก.ย. (FY).
    """
    labels = (f"พ.ศ. {fiscal_year - 1}", f"พ.ศ. {fiscal_year}")
    if thai_digits:
        return tuple(to_thai_digits(label) for label in labels)  # type: ignore[return-value]
    return labels


def month_runs(months: tuple[bool, ...]) -> list[tuple[int, int]]:
    """Return the runs of consecutive marked months as (first, last) indexes."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, marked in enumerate(list(months) + [False]):
        if marked and start is None:
            start = index
        elif not marked and start is not None:
            runs.append((start, index - 1))
            start = None
    return runs


# --- Editions of the regulation -------------------------------------------

EDITIONS = ("2548", "2559", "2561")


def infer_edition(fiscal_year: int) -> str:
    """Return the regulation edition in force for a fiscal year (SPEC §3)."""
    if fiscal_year <= 2560:
        return "2548"
    if fiscal_year == 2561:
        return "2559"
    return "2561"


def default_plan_kind(edition: str, fiscal_year: int) -> str:
    """Return the name of the development plan the operational plan follows."""
    if edition == "2548":
        return "แผนพัฒนาสามปี"
    if edition == "2561" and fiscal_year >= 2566:
        return "แผนพัฒนาท้องถิ่น"
    return "แผนพัฒนาท้องถิ่นสี่ปี"


def default_plan_period(edition: str, fiscal_year: int) -> str:
    """Return the default period of the development plan, e.g. ``2566-2570``."""
    if edition == "2548":
        return f"{fiscal_year}-{fiscal_year + 2}"
    if fiscal_year <= 2565:
        return "2561-2565" if fiscal_year == 2565 else "2561-2564"
    start = 2566 + (fiscal_year - 2566) // 5 * 5
    return f"{start}-{start + 4}"


def uses_approaches(edition: str) -> bool:
    """The 2548 edition groups by แนวทาง; later ones by แผนงาน."""
    return edition == "2548"


# --- Settings --------------------------------------------------------------


@dataclass(frozen=True)
class Strategy:
    number: int
    name: str

    @property
    def title(self) -> str:
        return f"{self.number}. {self.name}"


@dataclass(frozen=True)
class Programme:
    """A programme (แผนงาน) or, in the 2548 edition, an approach (แนวทาง)."""

    order: int
    name: str
    #: Approaches belong to one strategy and carry a code such as ``1.2``.
    strategy: int | None = None
    code: str = ""

    @property
    def title(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(frozen=True)
class Department:
    order: int
    name: str
    code: str


@dataclass(frozen=True)
class EquipmentType:
    order: int
    name: str


@dataclass(frozen=True)
class DevPlanProject:
    strategy: str
    name: str
    budget_satang: int | None
    reference: str


@dataclass
class Settings:
    """Everything the planning officer sets in ``plan.xlsx``."""

    org_name: str
    fiscal_year: int
    district: str = ""
    province: str = ""
    edition: str = ""
    plan_kind: str = ""
    plan_period: str = ""
    use_thai_digits: bool = False
    announce_date: str = ""
    announcer: str = ""
    announcer_title: str = ""
    responsible_unit: str = ""
    group_label: str = "ยุทธศาสตร์"
    strategies: list[Strategy] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    approaches: list[Programme] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    equipment_types: list[EquipmentType] = field(default_factory=list)
    dev_plan: list[DevPlanProject] = field(default_factory=list)
    part1: dict[str, str] = field(default_factory=dict)
    #: The settings workbook these were read from, for the ที่มา sheets: its SHA-256
    #: and size in bytes (empty for settings made in code).
    source_sha256: str = field(default="", compare=False)
    source_size: int = field(default=0, compare=False)
    #: The edition the forms are of, after the year in their titles: ``เพิ่มเติม
    #: ครั้งที่ 1/2568`` (``plan.editions``); empty for the plan as first announced.
    plan_edition: str = field(default="", compare=False)

    @property
    def plan_year_title(self) -> str:
        """``แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568`` and the edition, if any."""
        return " ".join(part for part in (
            f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {self.fiscal_year}", self.plan_edition)
            if part)

    def __post_init__(self) -> None:
        if not self.edition:
            self.edition = infer_edition(self.fiscal_year)
        if not self.plan_kind:
            self.plan_kind = default_plan_kind(self.edition, self.fiscal_year)
        if not self.plan_period:
            self.plan_period = default_plan_period(self.edition, self.fiscal_year)

    @property
    def by_approach(self) -> bool:
        return uses_approaches(self.edition)

    @property
    def second_level_label(self) -> str:
        """What the second grouping level is called: แผนงาน or แนวทาง."""
        return "แนวทาง" if self.by_approach else "แผนงาน"

    def groups(self) -> list[Programme]:
        """The second grouping level in force for this edition."""
        return self.approaches if self.by_approach else self.programmes


# --- Plan rows -------------------------------------------------------------


class Origin(NamedTuple):
    """Where a row came from: the file name, the sheet and the Excel row (1-based).

    Immutable and ordered by (file, sheet, row); a named tuple, not a frozen
    dataclass, because one is made for every row read and costs a third as much.
    """

    file: str
    sheet: str
    row: int

    def __str__(self) -> str:
        return f"{self.file} › {self.sheet} › แถว {self.row}"


@dataclass
class ProjectRow:
    """One project or activity, as it will appear on ผด.02."""

    origin: Origin
    department: str
    strategy: Strategy
    group: Programme
    name: str
    activity: str
    budget_satang: int
    place: str
    responsible: str
    months: tuple[bool, ...]
    fund_source: str = ""
    dev_plan_ref: str = ""
    note: str = ""
    #: A1 address of each field in the submission, for findings and annotations.
    cells: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class EquipmentRow:
    """One equipment item bought outside any project, as on ผด.02/1."""

    origin: Origin
    department: str
    programme: Programme
    category: str
    equipment_type: EquipmentType
    target: str
    budget_satang: int
    place: str
    responsible: str
    months: tuple[bool, ...]
    note: str = ""
    cells: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
