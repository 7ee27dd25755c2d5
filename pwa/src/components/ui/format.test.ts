import { describe, expect, it } from "vitest";
import { formatAmount, formatBytes, formatDate, formatDateTime, formatPercent } from "./format";

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
