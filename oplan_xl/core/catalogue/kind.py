"""What a catalogue entry is: a code, its severity, its Thai and English templates."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class FindingKind:
    code: str
    severity: str
    th: str
    en: str
