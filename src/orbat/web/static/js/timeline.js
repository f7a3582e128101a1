/* A zoomable SVG timeline of claims: lanes by kind, each item links to its evidence. */
"use strict";

(() => {
  const { el, getJSON, claimDate, label } = orbat;
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const LANES = [["event", "Events", "#c27803"], ["place", "Control & presence", "#2b6cb0"], ["relation", "Relations", "#6b7785"]];
  const LEFT = 150, TOP = 28, LANE_H = 90;
  let items = [], names = {}, view = [0, 1], svg, width = 800;

  const laneOf = (c) => (c.predicate === "event" ? "event" : c.predicate === "controls" || c.predicate === "present_at" ? "place" : "relation");
  const time = (iso) => Date.parse((iso.length === 4 ? iso + "-07-01" : iso.length === 7 ? iso + "-15" : iso.slice(0, 10)) + "T00:00:00Z");
  const svgEl = (tag, attrs) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };
  const x = (t) => LEFT + ((t - view[0]) / (view[1] - view[0])) * (width - LEFT - 16);
  const nm = (id) => (id ? names[id] || id : "");

  function describe(r) {
    const c = r.claim;
    const who = (c.actors.length ? c.actors : [c.subject]).map(nm).join(", ");
    return c.predicate === "event" ? `${c.event_type || "event"}: ${who}${c.place ? " at " + nm(c.place) : ""}` : `${nm(c.subject)} ${label(c.predicate)} ${nm(c.object) || c.object || ""}`;
  }

  function filtered() {
    const needle = document.getElementById("tl-filter").value.trim().toLowerCase();
    return needle ? items.filter((it) => it.text.toLowerCase().includes(needle)) : items;
  }

  function ticks() {
    const span = (view[1] - view[0]) / DAY;
    const years = span > 1500, step = years ? Math.max(1, Math.round(span / 365 / 8)) : Math.max(1, Math.round(span / 30 / 8));
    const out = [];
    const start = new Date(view[0]);
    let d = years ? new Date(Date.UTC(start.getUTCFullYear(), 0, 1)) : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    while (d.getTime() <= view[1] && out.length < 40) {
      if (d.getTime() >= view[0]) out.push([d.getTime(), years ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7)]);
      d = years ? new Date(Date.UTC(d.getUTCFullYear() + step, 0, 1)) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
    }
    return out;
  }

  function draw() {
    width = svg.clientWidth || 800;
    const height = TOP + LANES.length * LANE_H + 10;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.style.height = height + "px";
    svg.replaceChildren();
    const axis = svgEl("g", { class: "axis" });
    for (const [t, text] of ticks()) {
      axis.appendChild(svgEl("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: height }));
      const label = svgEl("text", { x: x(t) + 3, y: 14 }); label.textContent = text; axis.appendChild(label);
    }
    svg.appendChild(axis);
    LANES.forEach(([key, title], i) => {
      const text = svgEl("text", { class: "lane-label", x: 8, y: TOP + i * LANE_H + LANE_H / 2 }); text.textContent = title; svg.appendChild(text);
      svg.appendChild(svgEl("line", { x1: 0, x2: width, y1: TOP + (i + 1) * LANE_H, y2: TOP + (i + 1) * LANE_H, stroke: "#eef0f2" }));
    });
    const visible = filtered().filter((it) => it.end >= view[0] && it.start <= view[1]);
    visible.forEach((it, k) => drawItem(it, k));
    listRows(visible);
  }

  function drawItem(it, k) {
    const lane = LANES.findIndex(([key]) => key === it.lane);
    const y = TOP + lane * LANE_H + 14 + (k % 6) * 12;
    const link = svgEl("a", { href: "/claims/" + encodeURIComponent(it.id) });
    if (it.end - it.start > DAY * 2) {
      link.appendChild(svgEl("rect", { class: "item span", x: Math.max(LEFT, x(it.start)), y: y - 4, height: 8, rx: 3,
        width: Math.max(4, Math.min(width, x(it.end)) - Math.max(LEFT, x(it.start))), fill: LANES[lane][2] }));
    }
    if (it.start >= view[0]) link.appendChild(svgEl("circle", { class: "item", cx: x(it.start), cy: y, r: 6, fill: LANES[lane][2] }));
    const title = svgEl("title", {}); title.textContent = `${it.date} · ${it.text} · ${it.voice}`; link.appendChild(title);
    svg.appendChild(link);
  }

  function listRows(visible) {
    document.getElementById("tl-count").textContent = `(${visible.length} of ${items.length})`;
    document.getElementById("tl-rows").replaceChildren(...visible.slice(0, 300).map((it) => el("tr", {},
      el("td", { class: "nowrap" }, it.date), el("td", {}, it.text), el("td", {}, it.voice),
      el("td", {}, el("a", { href: "/claims/" + encodeURIComponent(it.id) }, "evidence")))));
  }

  function fit() {
    const list = filtered();
    if (!list.length) { view = [Date.UTC(2014, 0, 1), Date.now()]; return draw(); }
    const lo = Math.min(...list.map((i) => i.start)), hi = Math.max(...list.map((i) => i.end));
    const pad = Math.max(30 * DAY, (hi - lo) * 0.05);
    view = [lo - pad, hi + pad];
    draw();
  }

  function zoom(factor, at) {
    const center = at === undefined ? (view[0] + view[1]) / 2 : at;
    const span = Math.max(7 * DAY, Math.min(60 * 365 * DAY, (view[1] - view[0]) * factor));
    const share = (center - view[0]) / (view[1] - view[0]);
    view = [center - span * share, center + span * (1 - share)];
    draw();
  }

  function wire() {
    document.getElementById("tl-in").addEventListener("click", () => zoom(0.5));
    document.getElementById("tl-out").addEventListener("click", () => zoom(2));
    document.getElementById("tl-fit").addEventListener("click", fit);
    document.getElementById("tl-filter").addEventListener("input", draw);
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const t = view[0] + ((e.offsetX - LEFT) / (width - LEFT - 16)) * (view[1] - view[0]);
      zoom(e.deltaY > 0 ? 1.25 : 0.8, t);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("mousedown", (e) => { drag = { x: e.clientX, view: view.slice() }; });
    window.addEventListener("mouseup", () => { drag = null; });
    window.addEventListener("mousemove", (e) => {
      if (!drag) return;
      const shift = ((drag.x - e.clientX) / (width - LEFT - 16)) * (drag.view[1] - drag.view[0]);
      view = [drag.view[0] + shift, drag.view[1] + shift];
      draw();
    });
    window.addEventListener("resize", draw);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    svg = document.getElementById("timeline-svg");
    const url = new URL(svg.dataset.api, window.location.origin);
    url.searchParams.set("limit", "500");
    const page = await getJSON(url.pathname + url.search);
    names = page.names;
    items = page.events.filter((r) => r.claim.valid.start || r.claim.reported).map((r) => {
      const c = r.claim;
      const start = time(c.valid.start || c.reported);
      const end = c.valid.end ? Math.max(start, time(c.valid.end)) : start;
      return { id: c.id, lane: laneOf(c), start, end, date: claimDate(c), voice: r.voice, text: describe(r) };
    });
    svg.dataset.items = String(items.length);
    wire();
    fit();
  });
})();
