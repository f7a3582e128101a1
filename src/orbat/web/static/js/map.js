/* The map page: state as of a date (control, presence) and the events before it, with filters. */
"use strict";

(() => {
  const { el, getJSON, entityLink, evidenceLink, claimDate, label } = orbat;
  const START = "2011-01-01";
  const DAY_MS = 86400000;
  const $ = (id) => document.getElementById(id);
  const toDay = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  const fromDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

  let map, cluster, areas, timer, generation = 0;

  function popup(title, rows) {
    return el("div", {}, el("div", { class: "popup-title" }, title), el("ul", { class: "popup-list" }, rows));
  }

  function stateRow(entry, names) {
    const first = entry.supporting[0];
    const sources = entry.independent_sources + " source" + (entry.independent_sources === 1 ? "" : "s");
    return el("li", {}, entityLink(names, entry.subject), " ", el("span", { class: "pred" }, label(entry.predicate)),
      " ", entityLink(names, entry.object || entry.place),
      el("span", { class: "muted" }, ` · since ${entry.since || "undated"} · ${sources}`),
      entry.contesting.length ? el("span", { class: "badge neg" }, "contested") : null,
      first ? [" · ", evidenceLink(first.claim.id)] : null);
  }

  function eventRow(record, names) {
    const c = record.claim;
    const who = (c.actors.length ? c.actors : [c.subject]).filter(Boolean);
    return el("li", {}, claimDate(c), " ", el("span", { class: "badge type" }, c.event_type || "event"), " ",
      who.map((a, i) => [i ? ", " : "", entityLink(names, a)]), " · ", el("span", { class: "muted" }, record.voice), " · ",
      evidenceLink(c.id));
  }

  function voiceMatches(records, claimant) {
    if (!claimant) return true;
    const needle = claimant.toLowerCase();
    return records.some((r) => (r.voice || "").toLowerCase().includes(needle) || (r.outlet || "").toLowerCase().includes(needle));
  }

  /** Markers grouped by (place, kind): one marker per place and layer, its popup listing every row. */
  function addGroups(groups, places) {
    let shown = 0;
    for (const [key, group] of groups) {
      const [placeId, kind] = key.split("\u0000");
      const place = places[placeId];
      if (!place) continue;
      const { layer, cluster: point } = orbatMap.placeLayer(place, kind);
      const title = `${place.name} — ${kind === "event" ? group.rows.length + " event(s)" : label(kind)}`;
      layer.bindPopup(() => popup(title, group.rows.map((f) => f())), { maxWidth: 360 });
      layer.options.orbatKind = kind;
      (point ? cluster : areas).addLayer(layer);
      shown += 1;
    }
    return shown;
  }

  function group(groups, placeId, kind, row) {
    const key = placeId + "\u0000" + kind;
    if (!groups.has(key)) groups.set(key, { rows: [] });
    groups.get(key).rows.push(row);
  }

  function draw(stateData, eventData, claimant) {
    cluster.clearLayers();
    areas.clearLayers();
    const places = Object.assign({}, stateData.places, eventData.places);
    const view = stateData.state, names = Object.assign({}, view.names, eventData.page.names);
    const groups = new Map();
    const held = view.entries.filter((e) => (e.predicate === "controls" || e.predicate === "present_at") && voiceMatches(e.supporting, claimant));
    for (const e of held) group(groups, e.object || e.place, e.predicate, () => stateRow(e, names));
    for (const r of eventData.page.events) if (r.claim.place) group(groups, r.claim.place, "event", () => eventRow(r, names));
    const shown = addGroups(groups, places);
    const list = $("state-list");
    list.replaceChildren(...(held.length ? held.map((e) => stateRow(e, names)) : [el("li", { class: "muted" }, "Nothing known to hold on this date.")]));
    $("counts").textContent = `${view.total} relations hold on ${view.date}; ${held.length} control or presence, ` +
      `${eventData.page.total} events in the window; ${shown} markers`;
    $("map").dataset.markers = String(shown);
    $("map").dataset.loadedDate = view.date;
  }

  function eventsUrl(date, actor, type, claimant) {
    const windowDays = Number($("f-window").value);
    const q = new URLSearchParams({ until: date, limit: "500" });
    if (windowDays) q.set("since", fromDay(toDay(date) - windowDays));
    if (actor) q.set("actor", actor);
    if (type) q.set("type", type);
    if (claimant) q.set("claimant", claimant);
    return "/api/events?" + q;
  }

  async function load(date) {
    const mine = ++generation;
    const actor = $("f-actor").value.trim(), type = $("f-type").value, claimant = $("f-claimant").value.trim();
    const stateQ = new URLSearchParams({ as_of: date });
    if (actor) stateQ.set("actor", actor);
    $("map").dataset.loading = "yes";
    try {
      const [stateData, eventData] = await Promise.all([getJSON("/api/state?" + stateQ), getJSON(eventsUrl(date, actor, type, claimant))]);
      if (mine !== generation) return;
      draw(stateData, eventData, claimant);
      const url = new URL(window.location.href);
      url.searchParams.set("as_of", date);
      window.history.replaceState(null, "", url);
    } catch (error) {
      if (mine === generation) $("counts").textContent = "Could not load: " + error.message;
    } finally {
      if (mine === generation) $("map").dataset.loading = "no";
    }
  }

  function setDate(date, now) {
    $("as-of-label").textContent = date;
    $("date-input").value = date;
    $("date-slider").value = String(toDay(date));
    clearTimeout(timer);
    timer = setTimeout(() => load(date), now ? 0 : 200);
  }

  async function initialDate() {
    const given = $("map").dataset.asOf;
    if (given) return given.length === 4 ? given + "-12-31" : given.length === 7 ? given + "-28" : given;
    try {
      const latest = await getJSON("/api/events?limit=1");
      if (latest.page.events.length) return claimDate(latest.page.events[0].claim);
    } catch (error) { /* fall back to today */ }
    return new Date().toISOString().slice(0, 10);
  }

  async function fillActors() {
    const data = await getJSON("/api/entities?kind=state,state_force,armed_group,unit,coalition,party,organisation,government_body&limit=500");
    $("actor-names").replaceChildren(...data.entities.map((e) => el("option", { value: e.name })));
  }

  async function init() {
    map = orbatMap.createMap("map");
    areas = L.featureGroup().addTo(map);
    cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true }).addTo(map);
    const slider = $("date-slider");
    slider.min = String(toDay(START));
    slider.max = String(toDay(new Date().toISOString().slice(0, 10)));
    slider.addEventListener("input", () => setDate(fromDay(Number(slider.value))));
    $("date-input").addEventListener("change", (e) => e.target.value && setDate(e.target.value, true));
    for (const id of ["f-window", "f-type", "f-actor", "f-claimant"]) {
      $(id).addEventListener("change", () => setDate($("date-input").value, true));
    }
    await orbatMap.drawBasemap(map);
    fillActors().catch(() => {});
    setDate(await initialDate(), true);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
