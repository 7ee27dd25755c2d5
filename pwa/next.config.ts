import type { NextConfig } from "next";

// The browser talks to one origin: /api/* (HTTP and the WebSocket upgrade) is proxied to the API.
// Rewrites are fixed at build time, so the API's address is part of the build (see scripts/build-stamp).
const apiUrl = (process.env.DOCFLOW_API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");

// Next clones every request body it proxies and cuts it at this size (10 MB by default): a larger
// upload reached the API truncated and never answered. One file per upload request (the outbox),
// so the API's per-file cap plus room for the multipart envelope.
const maxUploadMb = Number(process.env.DOCFLOW_MAX_UPLOAD_MB ?? 25);
const proxyBodyLimit = ((Number.isFinite(maxUploadMb) && maxUploadMb > 0 ? maxUploadMb : 25) + 1) * 1024 * 1024;

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder (.next-e2e) so a running `npm start` is never clobbered.
  distDir: process.env.DOCFLOW_PWA_DIST_DIR ?? ".next",
  // The container image (pwa/Dockerfile) runs Next's self-contained server: only the files the
  // server needs, no node_modules from the build.
  output: process.env.DOCFLOW_PWA_STANDALONE === "1" ? "standalone" : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
  // The signed-in screens read their first data from the API while rendering (src/lib/api/server-client.ts):
  // the same address as the rewrite, fixed by the same build.
  env: { DOCFLOW_SERVER_API_URL: apiUrl },
  experimental: { proxyClientMaxBodySize: proxyBodyLimit },
  async rewrites() {
    return [{ source: "/api/:path*", destination: `${apiUrl}/api/:path*` }];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
