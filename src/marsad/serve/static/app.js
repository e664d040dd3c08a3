/* Marsad dashboard: plain JavaScript, no build step, no external library.
   Hash routes: #/ (stories), #/search?q=…, #/story/ID, #/article/ID, #/entity/ID, #/entities,
   #/conflicts, #/timeline. All text from the API is inserted as text nodes (never as HTML). */
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVGNS = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "style") node.setAttribute("style", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const r = await fetch(url);
  if (!r.ok) {
    let msg = r.status + "";
    try { const j = await r.json(); msg += " " + JSON.stringify(j.detail); } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  return r.json();
}

const LABELS = {
  PER: "شخص", ORG: "منظمة", GPE: "دولة/مدينة", LOC: "مكان", FAC: "منشأة", EVENT: "حدث", MISC: "أخرى",
  direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط",
  money: "مبلغ", percent: "نسبة", quantity: "كمية", count: "عدد", multiplier: "مضاعف",
  single: "مصدر واحد", agree: "متفق", conflict: "متضارب",
  name: "اسم", title: "لقب", nominal: "وصف", adjective: "صفة", pronoun: "ضمير",
};
const tr = (x) => (x in LABELS ? LABELS[x] : x);

function hue(s) {
  let h = 0;
  for (const ch of s || "") h = (h * 31 + ch.codePointAt(0)) % 360;
  return h;
}
function speakerColor(id) {
  return id ? `hsl(${hue(id)}, 75%, 88%)` : "hsl(0, 0%, 90%)";
}

function view(...children) {
  const v = $("#view");
  v.replaceChildren(...children);
  window.scrollTo(0, 0);
}
function loading() { view(el("p", { class: "muted" }, "جارٍ التحميل…")); }
function fail(e) { view(el("p", { class: "error" }, "تعذّر التحميل: " + e.message)); }

function articleLink(a) {
  return el("a", { class: "result-link", href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id);
}
function meta(...parts) {
  return el("span", { class: "muted" }, parts.filter(Boolean).join(" · "));
}
function entityLink(id, name) {
  if (!id) return el("span", { class: "muted" }, "—");
  return el("a", { href: `#/entity/${encodeURIComponent(id)}` }, name || id);
}

function pager(page, onGo) {
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const cur = Math.floor(page.offset / page.limit) + 1;
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: cur <= 1 ? "" : null, onclick: () => onGo(page.offset - page.limit) }, "السابق"),
    el("span", { class: "muted" }, `صفحة ${cur} من ${pages} (${page.total})`),
    el("button", { type: "button", disabled: cur >= pages ? "" : null, onclick: () => onGo(page.offset + page.limit) }, "التالي"));
}

/* ---------- home: stories, volume chart, co-occurrence ---------- */
async function home(params) {
  loading();
  const offset = Number(params.get("offset") || 0);
  try {
    const [stories, vol, co] = await Promise.all([
      api("/api/stories", { limit: 20, offset }),
      api("/api/volume", { by: "month" }),
      api("/api/cooccurrence", { top: 20 }),
    ]);
    const list = el("ul", { class: "list", id: "stories" },
      stories.items.map((s) => el("li", { class: "story" },
        el("a", { class: "story-link", href: `#/story/${encodeURIComponent(s.id)}` }, s.title || s.id),
        el("span", { class: "badge" }, `${s.n_articles} مقال`),
        el("div", {}, meta(s.start, s.end && s.end !== s.start ? s.end : null,
          [...new Set(s.articles.map((a) => a.outlet).filter(Boolean))].join("، "))),
        s.summary && s.summary.length ? el("div", { class: "muted" }, s.summary[0]) : null)));
    view(el("div", { class: "grid" },
      el("section", {}, el("h2", {}, "القصص"), el("div", { class: "card" }, list,
        pager(stories, (o) => { location.hash = `#/?offset=${Math.max(0, o)}`; }))),
      el("section", {},
        el("h2", {}, "المقالات عبر الزمن"), el("div", { class: "card" }, barChart(vol.map((v) => [v.period, v.articles]), "مقال")),
        el("h2", {}, "الكيانات المتزامنة"), el("div", { class: "card" }, cooccurrenceChart(co)))));
  } catch (e) { fail(e); }
}

