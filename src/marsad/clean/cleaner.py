"""From a RawDoc to clean text: HTML extraction, boilerplate lines out, title, publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from marsad.clean import boilerplate as bp
from marsad.clean.dates import dateline_date, parse_metadata_date
from marsad.ingest.rawdoc import RawDoc

LONG_LINE_WORDS = 12  # a line this long is body text: it ends the head zone / starts the tail zone
HEAD_LABEL_WORDS = 2  # short lines before the body are labels and menus
TAIL_SHORT_WORDS = 4  # short unpunctuated lines after the body are footers
TITLE_MAX_WORDS = 30
BOILERPLATE_MAX_WORDS = 60  # longer lines are never boilerplate (saves the pattern scan)


@dataclass
class Cleaned:
    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    published: str | None = None
    published_method: str | None = None


def _published(raw: RawDoc, html_date: str | None, lines_norm: list[str]) -> tuple[str | None, str | None]:
    if raw.published:
        iso = parse_metadata_date(raw.published)
        if iso:
            return iso, "metadata"
    if html_date:
        iso = parse_metadata_date(html_date)
        if iso:
            return iso, "metadata"
    d = dateline_date(lines_norm)
    if d:
        return d.isoformat(), "text"
    return None, None


def clean(raw: RawDoc, outlet_common: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one article. `outlet_common` holds normalised lines that repeat across many
    articles of this article's outlet (computed by marsad.clean.outlet)."""
    html_date = None
    title = _title(raw.title) if raw.title else None
    if raw.text is None and raw.html is not None:
        from marsad.clean.html import extract

        ext = extract(raw.html, raw.url)
        body, title, html_date = ext.text, title or ext.title, ext.date
    else:
        body = raw.text or ""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip() for ln in body.split("\n")]
    words = [_word_count(ln) for ln in lines]
    # only lines short enough to be boilerplate, a title or a label need their normalised form
    # (normalised together in one call); long paragraphs, most of the text, get a placeholder
    # key that never matches anything
    short = [i for i, w in enumerate(words) if 0 < w <= BOILERPLATE_MAX_WORDS]
    norms = ["\x00" if w else "" for w in words]
    for i, n in zip(short, bp.norm_lines("\n".join(lines[i] for i in short)), strict=False):
        norms[i] = n
    published, method = _published(raw, html_date, norms)

    arabic_doc = bp.has_arabic(body)
    cats = [bp.category(n) if n and w <= BOILERPLATE_MAX_WORDS else None for n, w in zip(norms, words, strict=True)]
    long_idx = [
        i for i, w in enumerate(words)
        if w >= LONG_LINE_WORDS and cats[i] is None and (not arabic_doc or bp.has_arabic(lines[i]))
    ]
    first_long = long_idx[0] if long_idx else len(lines)
    last_long = long_idx[-1] if long_idx else -1
    title_norm = bp.norm_line(title) if title else None

    keep: list[bool] = []
    removed: list[str] = []
    seen: set[str] = set()
    found_title = title_norm is not None
    for i, (line, n) in enumerate(zip(lines, norms, strict=True)):
        if not n:
            keep.append(True)
            continue
        drop = cats[i] is not None or n in outlet_common
        if not drop and arabic_doc and words[i] <= LONG_LINE_WORDS and not bp.has_arabic(n):
            drop = True  # Latin UI strings in an Arabic page: "Play", "Close", "Changed"
        if not drop and n in seen and words[i] >= 3:
            drop = True  # a repeated title or heading
        if not drop and i <= first_long and not found_title and 3 <= words[i] <= TITLE_MAX_WORDS:
            title, title_norm, found_title = _title(line), n, True
        elif not drop and i < first_long and words[i] <= HEAD_LABEL_WORDS and n != title_norm:
            drop = True  # labels and menu items above the body ("نشر", "اخبار")
        elif not drop and i > last_long >= 0 and words[i] <= TAIL_SHORT_WORDS and not bp.ends_sentence(line):
            drop = True  # footer crumbs below the body
        keep.append(not drop)
        if drop:
            removed.append(line.strip())
        else:
            seen.add(n)
    text = _join([ln for ln, k in zip(lines, keep, strict=True) if k])
    return Cleaned(text=text, title=title or None, removed=removed, published=published, published_method=method)


def _word_count(line: str) -> int:
    """Words of a line, counted by spaces (C speed; runs of spaces overcount, harmlessly for
    the thresholds it feeds)."""
    stripped = line.strip()
    return stripped.count(" ") + stripped.count("\t") + 1 if stripped else 0


_TITLE_SUFFIX = re.compile(r"\s+[|｜–—-]\s+[^|｜–—-]{1,40}$")


def _title(line: str) -> str:
    """A title line without a trailing " | section" or " - outlet" tag."""
    line = line.strip()
    m = _TITLE_SUFFIX.search(line)
    if m and len(m.group().split()) <= 5 and len(line[: m.start()].split()) >= 3:
        return line[: m.start()].strip()
    return line


def _join(lines: list[str]) -> str:
    """Lines joined with single blank lines between paragraphs, outer whitespace trimmed."""
    out: list[str] = []
    blank = False
    for ln in lines:
        if ln.strip():
            if blank and out:
                out.append("")
            out.append(ln)
            blank = False
        else:
            blank = True
    return "\n".join(out).strip()


def published_date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None
