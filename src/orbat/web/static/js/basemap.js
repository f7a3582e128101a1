/* The theatre basemap from Natural Earth (world-atlas, local copy) and precision-honest place markers. */
"use strict";

const orbatMap = (() => {
  const IRAQ = "368", SYRIA = "760";
  const REGION = new Set([IRAQ, SYRIA, "792", "364", "400", "682", "422", "376", "414", "275", "196", "818", "051", "031", "268"]);
  const LABELS = [["Iraq", 32.6, 43.9], ["Syria", 35.2, 38.6], ["Jordan", 30.9, 36.8], ["Turkey", 37.35, 38.2],
    ["Iran", 34.6, 47.4], ["Saudi Arabia", 29.3, 42.2], ["Lebanon", 33.9, 35.9], ["Kuwait", 29.3, 47.6]];
  const COLORS = { controls: "#b83227", present_at: "#2b6cb0", event: "#c27803" };
  const RADIUS_M = { district: 15000, province: 45000, country: 120000, unknown: 12000 };
  let borderLines = [];

  function createMap(id, options) {
    const map = L.map(id, Object.assign({ zoomSnap: 0.25, minZoom: 4, maxZoom: 13, attributionControl: true, worldCopyJump: false }, options || {}));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    map.fitBounds([[29.0, 35.5], [37.6, 48.6]]);
    return map;
  }

  async function drawBasemap(map) {
    const response = await fetch("/static/vendor/world-atlas/countries-10m.json");
    const topo = await response.json();
    const countries = topojson.feature(topo, topo.objects.countries);
    const near = countries.features.filter((f) => REGION.has(f.id));
    L.geoJSON({ type: "FeatureCollection", features: near }, {
      interactive: false,
      style: (f) => ({ color: "#8a96a3", weight: 1, fillColor: f.id === IRAQ || f.id === SYRIA ? "#f7f1e3" : "#eceeee", fillOpacity: 1 }),
    }).addTo(map);
    const border = topojson.mesh(topo, topo.objects.countries, (a, b) => (a.id === IRAQ && b.id === SYRIA) || (a.id === SYRIA && b.id === IRAQ));
    borderLines = border.coordinates;
    L.geoJSON(border, { interactive: false, style: { color: "#7a1f1f", weight: 3, dashArray: "8 5", opacity: 0.9 } }).addTo(map);
    for (const [text, lat, lon] of LABELS) {
      L.tooltip({ permanent: true, direction: "center", className: "country-label", interactive: false })
        .setLatLng([lat, lon]).setContent(text).addTo(map);
    }
  }

  /** exact | town | district | province | country | border_region | unknown, from the place's own precision,
      else its feature type. A vague place never gets a precise pin. */
  function precisionOf(place) {
    const p = (place.precision || "").toLowerCase();
    if (["exact", "town", "district", "province", "country", "border_region"].includes(p)) return p;
    const f = (place.feature || "").toLowerCase();
    if (["crossing", "base", "airfield", "camp", "site", "building", "dam"].includes(f)) return "exact";
    if (["town", "village", "city"].includes(f)) return "town";
    if (["district", "subdistrict"].includes(f)) return "district";
    if (["province", "governorate", "region"].includes(f)) return "province";
    if (f === "border") return "border_region";
    return "unknown";
  }

  const toRad = (d) => (d * Math.PI) / 180;
  function km(a, b) {
    const dlat = toRad(b[0] - a[0]), dlon = toRad(b[1] - a[1]);
    const h = Math.sin(dlat / 2) ** 2 + Math.cos(toRad(a[0])) * Math.cos(toRad(b[0])) * Math.sin(dlon / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  }

  /** The stretches of the Iraq–Syria border within `radius` km of the point, as [[lat, lon], …] runs. */
  function borderNear(lat, lon, radius) {
    const runs = [];
    for (const line of borderLines) {
      let run = [];
      for (const [x, y] of line) {
        if (km([lat, lon], [y, x]) <= radius) run.push([y, x]);
        else if (run.length) { runs.push(run); run = []; }
      }
      if (run.length > 1) runs.push(run);
    }
    return runs;
  }

  /** A layer for one place: {layer, cluster} — cluster is true for point-like markers (pins, town dots). */
  function placeLayer(place, kind) {
    const color = COLORS[kind] || "#555";
    const precision = precisionOf(place);
    const at = [place.lat, place.lon];
    if (precision === "exact" || precision === "town") {
      const cls = (precision === "exact" ? "mk-pin" : "mk-dot") + " c-" + kind;
      const size = precision === "exact" ? [18, 18] : [12, 12];
      const anchor = precision === "exact" ? [9, 20] : [6, 6];
      const icon = L.divIcon({ className: "", html: `<div class="${cls}"></div>`, iconSize: size, iconAnchor: anchor, popupAnchor: [0, -14] });
      return { layer: L.marker(at, { icon, keyboard: true, title: place.name, alt: place.name }), cluster: true, precision };
    }
    if (precision === "border_region") {
      const runs = borderNear(place.lat, place.lon, 45);
      if (runs.length) return { layer: L.polyline(runs, { color, weight: 16, opacity: 0.35, lineCap: "round" }), cluster: false, precision };
      return { layer: L.circle(at, { radius: 30000, color, weight: 2, dashArray: "2 6", fillOpacity: 0.12 }), cluster: false, precision };
    }
    const dashed = precision === "unknown" ? "4 4" : null;
    return { layer: L.circle(at, { radius: RADIUS_M[precision], color, weight: 1.5, dashArray: dashed, fillColor: color, fillOpacity: 0.15 }), cluster: false, precision };
  }

  return { createMap, drawBasemap, placeLayer, precisionOf, COLORS };
})();