/* ---------- search ---------- */
function withMarks(text, marks) {
  const out = [];
  let pos = 0;
  for (const [s, e] of marks || []) {
    if (s < pos) continue;
    out.push(text.slice(pos, s), el("mark", {}, text.slice(s, e)));
    pos = e;
  }
  out.push(text.slice(pos));
  return out;
}

async function searchView(params) {
  const q = params.get("q") || "";
  $("#q").value = q;
  for (const [k, id] of [["outlet", "#f-outlet"], ["theme", "#f-theme"], ["start", "#f-start"], ["end", "#f-end"]]) {
    $(id).value = params.get(k) || "";
  }
  loading();
  const filters = {
    outlet: params.get("outlet"), start: params.get("start"), end: params.get("end"),
    entity: params.get("entity"), theme: params.get("theme"), event: params.get("event"),
  };
  const offset = Number(params.get("offset") || 0);
  try {
    const res = q ? await api("/api/search", { q, limit: 20, offset, ...filters })
                  : await api("/api/articles", { limit: 20, offset, ...filters });
    const items = res.items.map((h) => el("li", { class: "result" },
      articleLink(h), " ", meta(h.outlet, h.day),
      el("div", { class: "snippet" }, withMarks(h.snippet, h.marks))));
    view(el("h2", {}, q ? `نتائج البحث عن «${q}»` : "المقالات"),
      el("p", { class: "muted", id: "result-count" }, `${res.total} نتيجة في ${res.took_ms} م.ث`),
      el("div", { class: "card" }, items.length ? el("ul", { class: "list", id: "results" }, items)
        : el("p", { class: "muted" }, "لا نتائج."),
        pager(res, (o) => { params.set("offset", Math.max(0, o)); location.hash = "#/search?" + params.toString(); })));
  } catch (e) { fail(e); }
}

/* ---------- article with highlighted layers ---------- */
function annotations(art, names) {
  const nm = (id) => (id && names[id] ? names[id].name : id);
  const anns = [];
  for (const e of art.entities || []) {
    for (const m of e.mentions) {
      anns.push({ start: m.start, end: m.end, cls: ["ent", e.type], layer: "ent",
        title: `${e.name} (${tr(e.type)})`,
        rows: [["كيان", e.name], ["النوع", tr(e.type)], ["الصيغة", tr(m.form)], ["المعرّف", e.id],
               ["بالإنجليزية", e.name_en], ["الأدوار", (e.roles || []).join("، ")], ["القاعدة", m.rule]],
        link: e.id });
    }
  }
  (art.quotes || []).forEach((q) => {
    anns.push({ start: q.start, end: q.end, cls: ["q"], layer: "q", color: speakerColor(q.speaker),
      title: `اقتباس ${tr(q.kind)}: ${nm(q.speaker) || "قائل غير محدد"}`,
      rows: [["اقتباس", tr(q.kind)], ["القائل", nm(q.speaker) || "غير محدد"], ["فعل القول", q.cue ? q.cue.text : null],
             ["القاعدة", q.rule]], link: q.speaker });
    if (q.cue) anns.push({ start: q.cue.start, end: q.cue.end, cls: ["cue"], layer: "q", title: "فعل القول",
      rows: [["فعل القول", q.cue.text], ["القائل", nm(q.speaker) || "غير محدد"]] });
  });
  for (const c of art.citations || []) {
    anns.push({ start: c.start, end: c.end, cls: ["cue"], layer: "q", title: `إسناد: ${nm(c.source) || ""}`,
      rows: [["إسناد", c.text], ["المصدر", nm(c.source) || "غير محدد"], ["القاعدة", c.rule]], link: c.source });
  }
  for (const a of art.amounts || []) {
    anns.push({ start: a.start, end: a.end, cls: ["amt"], layer: "amt",
      title: `${tr(a.kind)}: ${a.value}${a.unit ? " " + a.unit : ""}`,
      rows: [["رقم", tr(a.kind)], ["القيمة", a.value], ["الوحدة", a.unit], ["المقيس", a.measure_text || a.measure],
             ["الفترة", a.period], ["تقييد", a.qualifier], ["القاعدة", a.rule]] });
  }
  for (const t of art.times || []) {
    anns.push({ start: t.start, end: t.end, cls: ["tim"], layer: "tim", title: `زمن: ${t.value}`,
      rows: [["زمن", t.type], ["القيمة", t.value], ["القاعدة", t.rule]] });
  }
  for (const ev of art.events || []) {
    anns.push({ start: ev.trigger.start, end: ev.trigger.end, cls: ["evt"], layer: "evt",
      title: `حدث ${ev.code}: ${ev.label}`,
      rows: [["حدث", `${ev.code} ${ev.label}`], ["الفاعل", nm(ev.source)], ["المفعول به", nm(ev.target)],
             ["المكان", nm(ev.location)], ["الزمن", ev.time], ["القاعدة", ev.rule]] });
  }
  return anns.filter((a) => a.end > a.start);
}

