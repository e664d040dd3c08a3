"""Reading figures: digit strings with Arabic/Western separators and number-word sequences.

Works on normalised text (Arabic-Indic digits already folded to 0-9, ٫ to '.', ٬ to ',').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.annotate.amounts.lexicon import NumberWord

_GROUPS = re.compile(r"[.,]")


def digit_value(s: str, scaled: bool) -> float | None:
    if "ر" in s:  # Saudi Press Agency style: "29ر53" is 53.29
        frac, _, whole = s.partition("ر")
        return float(whole + "." + frac) if whole.isdigit() and frac.isdigit() else None
    if "،" in s:  # "2،7 في المائة": Arabic comma as decimal mark
        whole, _, frac = s.partition("،")
        inner = digit_value(whole, scaled)
        return None if inner is None else float(str(int(inner)) + "." + frac) if inner.is_integer() else None
    return _western(s, scaled)


def _western(s: str, scaled: bool) -> float | None:
    """The value of a digit string such as '13.8', '1,500,000', '1.500.000', '1,5' or '50.000'.

    A comma followed by 1-2 digits is a decimal comma (Maghrebi style: "1,5 مليار"); a separator
    followed by exactly 3 digits groups thousands unless a scale word follows ("1.250 مليار").
    """
    parts = _GROUPS.split(s)
    seps = _GROUPS.findall(s)
    if not seps:
        return float(s)
    if len(seps) == 1:
        sep, frac = seps[0], parts[1]
        if len(frac) == 3 and not (sep == "." and scaled):
            return float(parts[0] + frac)
        return float(parts[0] + "." + frac)
    # several separators: all but the last group thousands; the last may be a decimal part
    if all(len(p) == 3 for p in parts[1:]) and len(set(seps)) == 1:
        return float("".join(parts))
    if len(set(seps[:-1])) == 1 and all(len(p) == 3 for p in parts[1:-1]) and (
        seps[-1] != seps[0] or len(parts[-1]) != 3
    ):  # "9,098.27", "1.050.2" (European thousands with a decimal tail)
        return float("".join(parts[:-1]) + "." + parts[-1])
    return None


@dataclass(slots=True)
class Number:
    """One figure read from a run of tokens: [start, end) offsets in the normalised text."""

    start: int
    end: int
    value: float
    scaled: bool = False  # has a scale word (ألف، مليون، مليار …)
    has_digits: bool = False
    words_only_scale: bool = False  # only a scale word, no count ("مليون", "آلاف")
    plural_scale_only: bool = False  # "آلاف", "ملايين" without a count: vague
    multiplier: bool = False  # ضعفين
    scale: float = 1.0  # the largest scale word applied (1e9 for "20 مليار")


class _Acc:
    __slots__ = ("start", "end", "total", "current", "last", "last_scale", "scaled", "digits",
                 "counted", "plural_only", "mult", "max_scale", "frac_after_scale", "cur_start",
                 "pre_end")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.total = 0.0
        self.current = 0.0
        self.last = ""  # class of the previous token
        self.last_scale = 0.0
        self.scaled = False
        self.digits = False
        self.counted = False  # a non-scale token contributed a count
        self.plural_only = False
        self.mult = False
        self.max_scale = 1.0
        self.frac_after_scale = False
        self.cur_start = -1  # start of the count that follows a scale word ("3 آلاف و|5 آلاف")
        self.pre_end = start  # end of the token before that count

    def number(self) -> Number:
        return Number(self.start, self.end, self.total + self.current, self.scaled, self.digits,
                      self.scaled and not self.counted, self.plural_only, self.mult,
                      self.max_scale)


def read_tokens(tokens: list[tuple[int, int, str, NumberWord | None]], decimal_point: bool = False
                ) -> list[Number]:
    """Numbers from (start, end, text, word) tokens of one matched phrase; word is None for
    digit strings. A digit string starts a new figure unless it follows a scale word
    ("2 مليون و500 ألف"), so "بين 10 و20 مليار" gives two figures. `decimal_point`: a full stop is
    always a decimal mark (percentages: "2.125%")."""
    out: list[Number] = []
    acc: _Acc | None = None
    for i, (start, end, text, word) in enumerate(tokens):
        nxt = tokens[i + 1][3] if i + 1 < len(tokens) else None
        if word is None:
            scaled_next = nxt is not None and nxt.cls in ("scale", "scale_dual")
            v = digit_value(text, scaled_next or decimal_point)
            if v is None:
                return []  # an unreadable digit string ("1.2.3"): trust nothing in the phrase
            if acc is None or acc.last not in ("scale", "scale_dual") or v >= acc.last_scale:
                if acc:
                    out.append(acc.number())
                acc = _Acc(start)
            elif acc.current == 0:
                acc.cur_start, acc.pre_end = start, acc.end
            acc.current += v
            acc.digits = acc.counted = True
            acc.last = "digit"
            acc.end = end
            continue
        cls, v = word.cls, word.value
        if acc is None:
            if cls == "one_teen" and (nxt is None or nxt.cls != "ten"):
                continue
            acc = _Acc(start)
        elif cls in ("unit", "tens", "hundreds") and acc.last == "digit":
            out.append(acc.number())
            acc = _Acc(start)
        if cls == "one_teen":
            if nxt is None or nxt.cls != "ten":
                out.append(acc.number())
                acc = None
                continue
            cls = "unit"
        if cls == "scale_def":
            if acc.last == "frac" and acc.frac_after_scale:
                acc.end = end  # "مليار ونصف المليار": the second scale word repeats the first
                acc.last = cls
                continue
            if acc.last not in ("", "frac"):
                out.append(acc.number())
                acc = _Acc(start)
            cls = "scale"  # "المليون ريال", "نصف المليون"
        if (cls in ("scale", "scale_dual") and acc.current == 0 and acc.last_scale
                and v >= acc.last_scale and acc.last != "frac"):
            out.append(acc.number())  # "بين مليون ومليوني دولار": a second figure, not a sum
            acc = _Acc(start)
        if (cls in ("unit", "tens", "hundreds", "ten", "hundred") and acc.current == 0
                and acc.last in ("scale", "scale_dual")):
            acc.cur_start, acc.pre_end = start, acc.end
        if (cls == "scale" and acc.current > 0 and acc.last_scale and v >= acc.last_scale
                and acc.cur_start >= 0):
            # "ما بين ثلاثة آلاف وخمسة آلاف": two figures, not a sum of 8000
            first = _Acc(acc.start)
            first.end, first.total, first.scaled, first.counted = acc.pre_end, acc.total, True, True
            first.digits, first.last_scale, first.max_scale = acc.digits, acc.last_scale, acc.max_scale
            out.append(first.number())
            current, acc = acc.current, _Acc(acc.cur_start)
            acc.current, acc.counted = current, True
        if cls == "unit" or cls == "tens" or cls == "hundreds":
            acc.current += v
            acc.counted = True
        elif cls == "ten":
            acc.current += v  # عشرة alone, or أحد/ثلاثة عشر = unit + 10
            acc.counted = True
        elif cls == "hundred":
            acc.current = (acc.current or 1.0) * v
            acc.counted = True
        elif cls == "scale" and acc.current >= 1e6 and acc.last == "digit":
            acc.scaled = True  # "بلغت 665,932,983 مليون ريال": the digits already give the full sum
        elif cls == "scale" and acc.last == "" and text in _DUAL_CONSTRUCT and nxt is None:
            acc.total += 2 * v  # "ألفا جنيه" (construct dual of ألفان), not "30 ألفا"
            acc.last_scale = v
            acc.max_scale = max(acc.max_scale, v)
            acc.scaled = acc.counted = True
        elif cls == "scale":
            if acc.current == 0 and acc.last != "frac":
                acc.plural_only = not _singular(text)
                acc.current = 1.0
            acc.total += acc.current * v
            acc.current = 0.0
            acc.last_scale = v
            acc.max_scale = max(acc.max_scale, v)
            acc.scaled = True
        elif cls == "scale_dual":
            acc.total += 2 * v
            acc.last_scale = v
            acc.max_scale = max(acc.max_scale, v)
            acc.scaled = acc.counted = True
        elif cls == "frac":
            acc.frac_after_scale = acc.last in ("scale", "scale_dual")
            if acc.frac_after_scale:
                acc.total += v * acc.last_scale
            else:
                acc.current += v
            acc.counted = True
        elif cls == "mult_dual":
            acc.current += v
            acc.counted = acc.mult = True
        acc.last = cls
        acc.end = end
    if acc:
        out.append(acc.number())
    return out


_DUAL_CONSTRUCT = frozenset({"الفا", "مليونا", "مليارا"})
_PLURAL_SCALES = frozenset({"الاف", "الوف", "ملايين", "مليارات", "ملايير", "بلايين", "تريليونات", "ترليونات"})


def _singular(text: str) -> bool:
    w = text[1:] if text[:1] in "وب" and text[1:] in _PLURAL_SCALES else text
    return w not in _PLURAL_SCALES
