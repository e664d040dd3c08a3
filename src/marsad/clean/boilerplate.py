"""Line-level boilerplate recognition, from resources/clean/boilerplate.yaml plus layout rules.

Works on already-extracted text (as scraped .txt files are) and on trafilatura's output alike.
"""

from __future__ import annotations

import functools
import re

import regex

from marsad import resources
from marsad.clean.dates import is_date_only_line
from marsad.text.normalize import normalize

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TERMINAL = re.compile(r"[.!?؟…:\"”»'’)]\s*$")


def norm_lines(body: str) -> list[str]:
    """norm_line of each line of `body` (split on "\\n"), normalising the text once."""
    return [" ".join(x.split()) for x in normalize(body).split("\n")]


def norm_line(line: str) -> str:
    return " ".join(normalize(line).split())


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], int]:
    data = resources.yaml_data("clean/boilerplate.yaml")

    def combined(section: dict[str, list[str]], anchor_end: bool) -> regex.Pattern[str]:
        alts = []
        for cat, pats in section.items():
            for i, p in enumerate(pats):
                alts.append(f"(?P<{cat}_{i}>{normalize(p)})")
        end = r"\s*[.!:،,]*\s*$" if anchor_end else ""
        return regex.compile(r"^(?:" + "|".join(alts) + ")" + end, regex.IGNORECASE)

    return combined(data["full"], True), combined(data["prefix"], False), int(data["max_words_prefix"])


def category(line_norm: str) -> str | None:
    """The boilerplate category of a normalised line, or None if it may be content."""
    full, prefix, max_words = _patterns()
    m = full.match(line_norm)
    if m:
        return m.lastgroup.rsplit("_", 1)[0] if m.lastgroup else "boilerplate"
    if len(line_norm.split()) <= max_words:
        m = prefix.match(line_norm)
        if m:
            return m.lastgroup.rsplit("_", 1)[0] if m.lastgroup else "boilerplate"
    if is_date_only_line(line_norm):
        return "header_date"
    return None


def has_arabic(s: str) -> bool:
    return bool(_ARABIC.search(s))


def ends_sentence(s: str) -> bool:
    return bool(_TERMINAL.search(s))
