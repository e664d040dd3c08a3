"""Compiled event resources: CAMEO codes, the trigger automaton, cues and function words.

Everything is read from resources/events/*.tsv once and folded with `normalize`, so that
matching runs on the normalised shadow text (doc.norm).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import ahocorasick

from marsad import resources
from marsad.text.normalize import normalize

KINDS = ("V", "I", "M")


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    label: str
    goldstein: float


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str  # normalised surface form as listed
    code: str
    kind: str  # V, I or M
    marks: frozenset[str]  # target marks (normalised prepositions, "obj")
    flags: frozenset[str]
    stem: bool = False  # the ta-marbuta stem variant (زيارت + pronoun)


@dataclass(frozen=True, slots=True)
class Affixes:
    pre: dict[str, str]  # prefix -> note ("" or "future")
    suf: dict[str, str]  # suffix -> note ("" or "pron")


@dataclass
class EventLexicon:
    cameo: dict[str, Cameo]
    automaton: ahocorasick.Automaton
    affixes: dict[str, Affixes]
    cues: dict[str, str]  # normalised cue (one or more words) -> type
    cue_max_words: int
    modality: dict[str, str]  # CAMEO root -> intent code
    duals: dict[str, str]  # normalised dual word -> GPE/PER
    preps: dict[str, str]  # normalised standalone preposition -> mark
    clitics: dict[str, str]  # joined preposition -> mark
    skip: frozenset[str]
    clause: frozenset[str]
    filler: frozenset[str]
    titles: frozenset[str]
    light: frozenset[str]
    barrier: frozenset[str]
    frame: frozenset[str]
    trigger_forms: frozenset[str]
    place_heads: frozenset[str] = frozenset()
    of_heads: frozenset[str] = frozenset()
    envoys: frozenset[str] = frozenset()
    pron_subj: frozenset[str] = frozenset()
    patient_heads: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    rel_light: frozenset[str] = frozenset()
    proclitics: tuple[str, ...] = field(default=("و", "ف"))
    # every written word w with arguments._strip_conj(w) in clause: one set lookup per word
    clause_any: frozenset[str] = frozenset()


def _split_forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def load_cameo() -> dict[str, Cameo]:
    out: dict[str, Cameo] = {}
    for row in resources.tsv("events/cameo.tsv", 3):
        out[row[0]] = Cameo(row[0], row[1], float(row[2]))
    return out


def load_triggers(cameo: dict[str, Cameo]) -> list[Trigger]:
    out: list[Trigger] = []
    for row in resources.tsv("events/triggers.tsv", 3):
        forms, code, kind = row[0], row[1], row[2]
        if code not in cameo:
            raise ValueError(f"events/triggers.tsv: unknown CAMEO code {code}")
        if kind not in KINDS:
            raise ValueError(f"events/triggers.tsv: unknown kind {kind}")
        marks = frozenset(normalize(m) for m in (row[3] if len(row) > 3 else "").split(",") if m and m != "-")
        flags = frozenset(f for f in (row[4] if len(row) > 4 else "").split(",") if f)
        for form in _split_forms(forms):
            nf = normalize(form)
            out.append(Trigger(nf, code, kind, marks, flags))
            if kind == "M" and nf.endswith("ه"):
                out.append(Trigger(nf[:-1] + "ت", code, kind, marks, flags, stem=True))
    return out


def load_affixes() -> dict[str, Affixes]:
    pre: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    suf: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for row in resources.tsv("events/affixes.tsv", 3):
        kind, side, affix = row[0], row[1], row[2]
        note = row[3] if len(row) > 3 else ""
        affix = "" if affix == "-" else normalize(affix)
        (pre if side == "pre" else suf)[kind][affix] = note
    return {k: Affixes(pre[k], suf[k]) for k in KINDS}


@functools.cache
def lexicon() -> EventLexicon:
    cameo = load_cameo()
    auto = ahocorasick.Automaton()
    for trig in load_triggers(cameo):
        if trig.form not in auto:  # first listing wins
            auto.add_word(trig.form, trig)
    auto.make_automaton()
    cues = {normalize(r[0]): r[1] for r in resources.tsv("events/cues.tsv", 2)}
    modality = {r[0]: r[1] for r in resources.tsv("events/modality.tsv", 2)}
    for code in modality.values():
        if code not in cameo:
            raise ValueError(f"events/modality.tsv: unknown CAMEO code {code}")
    duals = {normalize(r[0]): r[1] for r in resources.tsv("events/actors.tsv", 2)}
    preps: dict[str, str] = {}
    clitics: dict[str, str] = {}
    skip: set[str] = set()
    clause: set[str] = set()
    filler: set[str] = set()
    titles: set[str] = set()
    light: set[str] = set()
    barrier: set[str] = set()
    frame: set[str] = set()
    extra: dict[str, set[str]] = {"place_head": set(), "of_head": set(), "envoy": set(), "pron_subj": set(), "patient_head": set(),
        "relative": set(), "rel_light": set(),
    }
    for row in resources.tsv("events/syntax.tsv", 2):
        word, role = normalize(row[0]), row[1]
        value = normalize(row[2]) if len(row) > 2 else ""
        if role == "prep":
            preps[word] = value
        elif role == "clitic":
            clitics[word] = value
        elif role == "skip":
            skip.add(word)
        elif role == "clause":
            clause.add(word)
        elif role == "filler":
            filler.add(word)
        elif role == "title":
            titles.add(word)
        elif role == "light":
            light.add(word)
        elif role == "barrier":
            barrier.add(word)
        elif role == "frame":
            frame.add(word)
        elif role in extra:
            extra[role].add(word)
        else:
            raise ValueError(f"events/syntax.tsv: unknown role {role}")
    strippable = set(preps) | skip | clause | filler  # what _strip_conj strips و/ف before
    clause_any = {c + w for w in clause for c in ("و", "ف")}
    clause_any |= {w for w in clause if not (w[:1] in ("و", "ف") and len(w) > 1 and w[1:] in strippable)}
    return EventLexicon(
        clause_any=frozenset(clause_any),
        cameo=cameo,
        automaton=auto,
        affixes=load_affixes(),
        cues=cues,
        cue_max_words=max(len(c.split()) for c in cues),
        modality=modality,
        duals=duals,
        preps=preps,
        clitics=clitics,
        skip=frozenset(skip),
        clause=frozenset(clause),
        filler=frozenset(filler),
        titles=frozenset(titles),
        light=frozenset(light),
        barrier=frozenset(barrier),
        frame=frozenset(frame),
        trigger_forms=frozenset(t.form for t in load_triggers(cameo) if t.kind == "M"),
        place_heads=frozenset(extra["place_head"]),
        of_heads=frozenset(extra["of_head"]),
        envoys=frozenset(extra["envoy"]),
        pron_subj=frozenset(extra["pron_subj"]),
        patient_heads=frozenset(extra["patient_head"]),
        relatives=frozenset(extra["relative"]),
        rel_light=frozenset(extra["rel_light"]),
    )
