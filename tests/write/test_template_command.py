"""``python -m oplan_xl.write.template --regenerate``, as the README tells a maintainer
to run it, still works now that the template is a package."""

import subprocess
import sys

from oplan_xl.write.template import REFERENCE_FILE, reference_dir


def test_regenerate_as_a_module_writes_the_reference_workbook(tmp_path):
    done = subprocess.run([sys.executable, "-m", "oplan_xl.write.template", "--regenerate",
                           "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / REFERENCE_FILE).read_bytes() == (
        reference_dir() / REFERENCE_FILE).read_bytes()
