/* The actor profile's small map: the places of its presence, control and events. */
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("actor-map");
  if (!box) return;
  const { el, getJSON, evidenceLink, label } = orbat;
  const data = await getJSON("/api/actors/" + encodeURIComponent(box.dataset.actor));
  const map = orbatMap.createMap("actor-map", { scrollWheelZoom: false });
  await orbatMap.drawBasemap(map);
  const layers = [];
  for (const link of data.profile.places) {
    const place = data.places[link.place];
    if (!place) continue;
    const kind = link.how === "event" ? "event" : link.how;
    const { layer } = orbatMap.placeLayer(place, kind);
    layer.bindPopup(() => el("div", {}, el("div", { class: "popup-title" }, place.name),
      `${label(link.how)} · ${link.claims} claim(s)`));
    layer.addTo(map);
    layers.push(layer);
  }
  for (const record of data.profile.events) {
    const place = record.claim.place && data.places[record.claim.place];
    if (place) layers.push(orbatMap.placeLayer(place, "event").layer.bindPopup(() => el("div", {}, place.name, " · ", evidenceLink(record.claim.id))).addTo(map));
  }
  box.dataset.markers = String(layers.length);
  if (layers.length) map.fitBounds(L.featureGroup(layers).getBounds().pad(0.6), { maxZoom: 7 });
});
