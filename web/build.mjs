// Copy the browser files orbat's web UI needs from node_modules into src/orbat/web/static/vendor/.
// Run after `npm ci --ignore-scripts`. The vendor folder is build output: .gitignored, never committed.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "orbat", "web", "static", "vendor");

// [package, file inside the package, target inside vendor/]
const FILES = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "dist/images", "leaflet/images"],
  ["leaflet", "LICENSE", "leaflet/LICENSE"],
  ["leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"],
  ["leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"],
  ["leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"],
  ["leaflet.markercluster", "MIT-LICENCE.txt", "markercluster/LICENSE"],
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape/LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson/topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson/LICENSE"],
  ["world-atlas", "countries-10m.json", "world-atlas/countries-10m.json"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui/swagger-ui.css"],
  ["swagger-ui-dist", "LICENSE", "swagger-ui/LICENSE"],
];

rmSync(vendor, { recursive: true, force: true });
let missing = 0;
for (const [pkg, file, target] of FILES) {
  const from = join(modules, pkg, file);
  if (!existsSync(from)) {
    console.error(`missing ${from}: run \`npm ci --ignore-scripts\` in web/ first`);
    missing += 1;
    continue;
  }
  const to = join(vendor, target);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
if (missing) process.exit(1);
console.log(`copied ${FILES.length} files into ${vendor}`);
