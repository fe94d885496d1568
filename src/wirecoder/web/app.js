// wirecoder dashboard: plain d3 + SVG over the JSON API of `wirecoder serve`. No build step.
// Every string from the store is written with textContent (d3 .text), never as HTML.
"use strict";

const TYPE_COLORS = {
  ASSAULT: "#d62728", COERCE: "#ff7f0e", THREATEN: "#e6a100", MOBILIZE: "#8c564b", PROTEST: "#9467bd",
  SANCTION: "#7f7f7f", ACCUSE: "#e377c2", REJECT: "#bcbd22", REQUEST: "#17becf", CONSULT: "#1f77b4",
  AGREE: "#2ca02c", COOPERATE: "#98df8a", SUPPORT: "#aec7e8", AID: "#17a589", CONCEDE: "#c5b0d5",
  RETREAT: "#393b79",
};
const SPAN_KINDS = [
  ["sentence", "sentence"], ["actor", "actor"], ["target", "target"], ["place", "place"], ["date", "date"],
  ["casualties", "casualties"], ["cue", "claim cue"], ["claim_source", "claimed by"], ["trigger", "trigger"],
];
const PAGE = 100;
const MAP_POINTS = 3000; // newest matching events drawn on the map
const state = { filters: {}, offset: 0, total: 0, selected: null, timeline: null };
const $ = (id) => document.getElementById(id);
const color = (t) => TYPE_COLORS[t] || "#555";

// ------------------------------------------------------------------ fetching

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  return q.toString();
}

async function api(path, params = {}) {
  const qs = query(params);
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = JSON.stringify((await res.json()).detail); } catch (_) { /* not JSON */ }
    throw new Error(`${path}: ${res.status} ${detail}`);
  }
  return res.json();
}

function status(text) { $("status").textContent = text || ""; }

function guard(promise) {
  return promise.catch((err) => { console.error(err); status(String(err.message || err)); });
}

// ------------------------------------------------------------------ filters

function readFilters() {
  const f = {};
  for (const name of ["start", "end", "country", "actor", "type", "stance", "source"]) {
    const v = $(`filter-${name}`).value.trim();
    if (v) f[name] = v;
  }
  return f;
}

function setFilters(changes) {
  for (const [k, v] of Object.entries(changes)) $(`filter-${k}`).value = v || "";
  onFiltersChanged({ keepTimeline: Object.keys(changes).every((k) => k === "start" || k === "end") });
}

let debounce = null;
function onFiltersChanged({ keepTimeline = false } = {}) {
  state.filters = readFilters();
  state.offset = 0;
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    status("");
    guard(loadEvents());
    guard(loadMap());
    if (keepTimeline) drawBrush(); else guard(loadTimeline());
  }, 150);
}

async function loadFacets() {
  const facets = await api("/facets");
  const fill = (id, items, label) => {
    const sel = d3.select(`#${id}`);
    for (const it of items) sel.append("option").attr("value", it.value ?? it).text(label(it));
  };
  const counts = Object.fromEntries(facets.type.map((t) => [t.value, t.n]));
  fill("filter-type", facets.plover_types, (t) => `${t}${counts[t] ? ` (${counts[t]})` : ""}`);
  fill("filter-country", facets.country, (c) => `${c.value} (${c.n})`);
  fill("filter-stance", facets.stances, (s) => s);
  d3.select("#source-list").selectAll("option").data(facets.source).join("option").attr("value", (d) => d.value);
  const actors = await api("/actors", { limit: 500 });
  d3.select("#actor-list").selectAll("option").data(actors.actors).join("option").attr("value", (d) => d.name);
  drawLegend(facets.type.map((t) => t.value));
}

// ------------------------------------------------------------------ map

const map = {};

async function initMap() {
  const svg = d3.select("#map");
  map.svg = svg;
  map.g = svg.append("g");
  map.countries = map.g.append("g");
  map.points = map.g.append("g");
  map.projection = d3.geoNaturalEarth1();
  map.path = d3.geoPath(map.projection);
  map.zoom = d3.zoom().scaleExtent([1, 200]).on("zoom", (ev) => {
    map.g.attr("transform", ev.transform);
    map.k = ev.transform.k;
    map.points.selectAll("circle").attr("r", (d) => radius(d) / map.k);
  });
  svg.call(map.zoom);
  map.k = 1;
  const world = await api("/static/vendor/countries.geojson");
  map.world = world;
  layoutMap();
  window.addEventListener("resize", () => { layoutMap(); drawPoints(map.features || []); });
}

