"""The guards that stay hand-written, and the libraries under the others.

The hand-written ones mirror what python-calamine 0.9 does (see the docstrings
of read/guards/xls.py, xlsx.py and ods.py); a python-calamine outside the range
they were checked against must fail here first, so that they are checked again.
"""

from __future__ import annotations

import io
import struct
import zipfile
from importlib.metadata import version

import pytest

from oplan_xl.read.guards.refusal import UnreadableWorkbook, check_extent
from oplan_xl.read.guards.xls import compound_file, xls_sheets
from oplan_xl.read.guards.xml_parts import Prolog, well_formed
from oplan_xl.read.guards.zip import check_zip

from ..builders import DATA

HOSTILE = DATA / "hostile"


def test_python_calamine_is_the_version_the_guards_were_checked_against():
    assert version("python-calamine").startswith("0.9."), \
        "check read/guards against this python-calamine, then widen setup.cfg and this test"


def test_an_xls_container_is_read_by_olefile():
    container = compound_file((DATA / "habit-saved-as-xls.xls").read_bytes())
    assert "Workbook" in container.streams
    sheets = xls_sheets(container.workbook)
    assert [sheet.name for sheet in sheets][:2] == ["หน่วยงาน", "โครงการ"]
    assert all(sheet.rows and sheet.cols for sheet in sheets[:2])


@pytest.mark.parametrize("name, reason", [
    ("xls-chain-loop.xls", "sector chain broken at 0x11"),  # olefile reads it; calamine loops
    ("truncated.xls", "sector chain broken at 0x11"),
    ("xls-header-counts.xls", "header counts larger than the file"),  # calamine aborts
])
def test_what_calamine_does_unlike_olefile_is_refused(name, reason):
    with pytest.raises(UnreadableWorkbook) as refused:
        compound_file((HOSTILE / name).read_bytes())
    assert str(refused.value.reason) == f"damaged .xls container: {reason}"


def test_a_difat_chain_that_loops_is_refused():
    """calamine follows the DIFAT chain whatever the header's DIFAT count (0 here)
    says; olefile does not read it at all."""
    data = bytearray((DATA / "habit-saved-as-xls.xls").read_bytes())
    last = len(data) // 512 - 2  # the last sector, pointing at itself
    struct.pack_into("<I", data, 0x44, last)
    struct.pack_into("<I", data, (last + 2) * 512 - 4, last)
    with pytest.raises(UnreadableWorkbook, match="DIFAT chain loops"):
        compound_file(bytes(data))


@pytest.mark.parametrize("name", ["billion-laughs-shared-strings.xlsx", "billion-laughs-utf16.xlsx",
                                  "xxe-file-styles.xlsx", "xxe-parameter-entity.xlsx",
                                  "ods-xxe-styles.ods"])
def test_a_dtd_in_any_part_is_refused_by_defusedxml(name):
    archive = zipfile.ZipFile(io.BytesIO((HOSTILE / name).read_bytes()))
    with pytest.raises(UnreadableWorkbook, match="declares a DTD"):
        check_zip(archive)


def test_the_old_openoffice_manifest_doctype_is_let_through_but_not_its_entities():
    doctype = (b'<?xml version="1.0"?><!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//'
               b'DTD Manifest 1.0//EN" "Manifest.dtd"><manifest:manifest xmlns:manifest='
               b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    prolog = Prolog("META-INF/manifest.xml")
    prolog.feed(doctype)
    assert prolog.root == "manifest"
    with pytest.raises(UnreadableWorkbook, match="declares a DTD"):
        Prolog("content.xml").feed(doctype)
    with pytest.raises(UnreadableWorkbook, match="entities"):
        Prolog("META-INF/manifest.xml").feed(b'<!DOCTYPE m [<!ENTITY e "x">]><m>&e;</m>')


def test_a_whole_part_must_be_well_formed():
    well_formed(b"<a><b/></a>", "content.xml")
    with pytest.raises(UnreadableWorkbook, match="not well-formed"):
        well_formed(b"<a><b></a>", "content.xml")


def test_an_entity_bomb_in_content_xml_is_refused_before_it_is_parsed_whole():
    data = (HOSTILE / "ods-billion-laughs.ods").read_bytes()
    with pytest.raises(UnreadableWorkbook, match="declares a DTD"):
        check_zip(zipfile.ZipFile(io.BytesIO(data)))


def test_the_shared_strings_count_calamine_reserves_for_is_refused():
    prolog = Prolog("xl/sharedStrings.xml")
    with pytest.raises(UnreadableWorkbook) as refused:
        prolog.feed(b'<sst xmlns="urn:x" uniqueCount="2000000000"><si/></sst>')
    assert refused.value.code == "file-too-large"


def test_an_extent_beyond_the_limits_names_the_column():
    with pytest.raises(UnreadableWorkbook) as refused:
        check_extent(5, 16_384, "โครงการ")
    assert refused.value.code == "sheet-too-large"
    assert refused.value.reason.text("en") == "values reach column XFD, beyond column CZ"
    assert refused.value.reason.text("th") == ("มีข้อมูลไปถึงคอลัมน์ XFD เกินคอลัมน์ CZ "
                                               "ที่โปรแกรมอ่านได้")
    check_extent(0, 0, "ว่าง")
