"""XML parts: no DTD, no entities, and nothing but XML where XML is expected.

An XML parser that allows a DTD can be made to expand an entity bomb or to
read a file (or a web address) named by an external entity.  Excel and
LibreOffice never write a DTD, so every XML part of a workbook is refused when
it declares one: defusedxml's expat reader raises DTDForbidden,
EntitiesForbidden or ExternalReferenceForbidden, and that becomes
file-unreadable here.

Only the prolog of a part is parsed when the zip is checked (a DOCTYPE may
only come before the root element), and the root element is recorded.  A
part that the byte scanners walk is parsed whole first (``well_formed``), so
that they may rely on its structure: by then the part has passed the zip
check, so that parse looks at structure only.
"""

from __future__ import annotations

import re
from xml.parsers import expat
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import create_parser

from oplan_xl.core import limits
from oplan_xl.core.reasons import reason, said
from oplan_xl.read.guards.refusal import UnreadableWorkbook

# UTF-32 and EBCDIC forms of "<" or "<?xm" (XML 1.0 appendix F): expat reads
# neither, other parsers do, so such a part is refused rather than skipped.
_EXOTIC_XML = (b"\x00\x00\x00<", b"<\x00\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00",
               b"\x4c\x6f\xa7\x94")
_XML_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_PICTURES = re.compile(r"(^|/)(media|Pictures)/|\.svg$", re.I)
#: Old OpenOffice wrote a DOCTYPE naming its manifest's DTD; no parser here
#: loads an external DTD, so that one part may keep it (entities stay refused).
_MANIFEST = "META-INF/manifest.xml"


def _parser(part: str, handler: ContentHandler):
    manifest = part == _MANIFEST
    parser = create_parser(forbid_dtd=not manifest, forbid_entities=True,
                           forbid_external=not manifest)
    parser.setContentHandler(handler)
    return parser


def _refusal(part: str, exc: Exception) -> UnreadableWorkbook:
    if isinstance(exc, DTDForbidden):
        return UnreadableWorkbook(reason("xml-dtd", part=part))
    if isinstance(exc, (EntitiesForbidden, ExternalReferenceForbidden)):
        return UnreadableWorkbook(reason("xml-entities", part=part))
    return UnreadableWorkbook(reason("xml-not-well-formed", part=part, why=said(exc)))


#: What a parser raises on a part that is refused (LookupError: an unknown encoding=).
_XML_ERRORS = (SAXException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden,
               LookupError, ValueError)


def well_formed(data: bytes, part: str = "") -> None:
    """Parse *data* whole, building nothing; refuse it if it is not XML.  *part*
    names it ("": a sheet whose part name is not at hand).

    For a part that passed ``Prolog`` (every part does, when the zip is
    checked): its DTD, if any, was refused there.
    """
    parser = expat.ParserCreate()
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, LookupError, ValueError) as exc:
        if part:
            raise UnreadableWorkbook(reason("xml-not-well-formed", part=part,
                                            why=said(exc))) from exc
        raise UnreadableWorkbook(reason("sheet-xml-not-well-formed", why=said(exc))) from exc


class _RootReached(Exception):
    pass


class _Root(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.name = ""
        self.attributes: dict[str, str] = {}

    def startElement(self, name: str, attrs) -> None:  # SAX names it so
        self.name = name.rpartition(":")[2]
        self.attributes = dict(attrs)
        raise _RootReached


class Prolog:
    """Reads an XML part up to its root element, chunk by chunk; refuses a DTD.

    Parts that do not look like XML (pictures, printer settings, a VBA project)
    are left alone.  ``root`` is the local name of the root element.
    """

    def __init__(self, part: str) -> None:
        self.part = part
        self.done = False
        self.root = ""
        self.fed = 0
        self.started = False
        self.handler = _Root()
        self.parser = None

    def feed(self, chunk: bytes) -> None:
        if not self.started:
            self.started = True
            if not self._looks_like_xml(chunk):
                self.done = True
                return
            self.parser = _parser(self.part, self.handler)
        self.fed += len(chunk)
        try:
            self.parser.feed(chunk)
        except _RootReached:
            self.done = True
            self.root = self.handler.name
            _check_root(self.part, self.root, self.handler.attributes)
            return
        except _XML_ERRORS as exc:
            raise _refusal(self.part, exc) from exc
        if self.fed > limits.MAX_XML_PROLOG_BYTES:
            raise UnreadableWorkbook(reason("xml-nothing-near-start", part=self.part,
                                            kilobytes=limits.MAX_XML_PROLOG_BYTES // 1024))

    def close(self) -> None:
        if self.started and not self.done:
            raise UnreadableWorkbook(reason("xml-nothing", part=self.part))

    def _looks_like_xml(self, chunk: bytes) -> bool:
        if _PICTURES.search(self.part):
            return False  # an SVG picture may carry a DTD; no reader here parses it
        if chunk[:4].startswith(_EXOTIC_XML):
            raise UnreadableWorkbook(reason("xml-odd-encoding", part=self.part))
        return chunk.lstrip(b" \t\r\n").startswith(b"<") or chunk.startswith(_XML_STARTS)


def _check_root(part: str, root: str, attributes: dict[str, str]) -> None:
    if root == "sst":
        # calamine reserves room for the declared number before reading one.
        declared = attributes.get("uniqueCount", "")
        if declared.isdigit() and int(declared[:12]) > limits.MAX_SHARED_STRINGS:
            raise UnreadableWorkbook(reason("shared-strings-count", part=part,
                                            count=int(declared[:12])), "file-too-large")