function layoutMap() {
  const node = map.svg.node();
  const w = node.clientWidth || 800, h = node.clientHeight || 400;
  map.size = [w, h];
  map.projection.fitExtent([[4, 4], [w - 4, h - 4]], { type: "Sphere" });
  map.countries.selectAll("path.graticule").data([d3.geoGraticule10()]).join("path")
    .attr("class", "graticule").attr("d", map.path);
  map.countries.selectAll("path.country").data(map.world.features).join("path")
    .attr("class", "country").attr("d", map.path)
    .append("title").text((d) => d.properties.name);
}

function radius(d) {
  const k = d.properties.killed || 0;
  return Math.min(26, 3.5 + 2.2 * Math.sqrt(k));
}

async function loadMap() {
  const geo = await api("/events.geojson", { ...state.filters, limit: MAP_POINTS });
  map.features = geo.features;
  drawPoints(geo.features);
  zoomTo(geo.features);
  $("map").dataset.points = String(geo.features.length);
  d3.select("#legend").selectAll("span.count").data([0]).join("span").attr("class", "count hint")
    .text(geo.features.length >= MAP_POINTS ? `newest ${MAP_POINTS} shown` : `${geo.features.length} located`);
}

function drawPoints(features) {
  const pts = map.points.selectAll("circle.event").data(
    // big circles first so small ones stay clickable on top
    [...features].sort((a, b) => radius(b) - radius(a)), (d) => d.id,
  );
  pts.join("circle")
    .attr("class", (d) => `event${d.id === state.selected ? " selected" : ""}`)
    .attr("data-uid", (d) => d.id)
    .attr("cx", (d) => map.projection(d.geometry.coordinates)[0])
    .attr("cy", (d) => map.projection(d.geometry.coordinates)[1])
    .attr("r", (d) => radius(d) / map.k)
    .attr("fill", (d) => color(d.properties.event_type))
    .on("click", (ev, d) => { ev.stopPropagation(); guard(openEvent(d.id)); })
    .selectAll("title").data((d) => [d]).join("title")
    .text((d) => {
      const p = d.properties;
      return `${p.event_type} · ${p.date || "?"} · ${p.place_name || ""}` +
        `${p.source_name ? `\n${p.source_name}` : ""}${p.target_name ? ` → ${p.target_name}` : ""}` +
        `${p.killed ? `\nkilled: ${p.killed}` : ""}${p.source ? `\nsource: ${p.source}` : ""}`;
    });
}

