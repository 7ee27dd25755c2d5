/**
 * What the server can tell about the browser before it runs any script: the locale and time zone
 * it formats dates and amounts in (the cookie it sets, components/ui/format-context.tsx; else the
 * first Accept-Language tag and UTC) and whether it is a phone (client hints, else the user agent).
 * The screens rendered on the server use these so the HTML matches what the browser then renders.
 * Server code only.
 */
import { cookies, headers } from "next/headers";
import { FORMAT_COOKIE, parseFormatCookie, type FormatSettings } from "@/components/ui/format";

export interface RequestHints {
  format: FormatSettings;
  phone: boolean;
}

export async function requestHints(): Promise<RequestHints> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return readHints({
    formatCookie: cookieStore.get(FORMAT_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
    mobileHint: headerStore.get("sec-ch-ua-mobile"),
    userAgent: headerStore.get("user-agent"),
  });
}

/** The hints from the request's raw values (anything unusable falls back). */
export function readHints(request: {
  formatCookie?: string | null;
  acceptLanguage?: string | null;
  mobileHint?: string | null;
  userAgent?: string | null;
}): RequestHints {
  const { locale: cookieLocale, timeZone: cookieZone } = parseFormatCookie(decode(request.formatCookie ?? undefined));
  const acceptLanguage = request.acceptLanguage?.split(",")[0]?.split(";")[0]?.trim();
  const locale = validLocale(cookieLocale) ?? validLocale(acceptLanguage) ?? "en-US";
  const timeZone = validZone(cookieZone) ?? "UTC";
  const phone = request.mobileHint === "?1" || /\bMobi/.test(request.userAgent ?? "");
  return { format: { locale, timeZone }, phone };
}

function decode(value: string | undefined): string {
  if (!value) return "";
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}

function validLocale(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** The zone as the browser named it (not canonicalised: the browser compares its own name). */
function validZone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value;
  } catch {
    return undefined;
  }
}
