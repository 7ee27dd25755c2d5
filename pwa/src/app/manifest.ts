import type { MetadataRoute } from "next";

export const dynamic = "force-static";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Docflow — invoice review",
    short_name: "Docflow",
    description: "Upload vendor invoices, review the extracted fields beside the document, finalize and export.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f8fafc",
    theme_color: "#2553c7",
    categories: ["business", "productivity"],
    // A tablet's share sheet sends PDFs and photos straight to Docflow: the service worker (app/sw.ts)
    // keeps them in its share inbox and opens the outbox, which queues them as uploads.
    share_target: {
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: { title: "title", text: "text", files: [{ name: "files", accept: ["application/pdf", "image/*"] }] },
    },
    // The richer install sheet (Chromium, Android): one wide (desktop) and one narrow (tablet/phone) view.
    screenshots: [
      { src: "/screenshots/dashboard-wide.png", sizes: "1440x900", type: "image/png", form_factor: "wide", label: "Documents: the live dashboard" },
      { src: "/screenshots/review-narrow.png", sizes: "820x1180", type: "image/png", form_factor: "narrow", label: "Review beside the document, on a tablet" },
    ],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