function renderText(text, anns) {
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const pts = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const s = pts[i], e = pts[i + 1];
    const cover = anns.filter((a) => a.start <= s && a.end >= e);
    const chunk = text.slice(s, e);
    if (!cover.length) { out.push(chunk); continue; }
    const cls = new Set(["seg"]);
    let color = null;
    for (const a of cover) { a.cls.forEach((c) => cls.add(c)); if (a.color) color = a.color; }
    const span = el("span", { class: [...cls].join(" "), title: cover.map((a) => a.title).join("\n"),
      style: color ? `--qc: ${color}` : null, "data-start": s, "data-end": e }, chunk);
    span.addEventListener("click", () => showDetail(cover, span));
    out.push(span);
  }
  return out;
}

function showDetail(cover, span) {
  document.querySelectorAll(".seg.sel").forEach((x) => x.classList.remove("sel"));
  if (span) span.classList.add("sel");
  const body = cover.map((a) => el("div", { class: "ann" },
    el("dl", { class: "kv" }, a.rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== "")
      .map(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])),
    a.link ? el("a", { href: `#/entity/${encodeURIComponent(a.link)}` }, "صفحة الكيان ←") : null));
  $("#detail-body").replaceChildren(...body);
  $("#detail").hidden = false;
}

function legend(art, names) {
  const speakers = [...new Set((art.quotes || []).map((q) => q.speaker))];
  return el("div", { class: "legend" },
    el("span", { class: "seg ent PER" }, "شخص"), el("span", { class: "seg ent ORG" }, "منظمة"),
    el("span", { class: "seg ent GPE" }, "دولة/مدينة"), el("span", { class: "seg amt" }, "رقم"),
    el("span", { class: "seg tim" }, "زمن"), el("span", { class: "seg evt" }, "حدث"),
    speakers.map((s) => el("span", { class: "seg q", style: `--qc: ${speakerColor(s)}` },
      "اقتباس: " + (s && names[s] ? names[s].name : s || "قائل غير محدد"))));
}

function toggles(target) {
  const mk = (cls, label) => el("label", {}, el("input", { type: "checkbox", checked: "", onchange: (ev) => {
    target.classList.toggle("hide-" + cls, !ev.target.checked); } }), " " + label);
  return el("div", { class: "layer-toggles" }, mk("ent", "الكيانات"), mk("q", "الاقتباسات"), mk("amt", "الأرقام"),
    mk("tim", "الأزمنة"), mk("evt", "الأحداث"));
}

async function articleCard(id) {
  const data = await api(`/api/articles/${encodeURIComponent(id)}`);
  const art = data.article, names = data.names || {};
  const textBox = el("div", { class: "article-text", id: "article-text" }, renderText(art.text, annotations(art, names)));
  const ents = [...(art.entities || [])].sort((a, b) => b.mentions.length - a.mentions.length);
  return el("article", { class: "card", id: "article" },
    el("h2", { id: "article-title" }, art.title || art.id),
    el("div", {}, meta(art.source && art.source.outlet, art.published && art.published.value, art.id),
      data.story && data.story.articles > 1 ? el("span", {}, " · ",
        el("a", { href: `#/story/${encodeURIComponent(data.story.id)}` }, `القصة (${data.story.articles} مقالات)`)) : null),
    toggles(textBox), legend(art, names), textBox,
    el("h3", {}, "الكيانات"),
    el("div", {}, ents.map((e) => el("span", { class: "badge" }, entityLink(e.id, e.name), ` ${e.mentions.length}`))),
    (art.themes || []).length ? el("div", {}, el("h3", {}, "المحاور"),
      art.themes.map((t) => el("span", { class: "badge" }, `${t.code} ${Number(t.score).toFixed(2)}`))) : null);
}

