"""Calendar arithmetic for TIMEX3 values: shifting by units, ISO weeks, weekdays, Hijri dates."""

from __future__ import annotations

import datetime as dt
import functools

from hijridate import Gregorian, Hijri


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_near(pub: dt.date, iso_wd: int, direction: int) -> dt.date:
    """The day with ISO weekday `iso_wd` nearest to `pub`: on or before it (direction <= 0, or -2
    for strictly before) or on or after it (direction >= 1, or 2 for strictly after)."""
    diff = (iso_wd - pub.isoweekday()) % 7
    if direction > 0:
        if diff == 0 and direction == 2:
            diff = 7
        return pub + dt.timedelta(days=diff)
    back = (pub.isoweekday() - iso_wd) % 7
    if back == 0 and direction == -2:
        back = 7
    return pub - dt.timedelta(days=back)


def shift(pub: dt.date, unit: str, n: int) -> str:
    """The value of `pub` moved by n units, at the granularity of the unit."""
    if unit in ("D", "H", "MIN"):
        days = n if unit == "D" else 0
        return (pub + dt.timedelta(days=days)).isoformat()
    if unit == "W":
        return iso_week(pub + dt.timedelta(weeks=n))
    if unit == "M":
        y, m = shift_month(pub.year, pub.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{pub.year + n:04d}"
    if unit == "DE":
        return f"{pub.year // 10 + n:03d}"
    if unit == "CE":
        return f"{pub.year // 100 + n:02d}"
    raise ValueError(unit)


UNDERSPECIFIED = {"D": "XXXX-XX-XX", "H": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "W": "XXXX-WXX",
                  "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


@functools.lru_cache(maxsize=4096)  # pure; the same few dates recur across articles
def hijri_to_gregorian(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


@functools.lru_cache(maxsize=4096)
def hijri_year_of(d: dt.date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
