import type { Metadata } from "next";
import { RetryButton } from "./_components/retry-button";

export const metadata: Metadata = { title: "Offline" };

// The service worker shows this page (precached) in place of a page it cannot open offline. The
// links are plain <a>: each is a full navigation the worker answers from its precache.
const SCREENS = [
  { href: "/", label: "Documents" },
  { href: "/upload", label: "Upload" },
  { href: "/outbox", label: "Outbox" },
];

export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 p-6">
      <p className="text-lg font-bold text-brand-700">Docflow</p>
      <h1 className="text-2xl font-semibold text-slate-900">You are offline</h1>
      <p className="text-slate-700">
        This page is not available offline. Documents you opened before, the dashboard, uploads and the outbox still
        work; anything you queue is sent when the connection is back.
      </p>
      <nav aria-label="Available offline">
        <ul className="flex flex-wrap gap-2">
          {SCREENS.map((screen) => (
            <li key={screen.href}>
              <a
                href={screen.href}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                {screen.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <RetryButton />
      </div>
    </main>
  );
}
