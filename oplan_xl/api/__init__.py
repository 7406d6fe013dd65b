"""The library API: one call per command (init, template, import, check, build, edition,
demo).

The CLI calls exactly one of these and formats what it returns; tests and
other programs can call them directly.  Data flows one way:
settings + submissions → read → check → plan → render.
"""

from oplan_xl.api.base import (  # noqa: F401
    DATA_FILES,
    DEMO_MARKER,
    EARLIER_VERSIONS,
    FORM_FILES,
    OUTPUT,
    STALE_PREFIX,
    SUBMISSIONS,
    TEMPLATES,
    WORKBOOK_SUFFIXES,
    BuildResult,
    CheckResult,
    check,
    import_plan,
    import_summary,
    init_plan,
    load_settings,
    new_folder,
    review,
    set_aside_stale,
    set_aside_submission,
    write_findings,
    write_findings_in,
    write_templates,
)
from oplan_xl.api.build import (  # noqa: F401
    _demo_inputs,
    build,
    copy_sample,
    demo,
    demo_edits,
    sample_plan_dir,
)
from oplan_xl.api.editions import (  # noqa: F401
    CURRENT,
    EDITION_FILE,
    EDITIONS,
    EditionResult,
    _apply,
    _edition_year,
    apply_editions,
    build_editions,
    current_rows,
    list_submissions_of,
    new_edition,
)
from oplan_xl.api.followup import (  # noqa: F401
    RESULTS,
    follow_up_report,
    write_results_templates,
)
from oplan_xl.api.launcher import LAUNCHER, write_launcher  # noqa: F401
