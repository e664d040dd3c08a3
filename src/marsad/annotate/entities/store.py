"""Per-document entity store: mentions in shadow offsets, merged by entity id, then exported."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from marsad.annotate.doc import Doc
from marsad.annotate.entities.gazetteer import GazEntry, Gazetteer
from marsad.annotate.entities.romanize import romanize_folded
from marsad.model import Entity, Mention
from marsad.text.normalize import normalize


def project_id(type_: str, norm_name: str) -> str:
    """A stable id for an entity the gazetteer lacks: m: + hash of type and folded name."""
    return "m:" + hashlib.sha1(f"{type_}:{norm_name}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class Draft:
    id: str
    type: str
    name: str
    name_en: str | None
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # shadow start, end, form, rule
    roles: list[str] = field(default_factory=list)
    role_keys: set[str] = field(default_factory=set)
    spans: set[tuple[int, int]] = field(default_factory=set)
    gaz: bool = False
    key: str = ""  # folded name


class EntityStore:
    def __init__(self, doc: Doc, gaz: Gazetteer,
                 lookup: Callable[[str], Sequence[GazEntry]] | None = None) -> None:
        self.doc = doc
        self.gaz = gaz
        self.lookup = lookup or gaz.lookup  # folded key -> entries
        self.drafts: dict[str, Draft] = {}
        self.mask = bytearray(len(doc.norm))  # 1 where a name mention already sits

    def covered(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) >= 0

    def occupy(self, s: int, e: int, value: int = 1) -> None:
        self.mask[s:e] = (b"\x01" if value == 1 else bytes((value,))) * (e - s)

    def gaz_draft(self, eid: str) -> Draft | None:
        d = self.drafts.get(eid)
        if d is None:
            entry = self.gaz.get(eid)
            if entry is None:
                return None
            d = Draft(eid, entry.type, entry.name, entry.name_en, gaz=True)
            self.drafts[eid] = d
        return d

    def new_draft(self, type_: str, s: int, e: int) -> Draft:
        """The draft for a name found by a pattern at shadow [s, e): the gazetteer entry when it
        has one, else a project entity merged by type + folded name."""
        name = " ".join(self.doc.norm[s:e].split())
        hits = [g for g in self.lookup(name) if _compatible(g.type, type_)]
        if hits:
            d = self.gaz_draft(hits[0].id)
            assert d is not None
            return d
        eid = project_id(type_, name.replace("عبد ال", "عبدال").replace("ابو ", "ابو"))
        d = self.drafts.get(eid)
        if d is None:
            a, b = self.doc.shadow.orig_span(s, e)
            d = Draft(eid, type_, " ".join(self.doc.text[a:b].split()), None, key=name)
            self.drafts[eid] = d
        return d

    def add(self, d: Draft, s: int, e: int, form: str, rule: str, occupy: bool = True) -> None:
        if (s, e) in d.spans:
            return
        d.spans.add((s, e))
        d.mentions.append((s, e, form, rule))
        if occupy:
            self.mask[s:e] = b"\x01" * (e - s)

    def add_role(self, d: Draft, role: str, folded: str | None = None) -> None:
        """Add a role text once (compared folded; pass `folded` when already known)."""
        role = " ".join(role.split()).strip(" ،,")
        if not role:
            return
        k = " ".join(folded.split()) if folded is not None else normalize(role)
        if k not in d.role_keys:
            d.role_keys.add(k)
            d.roles.append(role)

    def export(self) -> list[Entity]:
        out: list[Entity] = []
        text = self.doc.text
        orig = self.doc.shadow.orig
        for d in self.drafts.values():
            if not d.mentions:
                continue
            mentions = []
            for s, e, form, rule in sorted(d.mentions):
                a, b = orig(s), orig(e) if e > 0 else 0  # Shadow.orig_span, inlined
                mentions.append(Mention(start=a, end=b, text=text[a:b], form=form, rule=rule))  # type: ignore[arg-type]
            name_en = d.name_en if d.gaz else romanize_folded(d.key)
            out.append(Entity(id=d.id, type=d.type, name=d.name, name_en=name_en,  # type: ignore[arg-type]
                              mentions=mentions, roles=list(d.roles)))
        out.sort(key=lambda x: x.mentions[0].start)
        return out


def _compatible(a: str, b: str) -> bool:
    place = {"GPE", "LOC", "FAC"}
    return a == b or (a in place and b in place)
