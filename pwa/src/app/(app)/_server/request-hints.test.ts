import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ cookies: vi.fn(), headers: vi.fn() }));

const { readHints } = await import("./request-hints");

describe("readHints", () => {
  it("uses the locale and zone the browser reported in its cookie", () => {
    expect(readHints({ formatCookie: encodeURIComponent("de-DE|Europe/Berlin"), acceptLanguage: "fr-FR,fr;q=0.9" }).format).toEqual({
      locale: "de-DE",
      timeZone: "Europe/Berlin",
    });
  });

  it("falls back to Accept-Language and UTC, then to en-US", () => {
    expect(readHints({ acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8" }).format).toEqual({ locale: "fr-CH", timeZone: "UTC" });
    expect(readHints({}).format).toEqual({ locale: "en-US", timeZone: "UTC" });
  });

  it("ignores what it cannot use", () => {
    expect(readHints({ formatCookie: "%E0%A4%A|x", acceptLanguage: "*" }).format).toEqual({ locale: "en-US", timeZone: "UTC" });
    expect(readHints({ formatCookie: encodeURIComponent("not a locale|Mars/Olympus") }).format).toEqual({ locale: "en-US", timeZone: "UTC" });
  });

  it("takes a phone from the client hint or the user agent", () => {
    expect(readHints({ mobileHint: "?1" }).phone).toBe(true);
    expect(readHints({ mobileHint: "?0", userAgent: "Mozilla/5.0 (Linux; Android 11; moto g power) Mobile Safari/537.36" }).phone).toBe(true);
    expect(readHints({ mobileHint: "?0", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" }).phone).toBe(false);
    expect(readHints({ userAgent: "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1" }).phone).toBe(false);
  });
});
