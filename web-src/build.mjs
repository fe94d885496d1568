// Copies the vendored front-end libraries into the Python package and converts the country outlines once.
// Run from web-src/: `npm ci && npm run build`. Output: ../src/wirecoder/web/vendor/ (committed, so that
// `pip install` alone is enough to serve the dashboard, offline).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const out = new URL("../src/wirecoder/web/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const nm = (p) => new URL(`node_modules/${p}`, import.meta.url);

// d3 (ISC) as one minified file.
copyFileSync(nm("d3/dist/d3.min.js"), new URL("d3.min.js", out));
copyFileSync(nm("d3/LICENSE"), new URL("d3.LICENSE.txt", out));

// Swagger UI (Apache-2.0) for /docs without a CDN.
copyFileSync(nm("swagger-ui-dist/swagger-ui-bundle.js"), new URL("swagger-ui-bundle.js", out));
copyFileSync(nm("swagger-ui-dist/swagger-ui.css"), new URL("swagger-ui.css", out));
copyFileSync(nm("swagger-ui-dist/LICENSE"), new URL("swagger-ui.LICENSE.txt", out));

// Country outlines: world-atlas 1:110m (Natural Earth, public domain) TopoJSON -> GeoJSON, 2 decimals.
const topo = JSON.parse(readFileSync(nm("world-atlas/countries-110m.json"), "utf8"));
const geo = feature(topo, topo.objects.countries);
const round = (c) => (typeof c[0] === "number" ? [+c[0].toFixed(2), +c[1].toFixed(2)] : c.map(round));
geo.features = geo.features.map((f) => ({
  type: "Feature",
  id: f.id ?? null,
  properties: { name: f.properties.name },
  geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));
writeFileSync(new URL("countries.geojson", out), JSON.stringify(geo));
copyFileSync(nm("world-atlas/LICENSE"), new URL("world-atlas.LICENSE.txt", out));
console.log(`wrote ${out.pathname}: d3, swagger-ui, countries.geojson (${geo.features.length} countries)`);