async function articleView(id) {
  loading();
  try { view(await articleCard(id)); } catch (e) { fail(e); }
}

async function storyView(id) {
  loading();
  try {
    const s = await api(`/api/stories/${encodeURIComponent(id)}`);
    const first = s.articles.length ? await articleCard(s.articles[0].id) : null;
    view(el("section", { class: "card", id: "story" },
      el("h2", {}, s.title || s.id), meta(s.start, s.end),
      s.summary && s.summary.length ? el("ul", {}, s.summary.map((x) => el("li", {}, x))) : null,
      el("ul", { class: "list" }, s.articles.map((a) => el("li", {}, articleLink(a), " ", meta(a.outlet, a.day))))),
      first);
  } catch (e) { fail(e); }
}

/* ---------- entities ---------- */
async function entitiesView(params) {
  loading();
  const offset = Number(params.get("offset") || 0);
  try {
    const [res, co] = await Promise.all([api("/api/entities", { limit: 50, offset, q: params.get("q") }),
      api("/api/cooccurrence", { top: 30 })]);
    view(el("div", { class: "grid" },
      el("section", {}, el("h2", {}, "الكيانات"), el("div", { class: "card" },
        el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "الاسم"), el("th", {}, "النوع"),
          el("th", {}, "المقالات"), el("th", {}, "الإشارات"), el("th", {}, "الفترة"))),
          el("tbody", {}, res.items.map((e) => el("tr", {}, el("td", {}, entityLink(e.id, e.name)),
            el("td", {}, tr(e.type)), el("td", {}, e.articles), el("td", {}, e.mentions),
            el("td", { class: "muted" }, [e.first, e.last].filter(Boolean).join(" — ")))))),
        pager(res, (o) => { location.hash = `#/entities?offset=${Math.max(0, o)}`; }))),
      el("section", {}, el("h2", {}, "شبكة التزامن"), el("div", { class: "card" }, cooccurrenceChart(co)))));
  } catch (e) { fail(e); }
}

function quoteList(page) {
  if (!page.items.length) return el("p", { class: "muted" }, "لا يوجد.");
  return el("ul", { class: "list" }, page.items.map((q) => el("li", {},
    el("div", { class: "seg q", style: `--qc: ${speakerColor(q.speaker)}` }, "«" + q.text + "»"),
    el("div", {}, q.speaker ? entityLink(q.speaker, q.speaker_name) : el("span", { class: "muted" }, "قائل غير محدد"),
      " · ", el("a", { href: `#/article/${encodeURIComponent(q.article)}` }, q.title || q.article), " ", meta(q.outlet, q.day)))));
}

async function entityView(id) {
  loading();
  try {
    const e = await api(`/api/entities/${encodeURIComponent(id)}`, { limit: 20 });
    view(el("section", { id: "entity" },
      el("h2", {}, e.name, " ", el("span", { class: "badge" }, tr(e.type)), e.name_en ? el("span", { class: "muted" }, " " + e.name_en) : null),
      el("div", { class: "card" }, el("dl", { class: "kv" },
        el("dt", {}, "المعرّف"), el("dd", {}, e.id),
        el("dt", {}, "المقالات"), el("dd", {}, e.articles), el("dt", {}, "الإشارات"), el("dd", {}, e.mentions),
        el("dt", {}, "الفترة"), el("dd", {}, [e.first, e.last].filter(Boolean).join(" — ")),
        el("dt", {}, "الصيغ"), el("dd", {}, e.variants.join("، ")),
        el("dt", {}, "الأدوار"), el("dd", {}, e.roles.map((r) => `${r.role} (${r.articles})`).join("، ") || "—")),
        el("a", { href: `#/search?entity=${encodeURIComponent(e.id)}` }, "كل المقالات التي تذكره ←")),
      el("div", { class: "grid" },
        el("div", {},
          el("h3", {}, `أقواله (${e.quotes_by.total})`), el("div", { class: "card" }, quoteList(e.quotes_by)),
          el("h3", {}, `أقوال عنه (${e.quotes_about.total})`), el("div", { class: "card" }, quoteList(e.quotes_about)),
          el("h3", {}, "الأحداث"), el("div", { class: "card" }, e.events.length ? el("table", {},
            el("tbody", {}, e.events.map((v) => el("tr", {}, el("td", {}, `${v.code} ${v.label}`),
              el("td", {}, entityLink(v.source, v.source_name)), el("td", {}, entityLink(v.target, v.target_name)),
              el("td", {}, v.time || v.day || ""), el("td", {}, el("a", { href: `#/article/${encodeURIComponent(v.article)}` }, "المقال"))))))
            : el("p", { class: "muted" }, "لا يوجد."))),
        el("div", {},
          el("h3", {}, "الحضور عبر الزمن"), el("div", { class: "card" }, barChart(e.timeline.map((t) => [t.month, t.articles]), "مقال")),
          el("h3", {}, "كيانات مرتبطة"), el("div", { class: "card" }, el("ul", { class: "list" },
            e.related.map((r) => el("li", {}, entityLink(r.id, r.name), el("span", { class: "badge" }, r.articles))))),
          el("h3", {}, "أحدث المقالات"), el("div", { class: "card" }, el("ul", { class: "list" },
            e.recent_articles.map((a) => el("li", {}, articleLink(a), " ", meta(a.outlet, a.day)))))))));
  } catch (err) { fail(err); }
}

