#!/usr/bin/env python3
"""Regenerate the generated gazetteer files from packaged sources plus curated inputs.

Generated (do not hand-edit): resources/entities/gazetteer/countries.tsv, cities.tsv,
institutions.tsv.
Inputs:
  - babel (CLDR): Arabic and English territory names, Arabic time-zone exemplar city names;
  - pycountry (iso-codes): Arabic short and official country names (gettext catalogue);
  - /usr/share/zoneinfo/zone.tab (or the tzdata package): the country of each time zone;
  - resources/entities/gazetteer/sources/countries.tsv: curated ISO -> Wikidata QID table,
    canonical names, extra variants, nisba bases and broken-plural adjectives;
  - resources/entities/gazetteer/sources/tz_cities.tsv: curated QIDs / skips for time-zone cities;
  - resources/entities/gazetteer/sources/institutions.tsv: kinds of national bodies (ministries …)
    generated for every country with a nisba adjective;
  - the curated gazetteer files (places.tsv …): cities already listed there are not generated.

babel and pycountry are dev-time only (the `dev` extra); the shipped TSVs are complete without
them. Output is deterministic (sorted). Usage: python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "src" / "marsad" / "resources" / "entities" / "gazetteer"
SRC = GAZ / "sources"
sys.path.insert(0, str(ROOT / "src"))

from marsad.annotate.entities.gazetteer import ENTRY_COLUMNS, key, read_entries  # noqa: E402

VERSION = 1
GENERATED = ("countries.tsv", "cities.tsv", "institutions.tsv")
HEADER = "\t".join(ENTRY_COLUMNS)
DEF = "\u0627\u0644"  # the Arabic definite article
# suffixes of the nisba adjective: masc., fem., plural oblique/nominative, duals
SUFFIXES_DEF = ("", "\u0629", "\u064a\u0646", "\u0648\u0646", "\u062a\u064a\u0646", "\u062a\u0627\u0646", "\u0627\u0646")
SUFFIXES_INDEF = ("", "\u0629", "\u064a\u0646", "\u0648\u0646")
_SHADDA_ETC = re.compile("[\u064b-\u065f\u0670]")


def rows(path: Path) -> list[dict[str, str]]:
    """Rows of a curated source TSV as dicts (first non-comment line is the header)."""
    out: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        out.append({h: c.strip() for h, c in zip(header, cells, strict=False)})
    return out


def strip_diacritics(s: str) -> str:
    return _SHADDA_ETC.sub("", s).strip()


def derive_nisba(name: str) -> str | None:
    """Nisba base of a one-word country name by rule (روسيا -> روسي, فرنسا -> فرنسي)."""
    n = strip_diacritics(name)
    if " " in n or "-" in n:
        return None
    if n.startswith(DEF):
        n = n[2:]
    if n.endswith("\u0648"):  # -o: no safe rule
        return None
    if n.endswith("\u064a"):  # -i: the nisba is the name itself
        return n
    if n.endswith("\u0629"):
        return n[:-1] + "\u064a"
    if n.endswith("\u064a\u0627"):
        return n[:-2] + "\u064a"
    if n.endswith("\u0627"):
        return n[:-1] + "\u064a"
    return n + "\u064a"


def nisba_forms(base: str, indefinite: bool) -> list[str]:
    """All adjective forms of a nisba base; compound bases inflect every word."""
    words = base.split()
    forms = [" ".join(DEF + w + s for w in words) for s in SUFFIXES_DEF]
    if indefinite:
        forms += [" ".join(w + s for w in words) for s in SUFFIXES_INDEF]
    return forms


def pycountry_names(iso2: str) -> list[str]:
    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    c = pycountry.countries.get(alpha_2=iso2)
    if c is None:
        return []
    out = []
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if v:
            t = tr.gettext(v)
            if t != v and "\u060c" not in t and "," not in t:  # skip inverted "كوريا، جمهورية كوريا"
                out.append(strip_diacritics(t).replace(" و ", " و"))
    return out


def english_name(iso2: str, en: dict[str, str]) -> str:
    fixed = {"TR": "Turkey", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
             "PS": "State of Palestine", "MM": "Myanmar", "HK": "Hong Kong", "MO": "Macau", "XK": "Kosovo"}
    return fixed.get(iso2) or en.get(iso2, iso2).replace(" & ", " and ").replace("St. ", "Saint ")


def build_countries() -> tuple[list[str], dict[str, str], dict[str, list[str]]]:
    import babel

    ar = babel.Locale("ar").territories
    en = babel.Locale("en").territories
    lines: list[str] = []
    iso_to_qid: dict[str, str] = {}
    iso_bases: dict[str, list[str]] = {}
    src = rows(SRC / "countries.tsv")
    # curated names/variants own their key: a CLDR or pycountry name equal to another country's
    # curated name is dropped (pycountry's Arabic catalogue has a few wrong entries)
    owner: dict[str, str] = {}
    for r in src:
        for v in [r["name"] or strip_diacritics(ar.get(r["iso2"], ""))] + r["variants"].split("|"):
            if v:
                owner.setdefault(key(v), r["iso2"])
    for r in src:
        iso2, qid = r["iso2"], r["qid"]
        iso_to_qid[iso2] = "wd:" + qid
        cldr = strip_diacritics(ar.get(iso2, ""))
        name = r["name"] or cldr
        variants = [v for v in r["variants"].split("|") if v]
        variants += [v for v in [cldr, *pycountry_names(iso2)] if owner.get(key(v), iso2) == iso2]
        seen = {key(name)}
        uniq: list[str] = []
        for v in variants:
            if v and key(v) not in seen:
                seen.add(key(v))
                uniq.append(v)
        if r["nisba"] == "-":
            bases: list[str] = []
        elif r["nisba"]:
            bases = r["nisba"].split("|")
        else:
            b = derive_nisba(name)
            bases = [b] if b else []
        iso_bases[iso2] = bases
        adjs: list[str] = []
        for b in bases:
            adjs += nisba_forms(b, indefinite=r["indef"] != "n")
        adjs += [a for a in r["adjectives"].split("|") if a]
        adjs = list(dict.fromkeys(adjs))
        lines.append("\t".join(("wd:" + qid, "GPE", name, "|".join(uniq), english_name(iso2, en), "", "|".join(adjs))))
    return sorted(lines, key=lambda s: int(s.split("\t")[0][4:])), iso_to_qid, iso_bases


def tz_countries() -> dict[str, str]:
    """time zone -> ISO alpha-2, from zone.tab (system or the tzdata package)."""
    candidates = [Path("/usr/share/zoneinfo/zone.tab")]
    try:
        import tzdata  # type: ignore[import-not-found]

        candidates.append(Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab")
    except ImportError:
        pass
    for p in candidates:
        if p.exists():
            out = {}
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.startswith("#") or not line.strip():
                    continue
                cc, _coord, tz = line.split("\t")[:3]
                out[tz] = cc
            return out
    raise SystemExit("zone.tab not found (install tzdata)")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def build_cities(iso_to_qid: dict[str, str], taken: set[str], taken_ids: set[str]) -> list[str]:
    """Time-zone exemplar cities not already in the curated files, with their country."""
    import unicodedata

    import babel

    ar = babel.Locale("ar").time_zones
    en = babel.Locale("en").time_zones
    curated = {r["tz"]: r for r in rows(SRC / "tz_cities.tsv")}
    tz_cc = tz_countries()
    lines: list[str] = []
    for tz in sorted(ar):
        city = ar[tz].get("city")
        cc = tz_cc.get(tz)
        if not city or not cc or cc not in iso_to_qid:
            continue
        cur = curated.get(tz, {})
        if cur.get("qid") == "-":  # curated skip (collides with a common word or a country)
            continue
        city = strip_diacritics(city)
        if len(key(city).replace(" ", "")) <= 3 and not cur.get("qid"):
            continue  # very short names of minor places collide with words (بلم = ب + لم)
        if key(city) in taken:
            continue
        taken.add(key(city))
        name_en = en.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        ascii_en = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
        id_ = "wd:" + cur["qid"] if cur.get("qid") else "m:" + slug(ascii_en)
        if id_ in taken_ids:  # the curated files already describe this place
            continue
        taken_ids.add(id_)
        lines.append("\t".join((id_, "GPE", city, cur.get("variants", ""), name_en, iso_to_qid[cc], "")))
    return sorted(lines)


def inflect(base: str, suffix: str) -> str:
    """Definite form of a (compound) nisba with `suffix` on every word: الكورية الجنوبية."""
    return " ".join(DEF + w + suffix for w in base.split())


def build_institutions(iso_to_qid: dict[str, str], iso_bases: dict[str, list[str]], taken: set[str],
                       en: dict[str, str]) -> list[str]:
    """Ministries and central banks of every country with a nisba, named the way news does
    (وزارة الخارجية المصرية، الخارجية المصرية، البنك المركزي المصري). Kinds: sources/institutions.tsv."""
    lines: list[str] = []
    kinds = rows(SRC / "institutions.tsv")
    for iso2, bases in sorted(iso_bases.items()):
        if not bases or iso2 not in iso_to_qid:
            continue
        for kind in kinds:
            forms: list[str] = []
            for b in bases:
                adj = inflect(b, "\u0629" if kind["gender"] == "f" else "")
                forms += [kind["head"] + " " + adj] + [v + " " + adj for v in kind["short"].split("|") if v]
            forms = [f for f in dict.fromkeys(forms) if key(f) not in taken]
            if not forms:
                continue  # the curated files already list this body
            taken.update(key(f) for f in forms)
            name_en = f"{kind['name_en']} ({english_name(iso2, en)})"
            lines.append("\t".join((f"m:{kind['slug']}-{iso2.lower()}", "ORG", forms[0], "|".join(forms[1:]),
                                    name_en, iso_to_qid[iso2], "")))
    return sorted(lines)


def write(path: Path, lines: list[str], source: str) -> str:
    text = "\n".join(
        [f"# version: {VERSION}", f"# GENERATED by scripts/build_gazetteer.py from {source}; do not edit.", HEADER]
        + lines
    ) + "\n"
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the generated files are out of date")
    args = ap.parse_args()
    countries, iso_to_qid, iso_bases = build_countries()
    taken = {key(line.split("\t")[2]) for line in countries}
    for line in countries:
        taken.update(key(v) for v in line.split("\t")[3].split("|") if v)
    taken_ids = {line.split("\t")[0] for line in countries}
    for p in sorted(GAZ.glob("*.tsv")):
        if p.name in GENERATED or p.name in ("offices.tsv", "ambiguous.tsv"):
            continue
        for e in read_entries(p):
            taken.update(key(s) for s in (e.name, *e.variants))
            taken_ids.add(e.id)
    cities = build_cities(iso_to_qid, taken, taken_ids)
    import babel

    institutions = build_institutions(iso_to_qid, iso_bases, taken, babel.Locale("en").territories)
    outputs = {
        GAZ / "countries.tsv": write(GAZ / "countries.tsv", countries,
                                     "sources/countries.tsv + CLDR (babel) + pycountry"),
        GAZ / "cities.tsv": write(GAZ / "cities.tsv", cities,
                                  "CLDR time-zone cities (babel) + zone.tab + sources/tz_cities.tsv"),
        GAZ / "institutions.tsv": write(GAZ / "institutions.tsv", institutions,
                                        "sources/countries.tsv nisbas + sources/institutions.tsv"),
    }
    stale = []
    for p, text in outputs.items():
        if args.check:
            if not p.exists() or p.read_text(encoding="utf-8") != text:
                stale.append(p.name)
        else:
            p.write_text(text, encoding="utf-8")
            print(f"wrote {p.relative_to(ROOT)}: {text.count(chr(10)) - 3} entries")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
