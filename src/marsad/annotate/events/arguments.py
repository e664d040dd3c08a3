"""Source, target and location of a trigger, read from the items of its sentence.

Arabic news is mostly verb-subject-object: the subject follows the verb (titles and fillers such
as "قد"، "اليوم" may stand between), the target is an unmarked object or an actor after the
preposition the trigger takes ("مع"، "بـ"، "إلى"). Nouns (masdars) take their actor from a
following genitive ("زيارة بوتين") or from the subject of the light verb before them ("أجرى بوتين
محادثات"). Arguments are never looked for across a clause opener ("حيث"، "الذي"، "أن").

Second-pass rules (all driven by roles in resources/events/syntax.tsv): a verb right after
"أنه/إنه" takes the speaker before it as source (pron_subj); parties of an event noun may be named
in a relative clause after it ("المباحثات التي أجراها X مع Y", rel_light); an unmarked object is
never the genitive of a victim or institution noun ("مقتل شيرين"، "مستشفى الملك فهد"); head nouns
such as "ريف" stand between a preposition and its place; an envoy's country (or his name) is the
guest of a host verb; a nisba subject ("السفير الأسترالي") yields to the person named after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.annotate.events.actors import PLACE_TYPES, Item
from marsad.annotate.events.lexicon import EventLexicon
from marsad.annotate.events.triggers import Hit

MAX_REL_ITEMS = 14  # items of a relative clause read for the parties of an event noun
MAX_AFTER = 28  # items after the trigger searched for arguments
MAX_BEFORE = 12  # items before it
FRAME_ROOTS = frozenset({"03", "04", "05"})  # codes whose nouns take frame words (خلال زيارته)
LIGHT_SPAN = 5  # a light verb stands at most this many items before its event noun
OBJ_DESCRIPTORS = 2  # words read back from an object for a victim/institution head noun
TITLE_COMPLEMENT = 3  # words after a title that name its office ("وزير الشؤون الاجتماعية")
MAX_OBJ_GAP = 4  # an unmarked object is at most this many items after the subject
MAX_MARKED_GAP = 10  # a target after a preposition is at most this many items after the subject
MAX_FAR_OBJ_GAP = 12  # ... for verbs flagged far_obj (استقبل)
COORD = "و"
OF = "of"  # genitive of an indefinite title: "أمير منطقة X" describes a person, X is no object
EVT = "evt"  # genitive of another event noun
DIPLOMATIC_TYPES = frozenset({"PER", "GPE", "ORG"})
_CLAUSE_PUNCT = frozenset({":", "؛", ";"})


@dataclass(slots=True)
class Args:
    sources: tuple[str, ...]
    target: str | None
    location: str | None
    rule: str


def actor_ids(item: Item) -> tuple[str, ...]:
    if item.kind == "P" and item.phrase is not None:
        return (item.phrase.eid,)
    if item.kind == "D" and item.pair is not None:
        return item.pair
    return ()


def _strip_conj(n: str, lex: EventLexicon) -> str:
    if n[:1] in ("و", "ف") and len(n) > 1:
        rest = n[1:]
        if rest in lex.preps or rest in lex.skip or rest in lex.clause or rest in lex.filler:
            return rest
    return n


def mark_of(items: list[Item], i: int, lex: EventLexicon, floor: int = 0) -> str | None:
    """The mark of actor item i: a preposition ("مع", "ب", "الى" ...), COORD, or None (unmarked)."""
    it = items[i]
    own = it.phrase.prefix if it.phrase is not None else ""
    if it.kind == "D":
        n = it.norm
        own = n[: len(n) - len(n.lstrip("وفبل"))][:2]
    if own:
        rest = own.lstrip("وف")
        if rest:
            mark = lex.clitics.get(rest, rest)
            if mark == "ب" and it.phrase is not None and it.phrase.etype in PLACE_TYPES:
                return "في"  # "بمراكش"، "ببيروت": where, not whom
            return mark
        return COORD
    skipped = 0
    for j in range(i - 1, max(floor - 1, i - 6), -1):
        prev = items[j]
        if prev.kind == "X":
            if prev.norm in ("،", ",") and skipped < 3:
                skipped += 1
                continue
            return None
        if prev.kind != "W":
            return None
        n = _strip_conj(prev.norm, lex)
        if n == COORD:
            return COORD
        if n in lex.titles and j >= i - 2 and not (it.phrase is not None and it.phrase.adj):
            return OF
        if n in lex.preps:
            return lex.preps[n]
        if n in lex.place_heads and it.phrase is not None and it.phrase.etype in PLACE_TYPES:
            skipped += 1  # "على ريف حماة": the head noun stands between the mark and the place
            if skipped > 3:
                return None
            continue
        if j == i - 1 - skipped and n in lex.of_heads:
            return OF  # "مستشفى الملك فهد": the actor names the institution
        if n in lex.skip:
            if prev.norm != n and prev.norm[0] == COORD and skipped == 0:
                return COORD
            skipped += 1
            if skipped > 3:
                return None
            continue
        for c, mark in lex.clitics.items():
            if n.startswith(c):
                rest = n[len(c):]
                if c == "لل":
                    rest = "ال" + rest
                if rest in lex.skip:
                    return mark
        if j == i - 1 - skipped and (n.startswith("لل") or n.startswith("بال")):
            return lex.clitics["لل"] if n.startswith("لل") else lex.clitics["ب"]
        if j == i - 1 - skipped and len(n) > 3 and n[0] == "و":
            return OF  # "... وحكومة بينيت": the genitive of a coordinated noun
        if j == i - 1 - skipped and len(n) > 3 and n[0] in ("ب", "ل") and (n[1:] in lex.trigger_forms or n[3:] in lex.trigger_forms):
            return EVT  # "باغتيال شيرين": the victim of another event, not this one's target
        if j == i - 1 - skipped and len(n) > 3 and n[0] in ("ب", "ل") and n not in lex.light:
            return lex.clitics[n[0]]  # "برعاية وزير ..."، "لصالح ...": inside a prepositional phrase
        if j == i - 1 and i >= 2 and items[i - 2].kind == "W" and _strip_conj(items[i - 2].norm, lex) in lex.titles:
            if it.phrase is not None and it.phrase.adj:
                return None  # "وزير المالية القطري": the adjective names the minister's country
            return OF  # "رئيس هذه الجمهورية"
        return None
    return None


def _gap_ok(items: list[Item], a: int, b: int, lex: EventLexicon, limit: int = 4) -> bool:
    """Items strictly between a and b are only titles, fillers or commas (at most `limit`), plus
    at most TITLE_COMPLEMENT words after a title ("وزير الشؤون الاجتماعية")."""
    if b - a - 1 > limit + TITLE_COMPLEMENT:
        return False
    free = 0
    titled = False
    for k in range(a + 1, b):
        it = items[k]
        if it.kind == "X":
            if it.norm not in ("،", ","):
                return False
            continue
        if it.kind != "W":
            return False
        n = _strip_conj(it.norm, lex)
        if n in lex.skip or n in lex.titles:
            titled = True
            continue
        if n in lex.filler:
            continue
        if titled and free < TITLE_COMPLEMENT and n not in lex.clause and n not in lex.preps and n not in lex.light:
            free += 1
            continue
        return False
    return b - a - 1 - free <= limit


def _subject_slot(items: list[Item], lo: int, k: int, lex: EventLexicon) -> bool:
    """Item k can be a clause subject: it opens the clause or follows a light verb, a title,
    a filler or punctuation (not a noun it would be the genitive of: "قادة فنلندا")."""
    j = k - 1
    while j >= lo and items[j].kind == "W" and _strip_conj(items[j].norm, lex) in lex.skip:
        j -= 1
    if j < lo or items[j].kind == "X":
        return True
    if items[j].kind != "W":
        return False
    if j == lo or items[j - 1].kind == "X":
        return True  # a clause-initial word before it: the clause's verb ("، سعت موسكو")
    n = items[j].norm
    return n in lex.light or _strip_conj(n, lex) in lex.light or n[1:] in lex.light or _strip_conj(n, lex) in lex.filler


def _after_light(items: list[Item], lo: int, t0: int, lex: EventLexicon, frames: bool) -> int:
    """Index of a light verb (أجرى، سيقوم) or, when `frames`, a frame word (خلال) at most
    LIGHT_SPAN items before the noun in its clause, else -1."""
    words = lex.light | lex.frame if frames else lex.light
    for j in range(t0 - 1, max(lo, t0 - LIGHT_SPAN) - 1, -1):
        it = items[j]
        if it.kind == "W" and (it.norm in words or _strip_conj(it.norm, lex) in words or it.norm[1:] in words):
            return j
    return -1


def _at_clause_start(items: list[Item], lo: int, k: int, lex: EventLexicon) -> bool:
    """Only fillers (و، قد، كان ...) or punctuation stand between the clause start and item k."""
    for j in range(lo, k):
        it = items[j]
        if it.kind == "X":
            continue
        if it.kind != "W":
            return False
        n = _strip_conj(it.norm, lex)
        if n not in lex.filler and n not in ("و", "ف"):
            return False
    return True


def _clause_end(items: list[Item], i: int, lex: EventLexicon) -> int:
    clause_any = lex.clause_any  # == (_strip_conj(norm) in lex.clause), precomputed
    for k in range(i, min(len(items), i + MAX_AFTER)):
        it = items[k]
        kind = it.kind
        if kind == "W":
            if it.norm in clause_any:
                return k
        elif kind == "X" and it.norm in _CLAUSE_PUNCT:
            return k
    return min(len(items), i + MAX_AFTER)


def _clause_start(items: list[Item], i: int, lex: EventLexicon) -> int:
    clause_any = lex.clause_any
    for k in range(i - 1, max(-1, i - MAX_BEFORE - 1), -1):
        it = items[k]
        kind = it.kind
        if kind == "W":
            if it.norm in clause_any:
                return k + 1
        elif kind == "X" and it.norm in _CLAUSE_PUNCT:
            return k + 1
    return max(0, i - MAX_BEFORE)


def find_args(
    items: list[Item], t0: int, t1: int, hit: Hit, lex: EventLexicon, inherited: tuple[str, ...],
) -> Args | None:
    """Arguments of the trigger occupying items[t0:t1] (t1 exclusive)."""
    trig = hit.trigger
    if hit.pron and "nopron" in trig.flags:
        return None
    sym = "sym" in trig.flags
    lo = _clause_start(items, t0, lex)
    hi = _clause_end(items, t1, lex)
    actors_after = [k for k in range(t1, hi) if items[k].kind in ("P", "D")]
    marks = {k: mark_of(items, k, lex, t1) for k in actors_after}
    sources: tuple[str, ...] = ()
    target: str | None = None
    used: set[int] = set()
    rule = trig.kind
    subj_end = t1 - 1  # last item of the subject (or the trigger)

    def coord_after(k: int) -> int | None:
        nxt = k + 1
        if nxt < hi and items[nxt].kind in ("P", "D") and marks.get(nxt) == COORD:
            return nxt
        return None

    # --- source
    pron_subj = (
        trig.kind in ("V", "I") and lo > 0 and items[lo - 1].kind == "W" and items[lo - 1].norm in lex.pron_subj
        and _at_clause_start(items, lo, t0, lex)
    )
    if pron_subj:
        # "وأضاف ستولتنبرغ أنه بحث مع أردوغان": the subject is the pronoun, i.e. the speaker named
        # before the complementizer; every actor after the verb is an object
        speaker = _speaker_before(items, lo - 1, lex)
        if speaker is None:
            return None
        sources = speaker
        rule += ".pron_subj"
    elif trig.kind in ("V", "I"):
        # SV: an unmarked subject right before the verb ("الرئيس الأمريكي قد زار إثيوبيا")
        for k in range(t0 - 1, lo - 1, -1):
            if items[k].kind in ("P", "D") and _gap_ok(items, k, t0, lex, 2):
                if mark_of(items, k, lex) in (None, COORD):
                    first = k
                    while first - 1 >= lo and mark_of(items, first, lex) == COORD and items[first - 1].kind in ("P", "D"):
                        first -= 1
                    if _at_clause_start(items, lo, first, lex):
                        for j in range(first, k + 1):
                            sources = sources + actor_ids(items[j])
                        subj_end = t1 - 1
                        rule += ".sv"
                break
            if items[k].kind != "W" or _strip_conj(items[k].norm, lex) not in lex.filler:
                break
        if not sources:
            # VS: the subject follows the verb
            for k in actors_after:
                if marks[k] is None and _gap_ok(items, t1 - 1, k, lex):
                    name = _named_after_adj(items, k, hi, lex)
                    if name is not None:
                        used.add(k)
                        k = name
                    sources = actor_ids(items[k])
                    used.add(k)
                    subj_end = k
                    c = coord_after(k)
                    if c is not None:
                        sources = sources + actor_ids(items[c])
                        used.add(c)
                        subj_end = c
                    rule += ".vs"
                    break
        if not sources and inherited:
            sources = inherited
            rule += ".inherit"
    else:
        if t1 < hi and items[t1].kind in ("P", "D") and marks.get(t1) is None:
            gen = items[t1]
            gen_is_place = gen.kind == "P" and gen.phrase is not None and gen.phrase.etype in PLACE_TYPES
            gen_adj = gen.phrase is not None and gen.phrase.adj
            if not gen_adj and ("gen_tgt" in trig.flags or ("gen_place" in trig.flags and gen_is_place)):
                target = actor_ids(gen)[0]
                used.add(t1)
                rule += ".gen_tgt"
            elif gen_adj or "gen_src" in trig.flags or "gen_place" in trig.flags:
                sources = actor_ids(gen)
                used.add(t1)
                c = coord_after(t1)
                if c is not None and _people_or_countries(items[t1], items[c]):
                    sources = sources + actor_ids(items[c])
                    used.add(c)
                rule += ".gen"
        light = _after_light(items, lo, t0, lex, trig.code[:2] in FRAME_ROOTS)
        if not sources and not hit.pron and light < 0:
            pass
        elif not sources:
            # subject of a light verb before the noun (أجرى بوتين محادثات): the nearest unmarked
            # person before it, else the nearest unmarked country/organisation
            cands: list[tuple[str, ...]] = []
            first_k = lo if hit.pron else max(lo, light - 3)
            for k in range(t0 - 1, first_k - 1, -1):
                if items[k].kind not in ("P", "D"):
                    continue
                mk = mark_of(items, k, lex)
                if mk == COORD and k - 1 >= lo and items[k - 1].kind in ("P", "D"):
                    in_list = k - 2 >= 0 and (items[k - 2].kind in ("P", "D") or items[k - 2].norm in ("،", ","))
                    if not in_list and _subject_slot(items, lo, k - 1, lex):
                        cands.append(actor_ids(items[k - 1]) + actor_ids(items[k]))
                    break
                if mk is None and not _subject_slot(items, lo, k, lex):
                    continue
                if k + 1 < len(items) and items[k + 1].kind == "X" and items[k + 1].norm in ("-", "–", ":"):
                    continue  # a dateline ("بيروت- ...")
                if mk is None:
                    ph = items[k].phrase
                    if ph is not None and ph.etype == "PER" or items[k].kind == "D":
                        cands.insert(0, actor_ids(items[k]))
                        break
                    cands.append(actor_ids(items[k]))
            if cands:
                sources = cands[0]
                rule += ".pre"
        if not sources and hit.pron:
            for k in actors_after:
                if k not in used and marks[k] is None and _subject_slot(items, t1, k, lex):
                    sources = actor_ids(items[k])
                    used.add(k)
                    rule += ".pron"
                    break
    if not sources:
        return None
    if len(sources) >= 2 and sym and target is None:
        return Args((sources[0],), sources[1], _location(items, t1, actors_after, marks, used), rule + ".pair")
    # --- target
    if target is None:
        appo_end = _apposition_end(items, subj_end, hi, lex)
        for k in actors_after:
            if k in used or k <= appo_end:
                continue
            mk = marks[k]
            envoy = mk == OF and _envoy_of(items, k, lex)
            if envoy:
                mk = None  # "استقبل ... سفير كوريا": the envoy's country is the object ...
                name = _named_after_adj(items, k, hi, lex, adj_only=False)
                if name is not None and name not in used:
                    k = name  # ... or the envoy himself when named ("لدى المملكة السيد كيم جين سو")
            if mk is None and k - max(subj_end, appo_end) > (MAX_FAR_OBJ_GAP if "far_obj" in trig.flags else MAX_OBJ_GAP):
                continue
            if mk is not None and k - max(subj_end, appo_end) > MAX_MARKED_GAP:
                break
            if "per_tgt" in trig.flags and not envoy and (items[k].phrase is None or items[k].phrase.etype != "PER"):
                continue
            # a verb with an object pronoun (اتهمها) has its object already
            obj_ok = "obj" in trig.marks and not (hit.pron and trig.kind != "M")
            ok = (mk is None and obj_ok) or (mk is not None and mk in trig.marks)
            if not ok:
                continue
            ph = items[k].phrase
            if mk is None and ph is not None and ph.adj and k - subj_end <= 2 and subj_end >= t1:
                continue  # "منظمة تير دي فام الألمانية": qualifies the subject
            if mk is None and ph is not None and ph.adj and rule.endswith((".inherit", ".pron_subj")) and k <= t1 + 1:
                continue  # "ورفض الملياردير الأميركي": describes the unnamed subject
            if mk is None and not envoy and not _object_slot(items, k, t1, lex, strict="per_tgt" in trig.flags):
                continue  # "أدان مقتل شيرين": the genitive of a noun, not the object
            if mk == "ب" and sym and (ph is None or ph.etype != "PER"):
                continue  # "اجتمع ... ببيروت": a place, not a partner
            if mk == "بين":
                ids = actor_ids(items[k])
                c = coord_after(k)
                if c is not None:
                    ids = ids + actor_ids(items[c])
                if len(ids) >= 2 and sym:
                    return Args((ids[0],), ids[1], _location(items, t1, actors_after, marks, used), rule + ".between")
                continue
            ids = actor_ids(items[k])
            if len(ids) > 1:
                continue  # a dual in object position: too vague
            ph = items[k].phrase
            if ph is not None and ph.etype not in DIPLOMATIC_TYPES and "place_tgt" not in trig.flags:
                continue
            if ids and ids[0] not in sources:
                target = ids[0]
                used.add(k)
                rule += ".tgt"
                break
    if target is None or target in sources:
        return None
    return Args(sources, target, _location(items, t1, actors_after, marks, used), rule)


def _named_after_adj(items: list[Item], k: int, hi: int, lex: EventLexicon, adj_only: bool = True) -> int | None:
    """If item k is only a nisba adjective ("السفير الأسترالي") and the person it qualifies is
    named a few items later ("لدى المملكة الدكتور رالف كينج"), the index of that person."""
    ph = items[k].phrase
    if ph is None or (adj_only and not ph.adj):
        return None
    after_prep = False
    for j in range(k + 1, min(hi, k + 6)):
        it = items[j]
        if it.kind == "P" and it.phrase is not None:
            if it.phrase.etype == "PER":
                return j
            if it.phrase.etype in PLACE_TYPES and after_prep:
                after_prep = False
                continue  # "لدى المملكة"
            return None
        if it.kind != "W":
            return None
        n = _strip_conj(it.norm, lex)
        if n in lex.preps:
            after_prep = True
            continue
        if after_prep:
            after_prep = False  # the object of the preposition ("لدى المملكة")
            continue
        if n not in lex.skip and n not in lex.titles and n not in lex.filler:
            return None
    return None


def _object_slot(items: list[Item], k: int, t1: int, lex: EventLexicon, strict: bool = False) -> bool:
    """An unmarked actor k can be the verb's object unless it is the genitive of a victim or
    institution noun standing a few words before it ("أدان مقتل الصحفية شيرين"، "زار مستشفى الملك
    فهد"); titles, honorifics and up to OBJ_DESCRIPTORS other words may stand between."""
    other = 0
    limit = 0 if strict else OBJ_DESCRIPTORS  # a host receives a person, not "تمديد الرئيس ..."
    for j in range(k - 1, max(t1, k - 8) - 1, -1):
        it = items[j]
        if it.kind != "W":
            return True
        n = _strip_conj(it.norm, lex)
        if n in lex.patient_heads or n in lex.of_heads:
            return False
        if n in lex.skip or n in lex.titles or n in lex.envoys:
            continue
        if n in lex.filler:
            return True
        if other >= limit:
            return limit > 0
        other += 1
    return True


def _speaker_before(items: list[Item], c: int, lex: EventLexicon) -> tuple[str, ...] | None:
    """The subject of the verb of saying before complementizer c ("وأضاف ستولتنبرغ أنه"): the
    nearest unmarked person or country in the 8 items before it, or None."""
    for j in range(c - 1, max(-1, c - 9), -1):
        it = items[j]
        if it.kind == "X" and it.norm not in ("،", ","):
            return None
        if it.kind == "P" and it.phrase is not None and it.phrase.etype in ("PER", "GPE", "ORG"):
            mk = mark_of(items, j, lex)
            if mk == OF and j > 0 and items[j - 1].kind == "W" and _strip_conj(items[j - 1].norm, lex) in lex.titles:
                return None  # "عضو مجلس العموم": the speaker is a member, not the body
            if mk in (None, OF) and not it.phrase.adj:
                return actor_ids(it)  # OF: "وأضاف X" reads like a genitive after و
    return None


def _envoy_of(items: list[Item], k: int, lex: EventLexicon) -> bool:
    """Country item k follows an envoy title ("سفير جمهورية كوريا", "السفير الأمريكي" is an
    adjective and needs no help)."""
    ph = items[k].phrase
    if ph is None or ph.etype != "GPE" or ph.adj:
        return False
    for j in range(k - 1, max(-1, k - 4), -1):
        it = items[j]
        if it.kind != "W":
            return False
        n = _strip_conj(it.norm, lex)
        if n in lex.envoys:
            return True
        if n not in lex.skip:
            return False
    return False


def _people_or_countries(*its: Item) -> bool:
    """All items are persons or countries (a meeting "between" two boards is no diplomatic event)."""
    return all(it.kind == "D" or (it.phrase is not None and it.phrase.etype in ("PER", "GPE")) for it in its)


def _apposition_end(items: list[Item], subj_end: int, hi: int, lex: EventLexicon) -> int:
    """If the subject is followed by an apposition ("سمير دندن، رئيس جمعية ...،"), the index of
    its last item; else subj_end."""
    k = subj_end + 1
    subj = items[subj_end].phrase if 0 <= subj_end < len(items) else None
    if subj is not None and subj.appos:
        for j in range(k, min(hi, k + 10)):
            if items[j].kind == "X" and items[j].norm in ("،", ","):
                return j
        return subj_end
    nxt = items[k].phrase if k < hi and items[k].kind == "P" else None
    if nxt is not None and nxt.etype == "PER" and items[subj_end].kind == "P":
        new_person = not nxt.titled and nxt.eid != (subj.eid if subj else None) and (nxt.head in lex.skip or nxt.head in lex.titles)
        if not new_person:
            return k  # "أندريه رودينكو نائب وزير الخارجية الروسي": a second name for the subject
    comma = k < hi and items[k].kind == "X" and items[k].norm in ("،", ",")
    if comma:
        k += 1
    if k >= hi or items[k].kind != "W":
        return subj_end
    n = _strip_conj(items[k].norm, lex)
    if not comma and n not in lex.titles and n not in lex.skip:
        return subj_end
    for j in range(k + 1, min(hi, k + 10)):
        if items[j].kind == "X" and items[j].norm in ("،", ","):
            return j
    return subj_end


def _location(
    items: list[Item], t1: int, actors_after: list[int], marks: dict[int, str | None], used: set[int]
) -> str | None:
    """A place after "في" close to the trigger or to one of its arguments (within 4 items)."""
    anchors = [t1 - 1, *used]
    for k in actors_after:
        if k in used or marks.get(k) != "في":
            continue
        if not any(0 < k - a <= 4 for a in anchors):
            continue
        ph = items[k].phrase
        if ph is not None and ph.etype in PLACE_TYPES:
            return ph.eid
    return None


def relative_args(items: list[Item], t1: int, lex: EventLexicon) -> Args | None:
    """Parties of an event noun named in a relative clause right after it: "المباحثات التي أجراها
    X مع Y"، "الاتصال الذي أجراه X بـY"، "اللقاء الذي جمع X وY"."""
    if t1 + 2 >= len(items):
        return None
    rel, verb = items[t1], items[t1 + 1]
    if rel.kind != "W" or rel.norm not in lex.relatives or verb.kind != "W" or verb.norm not in lex.rel_light:
        return None
    src: tuple[str, ...] = ()
    for k in range(t1 + 2, min(len(items), t1 + 2 + MAX_REL_ITEMS)):
        it = items[k]
        if it.kind == "X" and it.norm in _CLAUSE_PUNCT:
            return None
        if it.kind == "W" and _strip_conj(it.norm, lex) in lex.clause:
            return None
        ids = actor_ids(it)
        if not ids:
            continue
        ph = it.phrase
        if ph is not None and ph.etype not in ("PER", "GPE"):
            continue
        mk = mark_of(items, k, lex, t1 + 2)
        if not src:
            if mk not in (None, OF) or (ph is not None and ph.adj):
                return None  # OF: "أجراها وزير الخارجية ناصر بوريطة", the office before the name
            if len(ids) == 2:
                return Args((ids[0],), ids[1], None, "M.rel.dual")
            src = ids
            continue
        if mk in ("مع", "ب", COORD) and ids[0] not in src and (ph is None or not ph.adj):
            return Args(src, ids[0], None, "M.rel")
    return None


def pair_in_window(items: list[Item], lo: int, hi: int) -> tuple[str, str] | None:
    """Two parties named in items[lo:hi]: exactly two distinct people, else exactly two distinct
    countries, else exactly one person and one country."""
    pers: list[str] = []
    gpes: list[str] = []
    adjs: list[str] = []
    for k in range(max(0, lo), min(len(items), hi)):
        ph = items[k].phrase
        if ph is None:
            continue
        bucket = pers if ph.etype == "PER" else gpes if ph.etype == "GPE" else None
        if bucket is not None and ph.eid not in bucket:
            bucket.append(ph.eid)
            if ph.adj:
                adjs.append(ph.eid)
    if len(pers) == 2:
        return pers[0], pers[1]
    if len(pers) == 0 and len(gpes) == 2:
        return gpes[0], gpes[1]
    if len(pers) == 1 and len(gpes) == 1 and gpes[0] in adjs:
        return pers[0], gpes[0]  # "إعلام رسمية صينية ... لنظيره الروسي ... اتصال هاتفي"
    return None


def coordinated_pair(items: list[Item]) -> tuple[str, str] | None:
    """The first "X وY" pair of actors of the same type in a sentence (موسكو وبكين)."""
    for k in range(1, len(items)):
        a, b = items[k - 1], items[k]
        if a.phrase is None or b.phrase is None:
            continue
        if b.phrase.prefix.startswith(COORD) and a.phrase.eid != b.phrase.eid and a.phrase.etype == b.phrase.etype:
            return a.phrase.eid, b.phrase.eid
    return None
