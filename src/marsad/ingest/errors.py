"""Read errors: one per unreadable input, reported as one line on stderr."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadError:
    path: str
    reason: str

    def line(self) -> str:
        return f"marsad: {self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left unanalysed because the caller already holds its analysis (same input hash)."""

    id: str
