import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Imports flow shared → features → app: features never import each other; lib/ and offline/
// never import features/ or app/; components/ui imports only lib/.
const boundaries = [
  {
    files: ["src/lib/**", "src/offline/**", "src/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/features/*", "@/app/*", "**/features/**", "**/app/**"], message: "lib/, offline/ and components/ must not import features/ or app/." }] },
      ],
    },
  },
  ...["auth", "dashboard", "upload", "review", "settings", "outbox"].map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/features/*", "!@/features/" + feature, "@/app/*"],
              message: "A feature imports only itself and shared code (lib/, offline/, components/).",
            },
          ],
        },
      ],
    },
  })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...boundaries,
  globalIgnores([".next/**", ".next-*/**", "out/**", "public/sw*", "next-env.d.ts", "src/lib/api/schema.d.ts", "test-results/**", "playwright-report/**"]),
]);
