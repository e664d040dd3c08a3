"""Resolvers: turn a rule's matched groups into a TIMEX3 (type, value), against the publication
date. Without a publication date, relative expressions get underspecified values (XXXX-XX-XX)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from marsad.annotate.times import calendar_math as cal
from marsad.annotate.times.lexicon import Lexicon, fold

Groups = dict[str, str | None]
Result = tuple[str, str] | None

_SEASON_IDX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_DUR_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D"}
_FRACTIONS = {("نصف", "H"): "PT30M", ("ربع", "H"): "PT15M", ("نصف", "CE"): "P50Y",
              ("ربع", "CE"): "P25Y", ("نصف", "Y"): "P6M", ("ربع", "Y"): "P3M",
              ("نصف", "M"): "P15D", ("نصف", "D"): "PT12H"}
_CLOCK_FRAC = {"النصف": 30, "الربع": 15, "الثلث": 20}
_REF = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF", 2: "FUTURE_REF"}


class Context:
    """What a resolver knows besides the groups: the reference date, the rule's type and fixed
    value, and whether the clause is about the future (worked out only if a resolver asks)."""

    __slots__ = ("pub", "rule_type", "rule_value", "_future", "_tense")

    def __init__(self, pub: dt.date | None, future: bool | Callable[[], bool], rule_type: str,
                 rule_value: str | None) -> None:
        self.pub = pub
        self.rule_type = rule_type
        self.rule_value = rule_value
        self._future: bool | None = future if isinstance(future, bool) else None
        self._tense = future

    @property
    def future(self) -> bool:
        if self._future is None:
            self._future = bool(self._tense())  # type: ignore[operator]
        return self._future


def duration_value(n: int | None, unit: str) -> str:
    if unit == "DE":
        return f"P{n * 10}Y" if n is not None else "PXDE"
    if unit == "CE":
        return f"P{n * 100}Y" if n is not None else "PXCE"
    num = "X" if n is None else str(n)
    if unit == "H":
        return f"PT{num}H"
    if unit == "MIN":
        return f"PT{num}M"
    return f"P{num}{_DUR_UNIT[unit]}"


def pick(cands: list[dt.date], pub: dt.date, off: int | None, future: bool,
         iso_wd: int | None = None) -> dt.date | None:
    """The candidate (same day and month in neighbouring years) the text most likely means:
    the one whose weekday matches, else by the modifier (-1 before, +1 after publication), else
    by tense (future: the next one; otherwise the last one up to a month after publication)."""
    if not cands:
        return None
    if iso_wd is not None:
        match = [c for c in cands if c.isoweekday() == iso_wd]
        if match:
            return min(match, key=lambda c: abs((c - pub).days))
    if off == -1:
        ok = [c for c in cands if c < pub]
        return max(ok) if ok else None
    if off == 1:
        ok = [c for c in cands if c > pub]
        return min(ok) if ok else None
    if off == 0:
        ok = [c for c in cands if c.year == pub.year]
        return ok[0] if ok else None
    if future:
        ok = [c for c in cands if c >= pub - dt.timedelta(days=1)]
        return min(ok) if ok else max(cands)
    ok = [c for c in cands if c <= pub + dt.timedelta(days=31)]
    return max(ok) if ok else min(cands)


class Resolver:
    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx
        self.table: dict[str, Callable[[Groups, Context], Result]] = {
            "date": self.date, "month": self.month, "weekday": self.weekday,
            "lexical": self.lexical, "part_of_day": self.part_of_day, "holiday": self.holiday,
            "clock": self.clock, "relative_unit": self.relative_unit, "duration": self.duration,
            "ref": self.ref, "season": self.season, "part_of_year": self.part_of_year,
            "decade": self.decade, "century": self.century, "ago": self.ago, "year": self.year,
            "hijri": self.hijri, "hijri_year": self.hijri_year, "set_weekday": self.set_weekday,
            "relday": self.relday,
        }

    def __call__(self, norm: str, g: Groups, ctx: Context) -> Result:
        return self.table[norm](g, ctx)

    # ------------------------------------------------------------------ helpers
    def _month(self, g: Groups) -> int | None:
        if g.get("mnum"):
            return int(g["mnum"])  # type: ignore[arg-type]
        for k in ("mon", "mon2"):
            if g.get(k):
                return self.lx.months.get(fold(g[k]))  # type: ignore[arg-type]
        return None

    def _offset(self, g: Groups, ctx: Context) -> int | None:
        if g.get("mod"):
            return self.lx.modifiers[fold(g["mod"])][0]  # type: ignore[arg-type]
        if ctx.rule_value is not None:
            return int(ctx.rule_value)
        return None

    def _weekday_date(self, iso: int, off: int | None, ctx: Context) -> dt.date | None:
        if ctx.pub is None:
            return None
        if off == 0:
            return ctx.pub + dt.timedelta(days=iso - ctx.pub.isoweekday())
        if off is not None and off >= 2:  # "الأربعاء بعد القادم"
            return cal.weekday_near(ctx.pub, iso, 2) + dt.timedelta(weeks=off - 1)
        if off is not None:
            return cal.weekday_near(ctx.pub, iso, 2 * off)
        return cal.weekday_near(ctx.pub, iso, 1 if ctx.future else -1)

    # ------------------------------------------------------------------ dates
    def _mod(self, g: Groups, key: str) -> int | None:
        return self.lx.modifiers[fold(g[key])][0] if g.get(key) else None  # type: ignore[arg-type]

    def _iso(self, g: Groups, key: str = "wd") -> int | None:
        return self.lx.weekdays.get(fold(g[key])) if g.get(key) else None  # type: ignore[arg-type]

    def _explicit_year(self, g: Groups, ctx: Context) -> int | str | None:
        """The year written or implied ("من العام الماضي"); "XXXX" if relative without a date."""
        if g.get("year"):
            return int(g["year"])  # type: ignore[arg-type]
        ymod = self._mod(g, "ymod")
        if ymod is not None:
            return ctx.pub.year + ymod if ctx.pub else "XXXX"
        return None

    def date(self, g: Groups, ctx: Context) -> Result:
        if g.get("mmod"):  # "في 29 الشهر الماضي"
            if ctx.pub is None:
                return "DATE", "XXXX-XX-" + f"{int(g['day']):02d}"  # type: ignore[arg-type]
            y, mo = cal.shift_month(ctx.pub.year, ctx.pub.month, self._mod(g, "mmod") or 0)
            v = cal.safe_date(y, mo, int(g["day"]))  # type: ignore[arg-type]
            return ("DATE", v.isoformat()) if v else None
        m = self._month(g)
        if g.get("day"):
            d = int(g["day"])  # type: ignore[arg-type]
        else:
            o = fold(g.get("ord") or "")
            d = self.lx.ordinals.get(o, self.lx.ordinals.get("ال" + o, 0))
        if not m or not 1 <= d <= 31:
            return None
        year = self._explicit_year(g, ctx)
        if isinstance(year, int):
            v = cal.safe_date(year, m, d)
            return ("DATE", v.isoformat()) if v else None
        if ctx.pub is None:
            return "DATE", f"XXXX-{m:02d}-{d:02d}"
        pub = ctx.pub
        cands = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := cal.safe_date(y, m, d))]
        v = pick(cands, pub, self._mod(g, "mod"), ctx.future, self._iso(g))
        return ("DATE", v.isoformat()) if v else None

    def month(self, g: Groups, ctx: Context) -> Result:
        m = self._month(g)
        if not m:
            return None
        year = self._explicit_year(g, ctx)
        if year is not None:
            return "DATE", f"{year:04d}-{m:02d}" if isinstance(year, int) else f"XXXX-{m:02d}"
        if ctx.pub is None:
            return "DATE", f"XXXX-{m:02d}"
        py, pm = ctx.pub.year, ctx.pub.month
        off = self._offset(g, ctx)
        if off == -1:
            y = py if m < pm else py - 1
        elif off == 1:
            y = py if m > pm else py + 1
        elif off == 0:
            y = py
        elif ctx.future:
            y = py if m >= pm else py + 1
        else:
            y = py if m <= pm else py - 1
        return "DATE", f"{y:04d}-{m:02d}"

    def weekday(self, g: Groups, ctx: Context) -> Result:
        iso = self.lx.weekdays[fold(g["wd"])]  # type: ignore[arg-type]
        d = self._weekday_date(iso, self._offset(g, ctx), ctx)
        return "DATE", d.isoformat() if d else f"XXXX-WXX-{iso}"

    def set_weekday(self, g: Groups, ctx: Context) -> Result:
        w = fold(g["wd"])  # type: ignore[arg-type]
        iso = self.lx.weekdays.get(w) or self.lx.weekdays["ال" + w]
        return "SET", f"XXXX-WXX-{iso}"

    def _day_spec(self, spec: str, ctx: Context) -> str:
        if spec.startswith("D"):
            n = int(spec[1:])
            return (ctx.pub + dt.timedelta(days=n)).isoformat() if ctx.pub else "XXXX-XX-XX"
        return spec

    def lexical(self, g: Groups, ctx: Context) -> Result:
        if ctx.rule_value is not None:
            return ctx.rule_type, self._day_spec(ctx.rule_value, ctx)
        typ, spec = self.lx.lexical[fold(g["lex"])]  # type: ignore[arg-type]
        return typ, self._day_spec(spec, ctx)

    def _relday(self, rel: str, iso: int | None, ctx: Context) -> dt.date | None:
        if ctx.pub is None:
            return None
        n = self.lx.day_words[fold(rel)]
        d = ctx.pub + dt.timedelta(days=n)
        if iso is not None and d.isoweekday() != iso:
            # "اليوم الخميس" in an article dated Friday, "أمس الاثنين" in one dated Thursday (the
            # article was dated late): the text's weekday wins; for أمس the last one on or before
            # publication, otherwise the one nearest to the day the word names (earlier on a tie)
            if n < 0:
                return cal.weekday_near(ctx.pub, iso, -1)
            ahead = (iso - d.isoweekday()) % 7
            return d + dt.timedelta(days=ahead if ahead < 4 else ahead - 7)
        return d

    def relday(self, g: Groups, ctx: Context) -> Result:
        d = self._relday(g["rel"], self._iso(g), ctx)  # type: ignore[arg-type]
        return "DATE", d.isoformat() if d else "XXXX-XX-XX"

    def part_of_day(self, g: Groups, ctx: Context) -> Result:
        code = self.lx.parts_of_day[fold(g["pod"])]  # type: ignore[arg-type]
        if g.get("day"):  # "مساء الأربعاء 18 مايو": the written date decides
            res = self.date(g, ctx)
            return ("TIME", f"{res[1]}T{code}") if res else None
        if g.get("wd"):
            d = self._weekday_date(self.lx.weekdays[fold(g["wd"])], self._offset(g, ctx), ctx)  # type: ignore[arg-type]
        else:
            d = self._relday(g["rel"], self._iso(g, "wdx"), ctx)  # type: ignore[arg-type]
        return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{code}"

    def holiday(self, g: Groups, ctx: Context) -> Result:
        calendar, m, d = self.lx.holidays[fold(g["hol"])]  # type: ignore[arg-type]
        year = int(g["year"]) if g.get("year") else (ctx.pub.year if ctx.pub else None)  # type: ignore[arg-type]
        if calendar == "gregorian":
            if year is None:
                return "DATE", f"XXXX-{m:02d}-{d:02d}"
            v = cal.safe_date(year, m, d)
            return ("DATE", v.isoformat()) if v else None
        if year is None:
            return "DATE", "XXXX-XX-XX"
        ref = ctx.pub if ctx.pub and not g.get("year") else dt.date(year, 7, 1)
        hy = cal.hijri_year_of(ref)
        if hy is None:
            return None
        for y in (hy, hy - 1, hy + 1):
            v = cal.hijri_to_gregorian(y, m, d)
            if v and v.year == year:
                return "DATE", v.isoformat()
        return None

    def clock(self, g: Groups, ctx: Context) -> Result:
        if g.get("hh"):
            h = int(g["hh"])  # type: ignore[arg-type]
        else:
            h = self.lx.ordinals.get(fold(g.get("hword") or ""), -1)
        if not 0 <= h <= 23:
            return None
        mins = g.get("mm") or g.get("mm2")
        mm = int(mins) if mins else _CLOCK_FRAC.get(fold(g.get("frac") or ""), 0)
        if g.get("ampm") and h < 12:
            h += self.lx.clock.get(fold(g["ampm"]), 0)  # type: ignore[arg-type]
        day = ctx.pub.isoformat() if ctx.pub else "XXXX-XX-XX"
        return "TIME", f"{day}T{h % 24:02d}:{mm:02d}"

    def relative_unit(self, g: Groups, ctx: Context) -> Result:
        u = self.lx.unit_of(g["unit"])  # type: ignore[arg-type]
        off = self._offset(g, ctx)
        if u is None or off is None:
            return None
        if ctx.pub is None:
            return "DATE", cal.UNDERSPECIFIED[u[0]]
        return "DATE", cal.shift(ctx.pub, u[0], off)

    def duration(self, g: Groups, ctx: Context) -> Result:
        if g.get("frac"):
            u = self.lx.unit_of(g["sg"])  # type: ignore[arg-type]
            v = _FRACTIONS.get((fold(g["frac"]), u[0])) if u else None  # type: ignore[index]
            return (ctx.rule_type, v) if v else None
        if g.get("dual"):
            u, n = self.lx.unit_of(g["dual"]), 2  # type: ignore[arg-type]
        elif g.get("sg"):
            u, n = self.lx.unit_of(g["sg"]), 1  # type: ignore[arg-type]
        else:
            u, n = self.lx.unit_of(g["unit"]), self.lx.number(g["num"])  # type: ignore[arg-type, assignment]
            if n is not None and n <= 0:
                return None
        if u is None:
            return None
        return ctx.rule_type, duration_value(n, u[0])

    def ref(self, g: Groups, ctx: Context) -> Result:
        off = self._offset(g, ctx)
        return ("DATE", _REF[off]) if off is not None else None

    def ago(self, g: Groups, ctx: Context) -> Result:
        if g.get("unitpl"):
            return "DATE", "PAST_REF"
        if g.get("dual"):
            u, n = self.lx.unit_of(g["dual"]), 2  # type: ignore[arg-type]
        elif g.get("sg"):
            u, n = self.lx.unit_of(g["sg"]), 1  # type: ignore[arg-type]
        else:
            u, n = self.lx.unit_of(g["unit"]), self.lx.number(g["num"])  # type: ignore[arg-type, assignment]
        if u is None:
            return None
        if n is None:
            return "DATE", "PAST_REF"
        if not 0 < n <= 3000:
            return None
        unit = u[0]
        if unit in ("DE", "CE"):
            unit, n = "Y", n * (10 if unit == "DE" else 100)
        if ctx.pub is None:
            return "DATE", cal.UNDERSPECIFIED[unit]
        if unit == "Y" and n >= ctx.pub.year:
            return None
        return "DATE", cal.shift(ctx.pub, unit, -n)

    def season(self, g: Groups, ctx: Context) -> Result:
        code, _first = self.lx.seasons[fold(g["season"])]  # type: ignore[arg-type]
        if g.get("year"):
            return "DATE", f"{int(g['year']):04d}-{code}"  # type: ignore[arg-type]
        off = self._offset(g, ctx)
        if ctx.pub is None or off is None:
            return "DATE", f"XXXX-{code}"
        p = ctx.pub
        kp = p.year * 4 + (p.month - 3) // 3 if p.month >= 3 else (p.year - 1) * 4 + 3
        t = _SEASON_IDX[code]
        cands = [y * 4 + t for y in (p.year - 2, p.year - 1, p.year, p.year + 1)]
        if off == -1:
            k = max(c for c in cands if c < kp)
        elif off == 1:
            k = min(c for c in cands if c > kp)
        else:
            k = min(cands, key=lambda c: abs(c - kp))
        return "DATE", f"{k // 4:04d}-{code}"

    def part_of_year(self, g: Groups, ctx: Context) -> Result:
        part = fold(g["part"])  # type: ignore[arg-type]
        letter, count = {"ربع": ("Q", 4), "نصف": ("H", 2)}.get(part, ("", 0))
        n = self.lx.ordinals.get(fold(g["ord"]), 0)  # type: ignore[arg-type]
        if not letter or n == 0:
            return None
        n = count if n == -1 else n
        if n > count:
            return None
        if g.get("year"):
            y = g["year"]
        elif ctx.pub is None:
            y = "XXXX"
        else:
            y = str(ctx.pub.year + (self._offset(g, ctx) or 0))
        return "DATE", f"{y}-{letter}{n}"

    def decade(self, g: Groups, ctx: Context) -> Result:
        d = self.lx.decade(g["dec"])  # type: ignore[arg-type]
        if d is None:
            return None
        century = 19
        if g.get("ord"):
            century = self.lx.ordinals.get(fold(g["ord"]), 20) - 1  # type: ignore[arg-type]
        elif g.get("mod") and ctx.pub:
            century = ctx.pub.year // 100 + self.lx.modifiers[fold(g["mod"])][0]  # type: ignore[arg-type]
        return "DATE", f"{century:02d}{d}"

    def century(self, g: Groups, ctx: Context) -> Result:
        n = self.lx.ordinals.get(fold(g["ord"]), 0)  # type: ignore[arg-type]
        return ("DATE", f"{n - 1:02d}") if n > 0 else None

    def year(self, g: Groups, ctx: Context) -> Result:
        y = int(g["year"])  # type: ignore[arg-type]
        if g.get("year2") and not y < int(g["year2"]) <= y + 200:  # type: ignore[arg-type]
            return None
        return "DATE", f"{y:04d}"

    def hijri(self, g: Groups, ctx: Context) -> Result:
        if g.get("hmnum"):
            m = int(g["hmnum"])  # type: ignore[arg-type]
        else:
            m = self.lx.hijri_months[fold(g["hmon"])]  # type: ignore[arg-type]
        day = int(g["day"]) if g.get("day") else None  # type: ignore[arg-type]
        if g.get("year"):  # "رمضان 2021": the Hijri month that falls in that Gregorian year
            y = int(g["year"])  # type: ignore[arg-type]
            hy0 = cal.hijri_year_of(dt.date(y, 7, 1))
            for hy in (hy0, hy0 - 1, hy0 + 1) if hy0 else ():
                v = cal.hijri_to_gregorian(hy, m, 15)
                if v and v.year == y:
                    return "DATE", f"{v.year:04d}-{v.month:02d}"
            return None
        if g.get("hyear"):
            hy = int(g["hyear"])  # type: ignore[arg-type]
            v = cal.hijri_to_gregorian(hy, m, day or 15)
            if v is None:
                return None
            return "DATE", v.isoformat() if day else f"{v.year:04d}-{v.month:02d}"
        if ctx.pub is None:
            return "DATE", "XXXX-XX-XX" if day else "XXXX-XX"
        hy0 = cal.hijri_year_of(ctx.pub)
        if hy0 is None:
            return None
        cands = [c for y in (hy0 - 1, hy0, hy0 + 1) if (c := cal.hijri_to_gregorian(y, m, day or 15))]
        off = self._mod(g, "mod")
        if day is None:
            v = pick(cands, ctx.pub, off, ctx.future) if off is not None else \
                min(cands, key=lambda c: abs((c - ctx.pub).days))  # type: ignore[operator]
            return ("DATE", f"{v.year:04d}-{v.month:02d}") if v else None
        v = pick(cands, ctx.pub, off, ctx.future, self._iso(g))
        return ("DATE", v.isoformat()) if v else None

    def hijri_year(self, g: Groups, ctx: Context) -> Result:
        v = cal.hijri_to_gregorian(int(g.get("hyear0") or g["hyear"]), 6, 15)  # type: ignore[arg-type]
        return ("DATE", f"{v.year:04d}") if v else None
