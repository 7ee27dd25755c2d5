"use client";

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { FORMAT_COOKIE, makeFormat, type Format, type FormatSettings } from "./format";

const FormatContext = createContext<Format>(makeFormat({}));

let resolved: FormatSettings | null = null;

/** The browser's locale and time zone, as Intl resolves them (asked once: it is slow to ask). */
function browserSettings(): FormatSettings {
  if (!resolved) {
    const { locale, timeZone } = new Intl.DateTimeFormat().resolvedOptions();
    resolved = { locale, timeZone };
  }
  return resolved;
}

const noSubscribe = () => () => undefined;

/**
 * Formatting for the screens below it. While the server's HTML is hydrated it formats with the
 * settings the server used (so hydration finds the same text); right after, with the browser's
 * own — the same values unless this browser never told the server (then the texts change once).
 */
export function FormatProvider({ server, children }: { server: FormatSettings; children: ReactNode }) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const serverFormat = makeFormat(server);
  const value = useMemo(() => {
    if (!hydrated) return serverFormat;
    const own = browserSettings();
    return own.locale === server.locale && own.timeZone === server.timeZone ? serverFormat : makeFormat(own);
  }, [hydrated, serverFormat, server.locale, server.timeZone]);

  useEffect(() => {
    const own = browserSettings();
    if (own.locale === server.locale && own.timeZone === server.timeZone) return;
    const cookie = `${own.locale ?? ""}|${own.timeZone ?? ""}`;
    document.cookie = `${FORMAT_COOKIE}=${encodeURIComponent(cookie)}; path=/; max-age=${365 * 24 * 60 * 60}; samesite=lax`;
  }, [server.locale, server.timeZone]);

  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>;
}

/** Dates, amounts and numbers as this screen shows them (see FormatProvider). */
export function useFormat(): Format {
  return useContext(FormatContext);
}
