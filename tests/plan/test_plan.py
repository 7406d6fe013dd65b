from decimal import Decimal

from oplan_xl.api import check
from oplan_xl.plan.grouping import make_plan
from oplan_xl.read.settings import read_settings

from ..builders import equipment, project, write_submission
from ..builders import make_plan as make_plan_dir


def _plan(tmp_path, projects, equipment_rows=()):
    plan_dir = make_plan_dir(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", projects, equipment_rows,
                     department="กองช่าง")
    report = check(plan_dir)
    assert report.ok, [f.code for f in report.errors]
    return make_plan(read_settings(plan_dir / "plan.xlsx"), report.projects, report.equipment)


def test_grouping_order_follows_settings_not_input(tmp_path):
    plan = _plan(tmp_path, [
        project(strategy="3", group="แผนงานสาธารณสุข", name="c1"),
        project(strategy="1", group="แผนงานอุตสาหกรรมและการโยธา", name="a2"),
        project(strategy="1", group="แผนงานเคหะและชุมชน", name="a1"),
        project(strategy="1", group="แผนงานอุตสาหกรรมและการโยธา", name="a3"),
    ])
    layout = [(block.strategy.number, [(g.group.name, [r.name for r in g.rows])
                                       for g in block.groups])
              for block in plan.strategies if block.groups]
    assert layout == [
        (1, [("แผนงานเคหะและชุมชน", ["a1"]),
             ("แผนงานอุตสาหกรรมและการโยธา", ["a2", "a3"])]),
        (3, [("แผนงานสาธารณสุข", ["c1"])]),
    ]


def test_percentages_round_half_up_and_total_is_100(tmp_path):
    plan = _plan(tmp_path, [
        project(strategy="1", name="a", budget=100000.01),
        project(strategy="2", group="แผนงานการเกษตร", name="b", budget=100000.01),
        project(strategy="3", group="แผนงานสาธารณสุข", name="c", budget=100000.01),
    ])
    summary = plan.summary()
    group_lines = [line for _, lines, _ in summary for line in lines]
    assert [line.count_percent for line in group_lines] == [Decimal("33.33")] * 3
    assert [line.satang_percent for line in group_lines] == [Decimal("33.33")] * 3
    grand = plan.grand_total()
    assert (grand.count, grand.satang) == (3, 30000003)
    assert grand.count_percent == Decimal("100.00") == grand.satang_percent
    assert group_lines[0].label == "1.1 แผนงานเคหะและชุมชน"


def test_strategy_totals_and_units(tmp_path):
    plan = _plan(tmp_path, [
        project(name="a", budget=1000, responsible="กองช่าง"),
        project(name="b", group="แผนงานอุตสาหกรรมและการโยธา", budget=2000.5,
                responsible="อบจ.ทดสอบ"),
        project(name="c", budget=3000, responsible="กองช่าง"),
    ])
    block, lines, total = plan.summary()[0]
    assert [(line.count, line.satang) for line in lines] == [(2, 400000), (1, 200050)]
    assert (total.count, total.satang) == (3, 600050)
    assert total.units == ("กองช่าง", "อบจ.ทดสอบ")
    # 400000 / 600050 = 66.6611…%, 200050 / 600050 = 33.3389…%
    assert [line.satang_percent for line in lines] == [Decimal("66.66"), Decimal("33.34")]


def test_equipment_grouped_by_type_then_programme(tmp_path):
    plan = _plan(tmp_path, [project()], [
        equipment(equipment_type="ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์", target="x1"),
        equipment(target="s1"),
        equipment(programme="แผนงานการศึกษา", target="s2"),
        equipment(target="s3"),
    ])
    layout = [(b.equipment_type.name, [(g.programme.name, [r.target for r in g.rows])
                                       for g in b.groups]) for b in plan.equipment]
    assert layout == [
        ("ครุภัณฑ์สำนักงาน", [("แผนงานบริหารงานทั่วไป", ["s1", "s3"]),
                              ("แผนงานการศึกษา", ["s2"])]),
        ("ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์", [("แผนงานบริหารงานทั่วไป", ["x1"])]),
    ]
    assert plan.equipment_satang == 4 * 1100000
