"""Generate a benchmark plan folder: N departments × R project rows (SPEC §4 layout).

    python bench/make_corpus.py OUT_DIR --departments 200 --rows 100 [--format xlsx|xls|ods]

Deterministic (seeded): the same arguments give the same rows.  Text is
composed from Thai phrase lists so cell lengths and character mix look like
real submissions.  .xls and .ods copies are made with LibreOffice headless.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from oplan_xl.core.layout import (  # noqa: E402
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    FUND_SOURCES,
    MONTH_KEYS,
    PROJECT_SHEET,
    project_columns,
)
from oplan_xl.core.model import Department  # noqa: E402
from oplan_xl.core.settings_layout import (  # noqa: E402
    STANDARD_EQUIPMENT_TYPES,
    STANDARD_PROGRAMMES,
    default_settings,
)
from oplan_xl.write.settings import write_settings  # noqa: E402

FISCAL_YEAR = 2568

ACTIONS = ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ปรับปรุงซ่อมแซมถนนลูกรัง", "ขุดลอกคลองส่งน้ำ",
           "ก่อสร้างรางระบายน้ำ ค.ส.ล.", "ขยายเขตประปาหมู่บ้าน", "ติดตั้งไฟฟ้าส่องสว่าง",
           "ฝึกอบรมอาชีพให้แก่ประชาชน", "ส่งเสริมการปลูกผักปลอดสารพิษ", "ป้องกันโรคไข้เลือดออก",
           "รณรงค์คัดแยกขยะต้นทาง", "จัดงานประเพณีลอยกระทง", "จัดการแข่งขันกีฬาต้านยาเสพติด",
           "อุดหนุนอาหารกลางวันโรงเรียน", "จัดซื้ออาหารเสริม (นม)", "อบรมอาสาสมัครป้องกันภัย",
           "ส่งเสริมกิจกรรมผู้สูงอายุ", "พัฒนาศักยภาพบุคลากร", "จัดทำแผนที่ภาษี")
TARGETS = ("กว้าง 4 เมตร ยาว 200 เมตร หนา 0.15 เมตร", "ผู้เข้าร่วมไม่น้อยกว่า 50 คน",
           "จำนวน 12 หมู่บ้าน", "ระยะทาง 1,200 เมตร", "นักเรียน 320 คน ตลอดปีการศึกษา",
           "พื้นที่ไม่น้อยกว่า 800 ตารางเมตร", "ครัวเรือนเป้าหมาย 150 ครัวเรือน")
PLACES = tuple(f"หมู่ที่ {n} บ้าน{name}" for n, name in enumerate(
    ("หนองบัว", "โนนสูง", "ดอนแดง", "ห้วยทราย", "นาเจริญ", "โคกกลาง", "ทุ่งใหญ่",
     "หนองแวง", "สามัคคี", "ป่าหวาย", "ศรีสุข", "บ่อทอง"), 1))


def make_corpus(out: Path, departments: int, rows: int, seed: int = 2568,
                quirky: int = 0) -> Path:
    """Write plan.xlsx and *departments* submissions of *rows* projects each.

    With *quirky* = n, every n-th department spells one programme loosely
    (งบกลาง for แผนงานงบกลาง): a name-variant warning, so that file gets a
    returned copy, as files with findings do.
    """
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "submissions").mkdir(parents=True)
    (out / "output").mkdir()
    settings = default_settings("องค์การบริหารส่วนจังหวัดทดสอบสมรรถนะ", FISCAL_YEAR,
                                "เมืองทดสอบ", "ทดสอบ")
    settings.departments = [Department(n, f"หน่วยงานทดสอบที่ {n}", f"d{n:03d}")
                            for n in range(1, departments + 1)]
    write_settings(settings, out / "plan.xlsx")
    columns = project_columns()
    strategies = [f"{s.number} {s.name}" for s in settings.strategies]
    for department in settings.departments:
        workbook = Workbook()
        info = workbook.active
        info.title = DEPARTMENT_SHEET
        for item in (("รายการ", "ค่า"), ("หน่วยงาน", department.name),
                     ("ปีงบประมาณ", FISCAL_YEAR)):
            info.append(item)
        ws = workbook.create_sheet(PROJECT_SHEET)
        ws.append([c.label for c in columns])
        for index in range(rows):
            start = rng.randrange(12)
            length = rng.choice((1, 1, 2, 3, 4, 12))
            months = {MONTH_KEYS[m] for m in range(start, min(12, start + length))}
            row = {
                "strategy": rng.choice(strategies),
                "group": rng.choice(STANDARD_PROGRAMMES),
                "name": f"โครงการ{rng.choice(ACTIONS)} {department.code}-{index + 1}",
                "activity": f"{rng.choice(ACTIONS)} {rng.choice(TARGETS)}",
                "budget": rng.randrange(5_000_00, 2_500_000_00) / 100,
                "place": rng.choice(PLACES),
                "responsible": department.name,
                "fund_source": FUND_SOURCES[0],
                "dev_plan_ref": f"หน้า {rng.randrange(20, 200)} ลำดับ {rng.randrange(1, 30)}",
            }
            if quirky and department.order % quirky == 0 and index == 0:
                row["group"] = "งบกลาง"
            ws.append([("✓" if c.key in months else row.get(c.key)) for c in columns])
        equipment = workbook.create_sheet(EQUIPMENT_SHEET)
        equipment.append([c.label for c in EQUIPMENT_COLUMNS])
        equipment.append([{"programme": STANDARD_PROGRAMMES[0], "category": "ค่าครุภัณฑ์",
                           "equipment_type": rng.choice(STANDARD_EQUIPMENT_TYPES),
                           "target": "จัดซื้อเครื่องคอมพิวเตอร์ จำนวน 1 เครื่อง",
                           "budget": 22000, "place": "ที่ทำการ", "m01": "✓"}.get(c.key)
                          for c in EQUIPMENT_COLUMNS])
        workbook.save(out / "submissions" / f"{department.code}.xlsx")
    return out


def convert(out: Path, fmt: str) -> None:
    """Replace the .xlsx submissions with .xls or .ods copies made by LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for --format xls/ods")
    folder = out / "submissions"
    sources = sorted(folder.glob("*.xlsx"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--headless", "--convert-to", fmt, "--outdir", str(folder),
                        *map(str, sources)], check=True, capture_output=True)
    for source in sources:
        source.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--departments", type=int, default=20)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--format", choices=("xlsx", "xls", "ods"), default="xlsx")
    parser.add_argument("--seed", type=int, default=2568)
    parser.add_argument("--quirky", type=int, default=0, metavar="N",
                        help="every N-th file gets a warning (and so a returned copy)")
    args = parser.parse_args()
    make_corpus(args.out, args.departments, args.rows, args.seed, args.quirky)
    if args.format != "xlsx":
        convert(args.out, args.format)
    print(f"{args.out}: {args.departments} × {args.rows} ({args.format})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
