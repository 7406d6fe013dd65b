"""speed.rowheights: the remembered visible length answers exactly as the rule."""

from __future__ import annotations

from oplan_xl.core import normalise
from oplan_xl.speed import rowheights


def test_remembered_visible_length_agrees_with_the_rule_text_by_text():
    rowheights.visible_length.cache_clear()
    texts = ["", "abc", "น้ำ", "กิจกรรมส่งเสริมสุขภาพผู้สูงอายุ", "e\u0301", "ไทย\u200b", "\n"]
    for text in texts + texts:  # the second time from the memo
        assert rowheights.visible_length(text) == normalise.visible_length(text)
    assert rowheights.visible_length.cache_info().hits == len(texts)
