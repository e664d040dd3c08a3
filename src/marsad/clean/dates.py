"""Publication dates: from metadata strings, and from datelines in the text.

A date-only line at the top of a page is the page header's current date, not the publication
date: it is removed as boilerplate and never used. Month and weekday names come from
resources/clean/dateline.yaml.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

import regex

from marsad import resources
from marsad.text.normalize import normalize


@functools.cache
def _tables() -> tuple[dict[str, int], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], list[str]]:
    data = resources.yaml_data("clean/dateline.yaml")
    months: dict[str, int] = {}
    for num, names in data["months"].items():
        for name in names:
            months[normalize(name)] = int(num)
    mon = "|".join(sorted((regex.escape(m) for m in months), key=len, reverse=True))
    wd = "|".join(regex.escape(normalize(w)) for w in data["weekdays"])
    # 16 مايو 2024 | 16 مايو/ أيار 2024 | 26 مارس / مارس 2024
    date = rf"(?P<d>\d{{1,2}})\s*(?P<m>{mon})(?:\s*[/(-]\s*(?:{mon})\s*\)?)?\s*[،,]?\s*(?P<y>\d{{4}})"
    num = r"(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})|(?P<d3>\d{1,2})[-/.](?P<m3>\d{1,2})[-/.](?P<y3>\d{4})"
    any_date = rf"(?:{date}|{num})"
    only = regex.compile(
        rf"^\s*(?:(?:{wd})\s*[،,]?\s*)?{any_date}\s*(?:م)?\s*(?:[-|،,]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:ص|م|AM|PM|am|pm)?)?\s*$"
    )
    found = regex.compile(any_date)
    cues = "|".join(regex.escape(normalize(c)) for c in data["cues"])
    cue = regex.compile(rf"(?:^|\s)(?:{cues})\s*[:：]?\s*(?:(?:{wd})\s*[،,]?\s*)?{any_date}")
    return months, only, found, cue, [normalize(data["concordance"])]


def _from_match(m: regex.Match[str]) -> dt.date | None:
    months = _tables()[0]
    try:
        if m.group("d"):
            return dt.date(int(m.group("y")), months[m.group("m")], int(m.group("d")))
        if m.group("y2"):
            return dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        return dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except (ValueError, KeyError):
        return None


@functools.cache
def _cue_words() -> tuple[str, ...]:
    data = resources.yaml_data("clean/dateline.yaml")
    return tuple(normalize(c) for c in (*data["cues"], data["concordance"]))


def is_date_only_line(line_norm: str) -> bool:
    """A line that says nothing but a date (and maybe a weekday and a time): a page header."""
    return bool(_tables()[1].match(line_norm))


def parse_metadata_date(value: str) -> str | None:
    """ISO 8601 (date or date-time) for a metadata date string, or None if unparseable."""
    s = value.strip()
    if not s:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", s)
    if iso:
        y, mo, d, hh, mm, ss, _frac, tz = iso.groups()
        try:
            dt.date(int(y), int(mo), int(d))
        except ValueError:
            return None
        if hh is None:
            return f"{y}-{mo}-{d}"
        out = f"{y}-{mo}-{d}T{hh}:{mm}:{ss or '00'}"
        if tz:
            out += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
        return out
    try:
        parsed = email.utils.parsedate_to_datetime(s)
        return parsed.isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = _tables()[2].search(normalize(s))
    if m:
        d = _from_match(m)
        if d:
            return d.isoformat()
    return None


def dateline_date(lines_norm: list[str], max_lines: int = 12) -> dt.date | None:
    """A publication date announced in the text: a cue line ("نشر في 16 مايو 2024") or an
    SPA-style dateline with a Hijri/Gregorian concordance, within the first lines."""
    _months, _only, found, cue, concord = _tables()
    cue_words = _cue_words()
    for line in lines_norm[:max_lines]:
        if not any(w in line for w in cue_words):
            continue  # a cheap literal test before the regexes
        m = cue.search(line)
        if m:
            d = _from_match(m)
            if d:
                return d
        for c in concord:
            i = line.find(c)
            if i >= 0 and len(line) < 160:
                m2 = found.search(line, i)
                if m2:
                    d = _from_match(m2)
                    if d:
                        return d
    return None