function zoomTo(features) {
  if (!features.length) return;
  const xy = features.map((f) => map.projection(f.geometry.coordinates));
  const [w, h] = map.size;
  let [x0, x1] = d3.extent(xy, (p) => p[0]);
  let [y0, y1] = d3.extent(xy, (p) => p[1]);
  const pad = 60;
  const k = Math.max(1, Math.min(12, 0.9 / Math.max((x1 - x0 + pad) / w, (y1 - y0 + pad) / h)));
  const t = d3.zoomIdentity.translate(w / 2, h / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
  map.svg.transition().duration(400).call(map.zoom.transform, t);
}

function drawLegend(types) {
  const items = d3.select("#legend").selectAll("span.item").data(types.length ? types : Object.keys(TYPE_COLORS));
  const span = items.join("span").attr("class", "item");
  span.selectAll("*").remove();
  span.append("span").attr("class", "swatch").style("background", (d) => color(d));
  span.append("span").text((d) => d);
  d3.select("#legend").selectAll("span.size").data([0]).join("span").attr("class", "size hint")
    .text("size = killed");
}

// ------------------------------------------------------------------ timeline

async function loadTimeline() {
  const { start, end, ...rest } = state.filters;
  let data = await api("/timeline", { ...rest, bucket: "day" });
  if (data.bins.length > 2) {
    const span = (new Date(data.bins.at(-1).t) - new Date(data.bins[0].t)) / 864e5;
    const bucket = span > 1500 ? "month" : span > 240 ? "week" : null;
    if (bucket) data = await api("/timeline", { ...rest, bucket });
  }
  state.timeline = data;
  drawTimeline();
}

function binEnd(t, bucket) {
  const d = new Date(t);
  if (bucket === "day") return d3.utcDay.offset(d, 1);
  if (bucket === "week") return d3.utcDay.offset(d, 7);
  if (bucket === "month") return d3.utcMonth.offset(d, 1);
  return d3.utcYear.offset(d, 1);
}

function drawTimeline() {
  const svg = d3.select("#timeline");
  svg.selectAll("*").remove();
  const data = state.timeline;
  const node = svg.node();
  const w = node.clientWidth || 600, h = node.clientHeight || 110;
  const m = { l: 34, r: 10, t: 6, b: 18 };
  if (!data || !data.bins.length) {
    svg.append("text").attr("x", w / 2).attr("y", h / 2).attr("text-anchor", "middle").attr("class", "hint")
      .text("no dated events");
    return;
  }
  const bins = data.bins.map((b) => ({ ...b, t0: new Date(b.t), t1: binEnd(b.t, data.bucket) }));
  // Show at least ~20 bins of time so one busy day does not fill the whole strip.
  let [lo, hi] = [bins[0].t0, bins.at(-1).t1];
  const minSpan = 20 * (bins[0].t1 - bins[0].t0);
  if (hi - lo < minSpan) {
    const pad = (minSpan - (hi - lo)) / 2;
    [lo, hi] = [new Date(+lo - pad), new Date(+hi + pad)];
  }
  const x = d3.scaleUtc().domain([lo, hi]).range([m.l, w - m.r]);
  const top = d3.max(bins, (b) => b.n) || 1;
  const y = d3.scaleLinear().domain([0, top]).nice().range([h - m.b, m.t]);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${h - m.b})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(w / 90))).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`)
    .call(d3.axisLeft(y).tickValues(y.ticks(3).filter(Number.isInteger)).tickFormat(d3.format("~s")));
  svg.append("g").selectAll("rect").data(bins).join("rect").attr("class", "bar")
    .attr("x", (b) => x(b.t0)).attr("width", (b) => Math.max(1, x(b.t1) - x(b.t0) - 1))
    .attr("y", (b) => y(b.n)).attr("height", (b) => y(0) - y(b.n))
    .append("title").text((b) => `${b.t}: ${b.n} events, ${b.killed} killed`);
  state.x = x;
  state.brush = d3.brushX().extent([[m.l, m.t], [w - m.r, h - m.b]]).on("end", brushed);
  state.brushG = svg.append("g").attr("class", "brush").call(state.brush);
  drawBrush();
}

function drawBrush() {
  if (!state.brush || !state.x) return;
  const { start, end } = state.filters;
  const [lo, hi] = state.x.domain();
  const sel = start || end
    ? [state.x(start ? new Date(start) : lo), state.x(end ? d3.utcDay.offset(new Date(end), 1) : hi)]
    : null;
  state.brushing = true;
  state.brushG.call(state.brush.move, sel);
  state.brushing = false;
  d3.select("#timeline").selectAll("rect.bar").classed("out", (b) =>
    (start && b.t1 <= new Date(start)) || (end && b.t0 > new Date(end)));
}

function brushed(ev) {
  if (state.brushing || !ev.sourceEvent) return; // moved by code, not by the user
  const iso = (d) => d.toISOString().slice(0, 10);
  if (!ev.selection) { setFilters({ start: "", end: "" }); return; }
  const [a, b] = ev.selection.map(state.x.invert);
  setFilters({ start: iso(d3.utcDay.floor(a)), end: iso(d3.utcDay.offset(d3.utcDay.ceil(b), -1)) });
}

// ------------------------------------------------------------------ table

async function loadEvents() {
  const page = await api("/events", { ...state.filters, limit: PAGE, offset: state.offset });
  state.total = page.total;
  $("event-count").textContent = `${page.total.toLocaleString()} event${page.total === 1 ? "" : "s"}`;
  $("page-info").textContent = page.total
    ? `${page.offset + 1}–${page.offset + page.events.length}` : "";
  $("page-prev").disabled = page.offset === 0;
  $("page-next").disabled = page.offset + page.events.length >= page.total;
  const rows = d3.select("#events-table tbody").selectAll("tr").data(page.events, (d) => d.uid).join("tr")
    .attr("data-uid", (d) => d.uid)
    .classed("selected", (d) => d.uid === state.selected)
    .on("click", (ev, d) => guard(openEvent(d.uid)));
  rows.selectAll("td").data((d) => [
    d.date || d.published || "", d, who(d), d.place_name || "", d.killed ?? "", d.stance || "", d.source || "",
  ]).join("td").each(function (v, i) {
    const td = d3.select(this);
    td.selectAll("*").remove();
    if (i === 1) {
      td.text("");
      td.append("span").attr("class", "type-chip").style("background", color(v.event_type)).text(v.event_type);
    } else td.text(v);
  });
  if (!page.events.length) {
    d3.select("#events-table tbody").append("tr").append("td").attr("colspan", 7).attr("class", "empty")
      .text("No events match these filters.");
  }
}

function who(d) {
  const a = d.source_name || "?";
  return d.target_name ? `${a} → ${d.target_name}` : a;
}

// ------------------------------------------------------------------ article with evidence

async function openEvent(uid) {
  state.selected = uid;
  d3.selectAll("#events-table tbody tr").classed("selected", (d) => d && d.uid === uid);
  map.points.selectAll("circle.event").classed("selected", (d) => d.id === uid);
  const detail = await api(`/events/${encodeURIComponent(uid)}`);
  const art = await api(`/articles/${encodeURIComponent(detail.event.article_key)}`);
  showTab("events-view");
  $("events-view").classList.add("reading");
  $("article-empty").hidden = true;
  $("article").hidden = false;
  renderArticle(art, detail);
  requestAnimationFrame(() => {
    layoutMap();
    drawPoints(map.features || []);
    drawTimeline();
    const hl = document.querySelector("#article-text .hl-sentence");
    if (hl) hl.scrollIntoView({ block: "center" });
  });
}

function closeArticle() {
  state.selected = null;
  $("events-view").classList.remove("reading");
  $("article").hidden = true;
  $("article-empty").hidden = false;
  d3.selectAll("#events-table tbody tr").classed("selected", false);
  map.points.selectAll("circle.event").classed("selected", false);
  requestAnimationFrame(() => { layoutMap(); drawPoints(map.features || []); drawTimeline(); });
}

function renderArticle(art, detail) {
  const a = art.article, e = detail.event;
  $("article-title").textContent = a.title || "(untitled article)";
  $("article-meta").textContent = [a.source, a.published, a.id && `id ${a.id}`].filter(Boolean).join(" · ");
  const summary = d3.select("#event-summary");
  summary.selectAll("*").remove();
  const fields = [
    ["event", `${e.event_type}${e.mode ? ` (${e.mode})` : ""}${e.acled_subtype ? ` · ACLED: ${e.acled_type} / ${e.acled_subtype}` : ""}`],
    ["who", who(e)],
    ["where", e.place_name ? `${e.place_name}${e.country ? `, ${e.country}` : ""}${e.lat != null ? ` (${(+e.lat).toFixed(2)}, ${(+e.lon).toFixed(2)})` : ""}` : "—"],
    ["when", e.date ? `${e.date} (${e.date_precision})` : "—"],
    ["killed", [e.killed != null && `${e.killed} killed`, e.wounded != null && `${e.wounded} wounded`].filter(Boolean).join(", ") || "—"],
    ["claim", e.claim_source || e.claim_cue ? `${e.claim_source || "?"} — “${e.claim_cue || ""}” (${e.stance})${e.negated ? ", negated" : ""}` : `${e.stance}${e.negated ? ", negated" : ""}`],
  ];
  for (const [k, v] of fields) { summary.append("dt").text(k); summary.append("dd").text(v); }
  const legend = d3.select("#span-legend");
  legend.selectAll("*").remove();
  const present = new Set(detail.spans.map((s) => s.kind));
  for (const [kind, label] of SPAN_KINDS) {
    if (present.has(kind)) legend.append("span").attr("class", `hl-${kind}`).text(label);
  }
  highlight($("article-text"), a.text || "", art.spans, e.uid);
  renderCluster(detail.cluster, e.uid);
}

// Split the text at every span boundary; each piece gets the classes of the spans covering it:
// `hl-<kind>` for the selected event's evidence, `mention` for every other extracted span.
function highlight(container, text, spans, uid) {
  container.textContent = "";
  // Other events' whole sentences and claims would underline most of the story: keep their fields only.
  const wide = new Set(["sentence", "claim", "quote"]);
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start &&
    (s.event === uid || !wide.has(s.kind)));
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((p, q) => p - q);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const mine = covering.filter((s) => s.event === uid);
    const el = document.createElement("span");
    const classes = new Set(mine.map((s) => `hl-${s.kind}`));
    if (covering.length > mine.length) classes.add("mention");
    el.className = [...classes].join(" ");
    el.title = covering.filter((s) => s.kind !== "sentence")
      .map((s) => `${s.kind}${s.label != null ? `: ${s.label}` : ""}`).join("\n");
    el.textContent = piece;
    container.append(el);
  }
}

function renderCluster(cluster, uid) {
  const box = d3.select("#cluster");
  box.selectAll("*").remove();
  if (!cluster) return;
  const others = cluster.events.filter((m) => m.uid !== uid);
  box.append("h3").text(`Same event in ${new Set(cluster.events.map((m) => m.article_key)).size} report(s)`);
  for (const c of cluster.contradictions) {
    box.append("div").attr("class", "report").style("border-left-color", "#c0392b")
      .text(`Disputed ${c.kind}: ${c.a_source || "?"} says ${c.a_value}, ${c.b_source || "?"} says ${c.b_value}`);
  }
  const rep = box.selectAll("div.member").data(others).join("div").attr("class", "report member")
    .on("click", (ev, m) => guard(openEvent(m.uid)));
  rep.append("span").attr("class", "src").text((m) => `${m.source || "unknown source"} `);
  rep.append("span").attr("class", "hint").text((m) =>
    `${m.date || m.published || ""} · ${m.event_type}${m.killed != null ? ` · ${m.killed} killed` : ""}`);
  rep.append("div").text((m) => m.sentence || "");
}

// ------------------------------------------------------------------ contradictions

async function loadContradictions() {
  const data = await api("/contradictions", { limit: 500 });
  const box = d3.select("#contradictions");
  box.selectAll("*").remove();
  if (!data.contradictions.length) {
    box.append("div").attr("class", "empty").text("No contradictions found (run `wirecoder clusters` after ingesting).");
    return;
  }
  const card = box.selectAll("div.contradiction").data(data.contradictions).join("div")
    .attr("class", "contradiction");
  const head = card.append("div").attr("class", "head");
  head.append("span").attr("class", "kind").text((c) => c.kind);
  head.append("span").text((c) => [c.a_place || c.b_place, c.a_date || c.b_date].filter(Boolean).join(" · "));
  head.append("span").attr("class", "hint").text((c) => `  cluster ${c.cluster_id}`);
  const sides = card.append("div").attr("class", "sides");
  for (const side of ["a", "b"]) {
    const s = sides.append("div").attr("class", `side side-${side}`)
      .on("click", (ev, c) => guard(openEvent(c[`${side}_event`])));
    s.append("div").attr("class", "src").text((c) => c[`${side}_source`] || "unknown source");
    s.append("div").attr("class", "value").text((c) => c[`${side}_value`]);
    s.append("div").attr("class", "claim").text((c) => c[`${side}_claim`] || "");
  }
}

// ------------------------------------------------------------------ wiring

function showTab(view) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== view;
  for (const t of document.querySelectorAll(".tab[data-view]")) t.classList.toggle("active", t.dataset.view === view);
  if (view === "contradictions-view") guard(loadContradictions());
}

function wire() {
  for (const t of document.querySelectorAll(".tab[data-view]")) t.addEventListener("click", () => showTab(t.dataset.view));
  const form = $("filters");
  form.addEventListener("change", () => onFiltersChanged());
  form.addEventListener("input", (ev) => { if (ev.target.type === "search") onFiltersChanged(); });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); onFiltersChanged(); });
  form.addEventListener("reset", () => setTimeout(() => onFiltersChanged(), 0));
  $("page-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); guard(loadEvents()); });
  $("page-next").addEventListener("click", () => { state.offset += PAGE; guard(loadEvents()); });
  $("article-close").addEventListener("click", closeArticle);
}

async function main() {
  wire();
  await Promise.all([guard(initMap()), guard(loadFacets())]);
  state.filters = readFilters();
  await Promise.all([guard(loadEvents()), guard(loadMap()), guard(loadTimeline())]);
  document.body.dataset.ready = "1";
}

main();