/* ---------- conflicts and timeline ---------- */
async function conflictsView() {
  loading();
  try {
    const res = await api("/api/claims", { status: "conflict", limit: 200 });
    const rows = res.items.map((c) => el("tr", {},
      el("td", {}, c.measure), el("td", {}, c.party_names.join("، ")), el("td", {}, c.period || "—"),
      el("td", {}, c.unit || ""),
      el("td", {}, el("ul", { class: "list" }, c.values.map((v) => el("li", {},
        el("strong", {}, Number(v.value).toLocaleString("ar")), " — ", v.text, " ",
        el("a", { href: `#/article/${encodeURIComponent(v.article)}` }, v.article),
        v.attributed_to ? el("span", { class: "muted" }, " (" + v.attributed_to + ")") : null))))));
    view(el("h2", {}, "تضارب الأرقام بين المصادر"),
      el("p", { class: "muted" }, `${res.total} رقمًا متضاربًا`),
      el("div", { class: "card" }, res.items.length ? el("table", { id: "conflicts" },
        el("thead", {}, el("tr", {}, el("th", {}, "المقيس"), el("th", {}, "الأطراف"), el("th", {}, "الفترة"),
          el("th", {}, "الوحدة"), el("th", {}, "القيم"))), el("tbody", {}, rows))
        : el("p", { class: "muted" }, "لا تضارب.")));
  } catch (e) { fail(e); }
}

async function timelineView() {
  loading();
  try {
    const [tl, vol] = await Promise.all([api("/api/timeline", { limit: 200 }), api("/api/volume", { by: "month" })]);
    view(el("h2", {}, "الخط الزمني"),
      el("div", { class: "card" }, barChart(vol.map((v) => [v.period, v.articles]), "مقال")),
      el("div", { class: "card" }, tl.items.length ? el("table", { id: "timeline" }, el("tbody", {},
        tl.items.map((t) => el("tr", {}, el("td", {}, t.time), el("td", {}, t.text),
          el("td", {}, t.articles.map((a) => el("a", { href: `#/article/${encodeURIComponent(a)}`, class: "badge" }, a)))))))
        : el("p", { class: "muted" }, "لا أحداث مؤرخة.")));
  } catch (e) { fail(e); }
}

/* ---------- SVG charts ---------- */
function barChart(data, unit) {
  const W = 560, H = 220, pad = 28, n = data.length;
  const chart = svg("svg", { class: "chart timeline-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "مخطط زمني" });
  if (!n) { chart.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "لا بيانات")); return chart; }
  const max = Math.max(...data.map((d) => d[1]));
  const bw = (W - 2 * pad) / n;
  // time runs right to left, as the page reads
  data.forEach(([label, v], i) => {
    const h = ((H - 2 * pad) * v) / max;
    const x = W - pad - (i + 1) * bw;
    chart.append(svg("rect", { class: "bar", x: x + bw * 0.1, y: H - pad - h, width: Math.max(1, bw * 0.8), height: h },
      svg("title", {}, `${label}: ${v} ${unit}`)));
  });
  const step = Math.max(1, Math.ceil(n / 8));
  data.forEach(([label], i) => {
    if (i % step) return;
    chart.append(svg("text", { x: W - pad - (i + 0.5) * bw, y: H - 8, "font-size": 11, "text-anchor": "middle" }, label));
  });
  chart.append(svg("text", { x: W - pad, y: 14, "font-size": 11, "text-anchor": "end" }, `الأعلى: ${max}`));
  return chart;
}

