// Regenerates src/lib/api/schema.d.ts from the API's OpenAPI document.
//   node scripts/gen-api.mjs            write the file
//   node scripts/gen-api.mjs --check    exit 1 when the committed file differs from the API's
// The document comes from the running API (DOCFLOW_API_URL, e.g. http://127.0.0.1:8000) when set,
// otherwise from the Python app itself (`python -m docflow.cli openapi`, no server needed).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const pwa = join(here, "..");
const target = join(pwa, "src/lib/api/schema.d.ts");
const check = process.argv.includes("--check");

async function loadDocument() {
  const api = process.env.DOCFLOW_API_URL;
  if (api) {
    const response = await fetch(`${api.replace(/\/$/, "")}/api/openapi.json`);
    if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
    return await response.json();
  }
  const python = join(pwa, "../.venv/bin/python");
  const out = execFileSync(existsSync(python) ? python : "python3", ["-m", "docflow.cli", "openapi"], {
    cwd: join(pwa, ".."),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const header = "// Generated from the API's OpenAPI document by scripts/gen-api.mjs: do not edit.\n\n";
const ast = await openapiTS(await loadDocument(), { alphabetize: true });
const generated = header + astToString(ast);

if (check) {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== generated) {
    console.error("src/lib/api/schema.d.ts is out of date with the API: run `npm run gen:api` in pwa/.");
    process.exit(1);
  }
  console.log("schema.d.ts matches the API's OpenAPI document");
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
