import { describe, expect, it } from "vitest";
import type { FieldValues } from "./fields";
import { normalizeForm, normalizeInput, toFormValues } from "./form-values";
import { amountSchema, currencySchema, fieldError, invoiceDateSchema, reviewFormSchema } from "./schemas";

const BASE: FieldValues = {
  vendor_name: "Orion Software LLC",
  invoice_number: "RG-2026-346",
  invoice_date: "2026-04-10",
  total_amount: "38937.12",
  tax_amount: "2203.99",
  currency: "USD",
  status: "paid",
};

function issues(values: FieldValues, base: FieldValues = BASE) {
  const result = reviewFormSchema(base).safeParse(toFormValues(values));
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("invoice date", () => {
  it.each(["2026-04-10", "2024-02-29", "1900-01-01", "2199-12-31"])("accepts %s", (value) => {
    expect(invoiceDateSchema.safeParse(value).success).toBe(true);
  });
  it.each(["2026-4-10", "10/04/2026", "2026-04-10T00:00", " 2026-04-10", "20260410"])("refuses the format %s", (value) => {
    expect(invoiceDateSchema.safeParse(value).error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });
  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31"])("refuses %s, not a calendar date", (value) => {
    expect(invoiceDateSchema.safeParse(value).error?.issues[0]?.message).toBe(`${value} is not a calendar date.`);
  });
  it.each(["1899-12-31", "2200-01-01"])("refuses the year of %s", (value) => {
    expect(invoiceDateSchema.safeParse(value).error?.issues[0]?.message).toMatch(/between 1900 and 2199/);
  });
});

describe("amounts", () => {
  it.each(["0", "1234.50", "-12.5", "123456789012345", "1.00"])("accepts %s", (value) => {
    expect(amountSchema("EUR").safeParse(value).success).toBe(true);
  });
  it.each(["1,234.50", "1 234.50", "1234,50", "+12", ".5", "12.", "1e3", "1234567890123456", "€12", "abc"])("refuses %s", (value) => {
    expect(amountSchema("EUR").safeParse(value).error?.issues[0]?.message).toMatch(/“\.” as the decimal separator/);
  });
  it("limits decimals to the currency's minor units", () => {
    expect(amountSchema("EUR").safeParse("1.234").error?.issues[0]?.message).toBe("EUR amounts have at most 2 decimal places.");
    expect(amountSchema("JPY").safeParse("1200.5").error?.issues[0]?.message).toBe("JPY amounts have at most 0 decimal places.");
    expect(amountSchema("JPY").safeParse("1200").success).toBe(true);
    expect(amountSchema("KWD").safeParse("1.234").success).toBe(true);
    expect(amountSchema("KWD").safeParse("1.2345").success).toBe(false);
  });
  it("allows 2 decimals without a known currency", () => {
    expect(amountSchema(null).safeParse("1.23").success).toBe(true);
    expect(amountSchema(null).safeParse("1.234").error?.issues[0]?.message).toBe("Amounts have at most 2 decimal places.");
  });
});

describe("currency", () => {
  it.each(["EUR", "USD", "JPY", "CHF", "KWD"])("accepts %s", (value) => {
    expect(currencySchema.safeParse(value).success).toBe(true);
  });
  it.each(["eur", "EURO", "EU", "ABC", "DEM", "€"])("refuses %s", (value) => {
    expect(currencySchema.safeParse(value).success).toBe(false);
  });
});

describe("text fields", () => {
  it("limits length in characters, as the API counts them", () => {
    expect(fieldError("invoice_number", "x".repeat(64), null)).toBeNull();
    expect(fieldError("invoice_number", "x".repeat(65), null)).toBe("Use at most 64 characters.");
    expect(fieldError("vendor_name", "😀".repeat(200), null)).toBeNull();
    expect(fieldError("status", "y".repeat(41), null)).toBe("Use at most 40 characters.");
  });
  it("refuses control characters and non-ASCII separators (Python's isprintable)", () => {
    expect(fieldError("vendor_name", "Acme\tLtd", null)).toMatch(/control characters/);
    expect(fieldError("vendor_name", "Acme\u00a0Ltd", null)).toMatch(/control characters/);
    expect(fieldError("vendor_name", "Acme\u200bLtd", null)).toMatch(/control characters/);
    expect(fieldError("vendor_name", "Müller & Söhne GmbH", null)).toBeNull();
    expect(fieldError("vendor_name", "北京科技有限公司", null)).toBeNull();
  });
  it("lets null clear any field", () => {
    for (const name of Object.keys(BASE) as (keyof FieldValues)[]) expect(fieldError(name, null, "EUR")).toBeNull();
  });
});

describe("normalising inputs", () => {
  it("trims, turns empty into null and upper-cases currencies", () => {
    expect(normalizeInput("vendor_name", "  Acme  ")).toBe("Acme");
    expect(normalizeInput("invoice_date", "")).toBeNull();
    expect(normalizeInput("currency", "   ")).toBeNull();
    expect(normalizeInput("currency", " eur ")).toBe("EUR");
    expect(normalizeForm(toFormValues({ ...BASE, status: null })).status).toBeNull();
  });
});

describe("the review form", () => {
  it("accepts the values it starts from, even ones the rules would refuse", () => {
    const odd = { ...BASE, total_amount: "1,234.50", currency: "XYZ" };
    expect(issues(odd, odd)).toEqual({});
  });
  it("checks every changed field and names it", () => {
    expect(issues({ ...BASE, invoice_date: "2026-02-30", currency: "usd ", total_amount: "12,50" })).toEqual({
      invoice_date: "2026-02-30 is not a calendar date.",
      total_amount: "Enter a number with “.” as the decimal separator and no grouping, e.g. 1234.50.",
    });
  });
  it("checks a changed amount against the currency the edit leaves", () => {
    expect(issues({ ...BASE, currency: "JPY", total_amount: "38937.50" })).toEqual({
      total_amount: "JPY amounts have at most 0 decimal places.",
    });
    // An amount left alone is not sent, so a currency change does not refuse it (as the API).
    expect(issues({ ...BASE, currency: "JPY" })).toEqual({});
    // A cleared or unknown currency: two decimals.
    expect(issues({ ...BASE, currency: null, tax_amount: "1.234" })).toEqual({ tax_amount: "Amounts have at most 2 decimal places." });
  });
  it("accepts cleared fields (sent as null)", () => {
    expect(issues({ ...BASE, invoice_date: null, currency: null, vendor_name: null })).toEqual({});
  });
});
