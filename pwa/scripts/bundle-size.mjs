// First-load JS per route, gzipped, from a production build's diagnostics.
//   node scripts/bundle-size.mjs [distDir]      (default .next; run `npm run build` first)
// Next 16 no longer prints sizes: read <distDir>/diagnostics/route-bundle-stats.json and gzip each
// route's first-load chunks. Exit 1 when the dashboard is over its budget (180 kB).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const distDir = process.argv[2] ?? ".next";
const BUDGETS = { "/": 180 * 1024 };
const stats = JSON.parse(readFileSync(join(distDir, "diagnostics", "route-bundle-stats.json"), "utf8"));
const rows = Array.isArray(stats) ? stats : Object.entries(stats).map(([route, value]) => ({ route, ...value }));

let failed = false;
console.log("route".padEnd(28) + "first-load JS (gzip)   raw");
for (const row of rows.sort((a, b) => String(a.route).localeCompare(String(b.route)))) {
  const chunks = row.firstLoadChunkPaths ?? [];
  let gz = 0;
  for (const chunk of chunks) {
    const path = chunk.startsWith("/") || chunk.startsWith(distDir) ? chunk : join(distDir, chunk);
    try {
      gz += gzipSync(readFileSync(path), { level: 9 }).length;
    } catch {
      gz += gzipSync(readFileSync(join(process.cwd(), chunk)), { level: 9 }).length;
    }
  }
  const budget = BUDGETS[row.route];
  const over = budget !== undefined && gz > budget;
  failed ||= over;
  console.log(
    String(row.route).padEnd(28) +
      `${(gz / 1024).toFixed(1)} kB`.padEnd(23) +
      `${((row.firstLoadUncompressedJsBytes ?? 0) / 1024).toFixed(1)} kB` +
      (budget !== undefined ? `   budget ${(budget / 1024).toFixed(0)} kB ${over ? "OVER" : "ok"}` : ""),
  );
}
process.exit(failed ? 1 : 0);
