import { describe, expect, it } from "vitest";
import { formatAmount, formatBytes, formatDate, formatDateTime, formatPercent, makeFormat } from "./format";

describe("format", () => {
  it("formats amounts with their currency, and an unknown code as a plain number with the code", () => {
    expect(formatAmount("1234.5", "EUR")).toBe(new Intl.NumberFormat(undefined, { style: "currency", currency: "EUR" }).format(1234.5));
    expect(formatAmount("1234.5", "EUR")).toBe(formatAmount("1234.5", "EUR"));
    expect(formatAmount("10", "XYZ1")).toBe(`${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 }).format(10)} XYZ1`);
    expect(formatAmount("not a number", "EUR")).toBe("not a number");
    expect(formatAmount(null, "EUR")).toBe("");
  });

  it("formats a calendar date without a time-zone shift, and keeps what it cannot read", () => {
    expect(formatDate("2026-01-31")).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2026, 0, 31)));
    expect(formatDate("31/01/2026")).toBe("31/01/2026");
    expect(formatDateTime("nonsense")).toBe("nonsense");
    expect(formatDateTime(undefined)).toBe("");
  });

  it("formats sizes and shares", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe(`${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(1.5)} KB`);
    expect(formatPercent(0.93)).toBe(new Intl.NumberFormat(undefined, { style: "percent" }).format(0.93));
    expect(formatPercent(0.123, 1)).toBe(new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(0.123));
  });
});

describe("makeFormat", () => {
  it("formats in the given locale and time zone", () => {
    const german = makeFormat({ locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(german.amount("1234.5", "EUR")).toBe(new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(1234.5));
    expect(german.dateTime("2026-12-04T23:30:00Z")).toBe(
      new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(Date.UTC(2026, 11, 4, 23, 30)),
    );
    expect(german.number(12345)).toBe("12.345");
    // The calendar date never shifts with the zone.
    expect(makeFormat({ locale: "en-US", timeZone: "Pacific/Honolulu" }).date("2026-01-31")).toBe("Jan 31, 2026");
  });

  it("falls back to the runtime's defaults for a locale or zone it cannot use", () => {
    const odd = makeFormat({ locale: "en-US", timeZone: "Not/A_Zone" });
    expect(odd.dateTime("2026-12-04T23:30:00Z")).toBe(formatDateTime("2026-12-04T23:30:00Z"));
    expect(makeFormat({ locale: "en-US", timeZone: "UTC" })).toBe(makeFormat({ locale: "en-US", timeZone: "UTC" }));
  });
});
