"""Resolving names: a file's department, a cell's strategy, programme, approach
or equipment type, looked up in the settings' lists the way an officer would
read them."""

from __future__ import annotations

import re

from oplan_xl.core.model import (
    Department,
    EquipmentType,
    Programme,
    Settings,
    Strategy,
    to_arabic_digits,
)
from oplan_xl.core.normalise import split_numbered
from oplan_xl.speed.text import clean_text, label_key

# Loose spellings seen in real files, mapped to the standard wording.
_SPELLING = (("พานิชย์", "พาณิชย์"),)


def _programme_key(name: object) -> str:
    key = label_key(name).removeprefix("แผนงาน").removeprefix("การ")
    for wrong, right in _SPELLING:
        key = key.replace(wrong, right)
    return key


def _equipment_key(name: object) -> str:
    key = label_key(name).removeprefix("ครุภัณฑ์")
    return "คอมพิวเตอร์หรืออิเล็กทรอนิกส์" if key == "คอมพิวเตอร์" else key


#: How the organisation is named after a department's name: its kind, abbreviated
#: or in full (as label keys: no spaces, lower case).
_ORGANISATION_WORDS = ("อบต", "อบจ", "ทต", "ทม", "ทน", "เทศบาล", "องค์การบริหารส่วน")


def _names_the_organisation(rest: str, org_key: str) -> bool:
    """Whether *rest*, what follows a department's name, names the organisation: its
    kind (``อบต.``, ``เทศบาล…``) or part of its own name (``หนองสมมุติ``)."""
    rest = rest.strip(".")
    return rest.startswith(_ORGANISATION_WORDS) or (len(rest) >= 3 and rest in org_key)


class Resolver:
    """Looks up departments, strategies, programmes, approaches and equipment types
    (the settings' lists, keyed once per run)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.departments: dict[str, Department] = {}
        for department in settings.departments:  # a later one wins, name or code
            self.departments[label_key(department.name)] = department
            self.departments[label_key(department.code)] = department
        self.strategies = {s.number: s for s in settings.strategies}
        self.strategy_names = {label_key(s.name): s for s in settings.strategies}
        self.programmes = {_programme_key(p.name): p for p in settings.programmes}
        self.approaches = {a.code: a for a in settings.approaches}
        self.types = {_equipment_key(t.name): t for t in settings.equipment_types}
        self.by_approach = settings.by_approach
        self.org_key = label_key(settings.org_name)

    def department(self, name: str) -> Department | None:
        """The department *name* names, by its name or its code."""
        return self.departments.get(label_key(name))

    def department_with_suffix(self, name: str) -> Department | None:
        """The one department whose name or code *name* starts with, the rest naming
        the organisation (``กองช่าง อบต.หนองสมมุติ``, ``สำนักปลัด เทศบาล``); None when
        no department, or more than one, reads that way."""
        key = label_key(name)
        found = {department.order: department for known, department in self.departments.items()
                 if known and key.startswith(known)
                 and _names_the_organisation(key[len(known):], self.org_key)}
        return next(iter(found.values())) if len(found) == 1 else None

    def strategy(self, value: object) -> Strategy | None:
        """The strategy a cell names: by its number (``2``, ``ยุทธศาสตร์ที่ ๒ …``),
        else by its name."""
        number, name = split_numbered(value)
        if number is not None:
            return self.strategies.get(number)
        return self.strategy_names.get(label_key(name))

    def programme_named(self, text: str) -> tuple[Programme | None, bool]:
        """The programme *text* names, and whether *text* spells it otherwise than
        the list does (spacing alone does not count)."""
        found = self.programmes.get(_programme_key(text))
        return found, found is not None and label_key(text) != label_key(found.name)

    def approach(self, value: object, strategy: Strategy) -> Programme | None:
        text = to_arabic_digits(clean_text(value))
        match = re.match(r"^(\d{1,9})\.(\d{1,9})(?!\d)", text)
        if match:
            found = self.approaches.get(f"{int(match.group(1))}.{int(match.group(2))}")
        else:
            found = next((a for a in self.settings.approaches
                          if label_key(a.name) == label_key(text)), None)
        return found if found is not None and found.strategy == strategy.number else None

    def equipment_type(self, value: object) -> EquipmentType | None:
        return self.types.get(_equipment_key(value))
