"""The width a text takes on paper, remembered per text, for the forms' row heights.

The forms set every row's height from the text it holds
(``write.forms.common.text_lines``), which counts each text's characters that
take width (``core.normalise.visible_length``: Thai vowel and tone marks above
and below the line take none).  A form repeats its texts: the same activity,
place and responsible office on row after row, and each project's name on
ผด.02 and again where a longer column asks.

The rule stays in ``core.normalise``, written once; this module only remembers
its answers.  The memo is bounded (the texts least recently asked for make
room), so a form of distinct texts costs what the plain rule costs.
"""

from __future__ import annotations

from functools import lru_cache

from oplan_xl.core import normalise

#: ``normalise.visible_length``, remembered per text.
visible_length = lru_cache(maxsize=32768)(normalise.visible_length)
