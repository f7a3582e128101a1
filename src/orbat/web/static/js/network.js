/* The actor network as of the end of a year (relations from the state query), drawn with cytoscape. */
"use strict";

(() => {
  const { el, getJSON, entityLink, evidenceLink, claimDate, label } = orbat;
  const $ = (id) => document.getElementById(id);
  const RELATIONS = ["part_of", "subordinate_of", "commands", "backed_by", "allied_with", "opposed_to", "leads", "member_of"];
  const SHAPES = { state: "diamond", state_force: "round-rectangle", person: "triangle", coalition: "hexagon", party: "barrel",
    government_body: "rectangle", organisation: "rectangle" };
  const FILL = { state: "#37474f", state_force: "#1f5f99", armed_group: "#b45309", unit: "#d97706", person: "#7c3aed",
    coalition: "#0f766e", party: "#64748b", government_body: "#475569", organisation: "#64748b" };
  let cy, entities = {}, timer;

  function style() {
    const edge = (pred, color, line, arrow) => ({ selector: `edge[predicate = "${pred}"]`,
      style: { "line-color": color, "line-style": line, "target-arrow-color": color, "target-arrow-shape": arrow } });
    return [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "min-zoomed-font-size": 7, "text-background-color": "#fbfcfd", "text-background-opacity": 0.8, "text-background-padding": 1, "text-wrap": "wrap", "text-max-width": 110,
        "text-valign": "bottom", "text-margin-y": 4, color: "#1d2329", width: 22, height: 22,
        "background-color": (n) => FILL[n.data("kind")] || "#64748b", shape: (n) => SHAPES[n.data("kind")] || "ellipse" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
      { selector: "edge", style: { width: (e) => 1.5 + Math.min(4, e.data("sources")), "curve-style": "bezier", "arrow-scale": 1.1, opacity: 0.85 } },
      edge("part_of", "#6b7785", "solid", "triangle"), edge("subordinate_of", "#6b7785", "dotted", "triangle"),
      edge("commands", "#374151", "solid", "triangle-tee"), edge("backed_by", "#c27803", "dashed", "vee"),
      edge("allied_with", "#2b6cb0", "solid", "none"), edge("opposed_to", "#b83227", "dashed", "tee"),
      edge("leads", "#7c3aed", "dotted", "triangle"), edge("member_of", "#a78bfa", "dotted", "triangle"),
      { selector: "edge.contested", style: { "line-style": "dashed", "line-dash-pattern": [2, 4] } },
      { selector: "edge:selected", style: { "overlay-color": "#111", "overlay-opacity": 0.15 } },
    ];
  }

  function elementsOf(view) {
    const kinds = new Set([...document.querySelectorAll("#kind-filter input:checked")].map((i) => i.value));
    const keep = (id) => id && kinds.has((entities[id] || {}).kind || "organisation");
    const nodes = new Map(), edges = [];
    view.entries.forEach((entry, i) => {
      if (!RELATIONS.includes(entry.predicate) || !keep(entry.subject) || !keep(entry.object)) return;
      for (const id of [entry.subject, entry.object]) {
        nodes.set(id, { data: { id, label: view.names[id] || id, kind: (entities[id] || {}).kind } });
      }
      const backed = entry.predicate === "backed_by";  // drawn from the sponsor to the client
      edges.push({ data: { id: "e" + i, source: backed ? entry.object : entry.subject, target: backed ? entry.subject : entry.object,
        predicate: entry.predicate, sources: entry.independent_sources, index: i }, classes: entry.contesting.length ? "contested" : "" });
    });
    return [...nodes.values(), ...edges];
  }

  function showEdge(entry, names) {
    const rows = (records, title) => records.length ? [el("h3", {}, title), el("ul", { class: "links" }, records.map((r) =>
      el("li", {}, r.claim.evidence.length ? el("q", { class: "quote" }, r.claim.evidence[0].quote) : el("span", { class: "muted" }, "curated: " + (r.claim.source_note || "")),
        el("div", { class: "sub" }, `${claimDate(r.claim)} · ${r.voice} · `, evidenceLink(r.claim.id)))))] : [];
    $("edge-detail").className = "";
    $("edge-detail").replaceChildren(
      el("div", {}, entityLink(names, entry.subject), " ", el("span", { class: "pred" }, label(entry.predicate) + (entry.role ? ` (${entry.role})` : "")), " ", entityLink(names, entry.object)),
      el("div", { class: "sub" }, `since ${entry.since || "undated"}${entry.until ? " until " + entry.until : ""} · ${entry.independent_sources} independent source(s) · ${entry.basis.replace("_", " ")}`),
      ...rows(entry.supporting, "Supporting claims"), ...rows(entry.contesting, "Contesting claims"));
  }

  async function load(year) {
    const q = new URLSearchParams({ as_of: `${year}-12-31`, limit: "500" });
    if ($("graph").dataset.actor) q.set("actor", $("graph").dataset.actor);
    const data = await getJSON("/api/network?" + q);
    const view = data.state;
    entities = data.entities;
    cy.elements().remove();
    cy.add(elementsOf(view));
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 600000, idealEdgeLength: () => 70, nodeOverlap: 40, componentSpacing: 80, gravity: 60, numIter: 2500 }).run();
    cy.fit(undefined, 30);
    cy.off("tap");
    cy.on("tap", "edge", (evt) => showEdge(view.entries[evt.target.data("index")], view.names));
    cy.on("tap", "node", (evt) => { window.location.href = "/actors/" + encodeURIComponent(evt.target.id()); });
    $("graph-counts").textContent = `${cy.edges().length} relations between ${cy.nodes().length} actors at the end of ${year}`;
    $("graph").dataset.edges = String(cy.edges().length);
  }

  document.addEventListener("DOMContentLoaded", () => {
    cy = cytoscape({ container: $("graph"), style: style(), minZoom: 0.2, maxZoom: 3 });
    const slider = $("year-slider");
    slider.max = String(new Date().getUTCFullYear());
    const change = () => { $("year-label").textContent = slider.value; clearTimeout(timer); timer = setTimeout(() => load(slider.value), 200); };
    slider.addEventListener("input", change);
    $("kind-filter").addEventListener("change", change);
    load(slider.value);
  });
})();
