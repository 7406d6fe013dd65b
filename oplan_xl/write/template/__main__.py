"""``python -m oplan_xl.write.template --regenerate``: rewrite the reference workbook."""

import sys

from oplan_xl.write.template.reference import main

sys.exit(main())
