"""Reading preview.html back in tests, with the standard library's HTMLParser.

The parser records every table row with the id of the top-level section it is
in, its class and its cells' text, and the visible text of each top-level
section, so tests can compare the rendered figures with the Plan exactly.  Text of ``screen-only``
elements (hints for the planning officer) is left out: it is not printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

SECTION_TAGS = ("section", "footer")


@dataclass
class Row:
    section: str
    cls: str
    cells: list[str] = field(default_factory=list)
    spans: list[int] = field(default_factory=list)


class Book(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[str] = []  # top-level section ids, in order
        self.rows: list[Row] = []
        self.text: dict[str, list[str]] = {}
        self.tags: list[tuple[str, dict]] = []  # every start tag with its attributes
        self._stack: list[str] = []
        self._cell: list[str] | None = None
        self._in_style = False
        self._skip: tuple[str, int] | None = None  # (tag, depth) of a screen-only element
        self.feed(html)
        self.close()

    @property
    def section(self) -> str:
        return self._stack[0] if self._stack else ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if self._skip:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] + 1)
            return
        if "screen-only" in (attributes.get("class") or "").split():
            self._skip = (tag, 1)
            return
        if tag in SECTION_TAGS:
            if not self._stack:
                self.sections.append(attributes.get("id", ""))
            self._stack.append(attributes.get("id", ""))
        elif tag == "tr":
            self.rows.append(Row(self.section, attributes.get("class", "")))
        elif tag in ("td", "th"):
            self._cell = []
            if self.rows:
                self.rows[-1].spans.append(int(attributes.get("colspan") or 1))
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[0]:
                depth = self._skip[1] - 1
                self._skip = (tag, depth) if depth else None
            return
        if tag in SECTION_TAGS and self._stack:
            self._stack.pop()
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].cells.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style or self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        if self.section:
            self.text.setdefault(self.section, []).append(data)

    def rows_in(self, section: str, cls: str | None = None) -> list[Row]:
        return [row for row in self.rows
                if row.section == section and (cls is None or row.cls == cls)]

    def section_text(self, section: str) -> str:
        return " ".join(" ".join(self.text.get(section, [])).split())
