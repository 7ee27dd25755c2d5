"use client";

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { FORMAT_COOKIE, formatCookieValue, makeFormat, parseFormatCookie, type Format, type FormatSettings } from "./format";

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

/** The browser's settings as their cookie value when they differ from `server`'s, else null (a stable snapshot). */
function differingSettings(server: FormatSettings): string | null {
  const own = browserSettings();
  if (own.locale === server.locale && own.timeZone === server.timeZone) return null;
  return formatCookieValue(own);
}

/**
 * Formatting for the screens below it. While the server's HTML is hydrated it formats with the
 * settings the server used (so hydration finds the same text); right after, with the browser's
 * own when they differ — only when this browser never told the server (then the texts change
 * once, and the cookie tells the server next time). When they agree, as they nearly always do,
 * hydration ends without re-rendering anything for it.
 */
export function FormatProvider({ server, children }: { server: FormatSettings; children: ReactNode }) {
  const differing = useSyncExternalStore(
    noSubscribe,
    () => differingSettings(server),
    () => null,
  );
  const value = useMemo(() => {
    return makeFormat(differing === null ? { locale: server.locale, timeZone: server.timeZone } : parseFormatCookie(differing));
  }, [differing, server.locale, server.timeZone]);

  useEffect(() => {
    if (differing === null) return;
    document.cookie = `${FORMAT_COOKIE}=${encodeURIComponent(differing)}; path=/; max-age=${365 * 24 * 60 * 60}; samesite=lax`;
  }, [differing]);

  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>;
}

/** Dates, amounts and numbers as this screen shows them (see FormatProvider). */
export function useFormat(): Format {
  return useContext(FormatContext);
}
