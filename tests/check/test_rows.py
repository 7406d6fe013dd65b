from hypothesis import given
from hypothesis import strategies as st

from oplan_xl.api import check

from ..builders import equipment, make_plan, project, write_submission


def positions(report, severity=None):
    return sorted((f.file, f.cell, f.code) for f in report.findings
                  if severity is None or f.severity == severity)


def test_clean_submission_is_planned_exactly(tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [
        project(budget=100000.25),
        project(strategy="๒ ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจและการเกษตร",
                group="แผนงานการเกษตร", name="ส่งเสริมการปลูกผักปลอดสาร",
                budget="1,500,000.-", months=(4, 5, 6))],
        [equipment(budget=11000.5)], department="กองช่าง")
    report = check(plan_dir)
    assert positions(report, "error") == []
    assert [p.budget_satang for p in report.projects] == [10000025, 150000000]
    assert report.projects[1].strategy.number == 2
    assert report.projects[1].group.name == "แผนงานการเกษตร"
    assert report.projects[1].months == tuple(i in (3, 4, 5) for i in range(12))
    assert report.projects[0].responsible == "กองช่าง"  # defaults to the sender
    assert report.equipment[0].budget_satang == 1100050
    total = report.total()
    assert (total.rows_read, total.rows_planned, total.rows_rejected) == (3, 3, 0)
    assert total.satang_read == 10000025 + 150000000 + 1100050


def test_each_bad_cell_is_located(tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [
        project(strategy="9"),                         # row 2
        project(group="แผนงานอวกาศ", name="b"),        # row 3
        project(budget="ห้าพันบาท", name="c"),          # row 4
        project(budget=-5, name="d"),                  # row 5
        project(budget=10.005, name="e"),              # row 6
        project(months=(), name="f"),                  # row 7
        project(place=None, name="g"),                 # row 8
    ], department="กองช่าง")
    report = check(plan_dir)
    assert positions(report, "error") == [
        ("works.xlsx", "A2", "unknown-strategy"),
        ("works.xlsx", "B3", "unknown-programme"),
        ("works.xlsx", "E4", "budget-not-number"),
        ("works.xlsx", "E5", "budget-not-positive"),
        ("works.xlsx", "E6", "budget-too-many-decimals"),
        ("works.xlsx", "F8", "required-empty"),
        ("works.xlsx", "H7", "no-month"),
    ]
    total = report.total()
    assert (total.rows_read, total.rows_planned, total.rows_rejected) == (7, 0, 7)
    # rejected rows keep their baht in the reconciliation: 4 x 100000 - 5 + 10.01
    assert total.satang_rejected == 4 * 10000000 - 500 + 1001
    assert total.balanced


def test_name_variants_are_mapped_with_a_warning(tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [
        project(group="งบกลาง", name="a"),
        project(group="การศาสนา วัฒนธรรม และนันทนาการ", name="b"),
        project(group="แผนงานการพานิชย์", name="c"),
        project(group="แผนงานรักษาความสงบภายใน", name="d"),
    ], [equipment(equipment_type="คอมพิวเตอร์")], department="กองช่าง")
    report = check(plan_dir)
    assert report.ok
    assert [p.group.name for p in report.projects] == [
        "แผนงานงบกลาง", "แผนงานการศาสนาวัฒนธรรมและนันทนาการ", "แผนงานการพาณิชย์",
        "แผนงานการรักษาความสงบภายใน"]
    assert report.equipment[0].equipment_type.name == "ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์"
    variants = [(f.cell, f.code) for f in report.findings if f.code == "name-variant"]
    assert variants == [("B2", "name-variant"), ("B3", "name-variant"),
                        ("B4", "name-variant"), ("B5", "name-variant"),
                        ("C2", "name-variant")]


def test_plan_level_findings(tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name="ซ่อมถนน"), project(name="ซ่อม ถนน", budget=5)],
                     department="กองช่าง")
    write_submission(plan_dir / "submissions" / "mystery.xlsx", [project(name="อื่น")],
                     department="กองที่ไม่มีจริง")
    write_submission(plan_dir / "submissions" / "finance.xlsx", [project(name="x")],
                     year=2567)
    report = check(plan_dir)
    codes = positions(report)
    assert ("works.xlsx", "C3", "duplicate-project") in codes
    assert ("mystery.xlsx", "", "unknown-department") in codes
    assert ("finance.xlsx", "B2", "fiscal-year-mismatch") in codes
    missing = sorted(f.params for f in report.findings if f.code == "department-no-submission")
    assert len(missing) == 4  # palad, education, health, welfare sent nothing
    # the wrong-year file's row is rejected, not planned
    finance = next(t for t in report.files if t.file == "finance.xlsx")
    assert (finance.rows_read, finance.rows_planned, finance.rows_rejected) == (1, 0, 1)
    assert not report.ok


def test_equipment_in_a_2548_plan_is_rejected_not_lost(tmp_path):
    plan_dir = make_plan(tmp_path, year=2559)
    write_submission(plan_dir / "submissions" / "works.xlsx", [project(group="1.1", name="a")],
                     [equipment(budget=11000)], group_label="แนวทาง", department="กองช่าง",
                     year=2559)
    report = check(plan_dir)
    assert positions(report, "error") == [("works.xlsx", "D2", "equipment-no-form")]
    assert report.equipment == [] and len(report.projects) == 1
    total = report.total()
    assert (total.rows_rejected, total.satang_rejected) == (1, 1100000)


@given(st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                 st.integers(-10**12, 10**12).map(float)))
def test_budget_of_a_number_cell_agrees_with_the_exact_arithmetic(value):
    """A number cell's satang and verdict are those of exact Decimal arithmetic,
    floats and whole numbers alike."""
    from decimal import ROUND_HALF_UP, Decimal

    from oplan_xl.check.rows import budget_satang
    from oplan_xl.core.limits import MAX_BUDGET_BAHT
    from oplan_xl.core.normalise import NotANumber, is_blank, parse_amount

    if is_blank(value):
        expected = (0, "required-empty")
    else:
        try:
            amount = parse_amount(value)
        except NotANumber:
            expected = (0, "budget-not-number")
        else:
            if abs(amount) > MAX_BUDGET_BAHT:
                expected = (0, "budget-too-large")
            else:
                satang = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
                if satang != amount * 100:
                    expected = (satang, "budget-too-many-decimals")
                else:
                    expected = (satang, None if amount > 0 else "budget-not-positive")
    assert budget_satang(value) == expected


def test_a_formulas_float_noise_is_the_amount_a_person_sees(tmp_path):
    """A budget cell computed as quantity × price caches 14813.400000000001 (Excel shows
    14,813.40): planned at 1,481,340 satang with no finding.  A third decimal someone
    typed is still a finding at its cell."""
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [
        project(budget=3 * 4937.8),
        project(name="ขุดลอกคลอง", budget=0.1 + 0.2),
        project(name="ซ่อมถนน", budget=1234.567)], [], department="กองช่าง")
    report = check(plan_dir)
    assert 3 * 4937.8 == 14813.400000000001  # the noise this test is about
    assert [p.budget_satang for p in report.projects] == [1481340, 30]
    assert positions(report, "error") == [("works.xlsx", "E4", "budget-too-many-decimals")]


@given(st.integers(1, 10**11), st.integers(1, 50))
def test_an_amount_times_a_count_computed_in_floats_is_exact(satang, count):
    """Whatever the float arithmetic of quantity × price leaves over, the planned
    figure is the exact product, to the satang."""
    from oplan_xl.check.rows import budget_satang

    value = satang / 100 * count
    assert budget_satang(value) == (satang * count, None)