function cooccurrenceChart(co) {
  const W = 420, H = 420, cx = W / 2, cy = H / 2, R = 150;
  const chart = svg("svg", { class: "chart cooccurrence", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "شبكة الكيانات" });
  const nodes = co.nodes || [];
  if (!nodes.length) { chart.append(svg("text", { x: cx, y: cy, "text-anchor": "middle" }, "لا بيانات")); return chart; }
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
  });
  const maxE = Math.max(1, ...co.edges.map((e) => e.articles));
  for (const e of co.edges) {
    const [x1, y1] = pos[e.a], [x2, y2] = pos[e.b];
    chart.append(svg("line", { class: "edge", x1, y1, x2, y2, "stroke-width": 0.5 + (4 * e.articles) / maxE,
      "stroke-opacity": 0.25 + (0.6 * e.articles) / maxE }, svg("title", {}, `${e.articles} مقال مشترك`)));
  }
  const maxN = Math.max(...nodes.map((n) => n.articles));
  const colors = { PER: "#7b3fa0", ORG: "#1f6fb2", GPE: "#b26a00", LOC: "#8a6d3b", FAC: "#8a6d3b" };
  for (const n of nodes) {
    const [x, y, a] = pos[n.id];
    const r = 4 + 10 * Math.sqrt(n.articles / maxN);
    const outward = Math.cos(a) >= 0;
    const g = svg("g", { class: "node", onclick: () => { location.hash = `#/entity/${encodeURIComponent(n.id)}`; } },
      svg("circle", { cx: x, cy: y, r, fill: colors[n.type] || "#555" }),
      svg("text", { x: x + (outward ? r + 3 : -(r + 3)), y: y + 4, "font-size": 11,
        "text-anchor": outward ? "start" : "end" }, n.name),
      svg("title", {}, `${n.name}: ${n.articles} مقال`));
    chart.append(g);
  }
  return chart;
}

/* ---------- routing ---------- */
async function route() {
  $("#detail").hidden = true;
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = hash.split("?");
  const params = new URLSearchParams(qs || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (!parts.length) return home(params);
  switch (parts[0]) {
    case "search": return searchView(params);
    case "article": return articleView(parts.slice(1).join("/"));
    case "story": return storyView(parts.slice(1).join("/"));
    case "entity": return entityView(parts.slice(1).join("/"));
    case "entities": return entitiesView(params);
    case "conflicts": return conflictsView();
    case "timeline": return timelineView();
    default: return home(params);
  }
}

async function init() {
  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, id] of [["q", "#q"], ["outlet", "#f-outlet"], ["theme", "#f-theme"], ["start", "#f-start"], ["end", "#f-end"]]) {
      const v = $(id).value.trim();
      if (v) p.set(k, v);
    }
    location.hash = "#/search?" + p.toString();
  });
  $("#detail-close").addEventListener("click", () => { $("#detail").hidden = true; });
  window.addEventListener("hashchange", route);
  try {
    const [h, outlets, themes] = await Promise.all([api("/api/health"), api("/api/outlets"), api("/api/themes")]);
    for (const t of themes) $("#f-theme").append(el("option", { value: t.code }, `${t.code} (${t.articles})`));
    $("#health").textContent = `مرصد ${h.version} — ${h.articles} مقال` + (h.first_day ? ` (${h.first_day} — ${h.last_day})` : "");
    for (const o of outlets) if (o.outlet) $("#f-outlet").append(el("option", { value: o.outlet }, `${o.outlet} (${o.articles})`));
  } catch (e) { $("#health").textContent = "تعذّر الاتصال بالخادم"; }
  route();
}

init();
