// First-load JS per route, gzipped, from a production build's diagnostics.
//   node scripts/bundle-size.mjs [distDir] [--json]     (default .next; run `npm run build` first)
// Next 16 no longer prints sizes: read <distDir>/diagnostics/route-bundle-stats.json and gzip each
// route's first-load chunks (gzip -9, each chunk on its own, as a server would send it). Prints a
// table, or with --json one object per route with its chunks (largest first). Exit 1 when the
// dashboard is over its budget (180 kB).
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const json = args.includes("--json");
const distDir = args.find((arg) => !arg.startsWith("--")) ?? ".next";
export const BUDGETS = { "/": 180 * 1024 };

const stats = JSON.parse(readFileSync(join(distDir, "diagnostics", "route-bundle-stats.json"), "utf8"));
const rows = Array.isArray(stats) ? stats : Object.entries(stats).map(([route, value]) => ({ route, ...value }));

function chunkFile(chunk) {
  if (isAbsolute(chunk)) return chunk;
  // Paths are listed relative to the project (".next-x/static/…") or to the build folder ("static/…").
  return chunk.startsWith(distDir) || chunk.startsWith(`${distDir.replace(/^\.\//, "")}/`) ? chunk : join(distDir, chunk);
}

const gzCache = new Map();
function gzipSize(chunk) {
  if (!gzCache.has(chunk)) {
    let bytes;
    try {
      bytes = readFileSync(chunkFile(chunk));
    } catch {
      bytes = readFileSync(join(process.cwd(), chunk));
    }
    gzCache.set(chunk, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return gzCache.get(chunk);
}

let failed = false;
const report = [];
for (const row of rows.sort((a, b) => String(a.route).localeCompare(String(b.route)))) {
  const chunks = (row.firstLoadChunkPaths ?? []).map((path) => ({ path, ...gzipSize(path) }));
  const gz = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const budget = BUDGETS[row.route];
  const over = budget !== undefined && gz > budget;
  failed ||= over;
  report.push({
    route: String(row.route),
    gzip: gz,
    raw: row.firstLoadUncompressedJsBytes ?? chunks.reduce((sum, chunk) => sum + chunk.raw, 0),
    budget: budget ?? null,
    over,
    chunks: chunks.sort((a, b) => b.gzip - a.gzip),
  });
}

if (json) {
  console.log(JSON.stringify(report));
} else {
  console.log("route".padEnd(28) + "first-load JS (gzip)   raw");
  for (const row of report) {
    console.log(
      row.route.padEnd(28) +
        `${(row.gzip / 1024).toFixed(1)} kB`.padEnd(23) +
        `${(row.raw / 1024).toFixed(1)} kB` +
        (row.budget !== null ? `   budget ${(row.budget / 1024).toFixed(0)} kB ${row.over ? "OVER" : "ok"}` : ""),
    );
  }
}
process.exit(failed ? 1 : 0);
