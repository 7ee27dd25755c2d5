/**
 * What a reviewer may type into each invoice field — the same rules as the API's
 * (api/docflow/review/rules.py `validate_changes`), so an edit the form accepts is one the API
 * accepts. Like the API, only the fields an edit changes are checked: an extracted value the
 * reviewer leaves alone is never refused.
 */
import { z } from "zod";
import { isActiveCurrency, minorUnits } from "./currencies";
import { FIELD_LABELS, FIELD_NAMES, type FieldName, type FieldValues } from "./fields";

/** Text limits (API: MAX_LENGTHS). */
export const MAX_LENGTHS = { vendor_name: 200, invoice_number: 64, status: 40 } as const;

// Python's str.isprintable() is false for other/separator characters except the ASCII space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^-?\d{1,15}(?:\.(\d+))?$/;
const CURRENCY = /^[A-Z]{3}$/;

const textSchema = (max: number) =>
  z
    .string()
    .refine((value) => !NOT_PRINTABLE.test(value), "Remove tabs, line breaks and other control characters.")
    // The API counts characters (code points), not UTF-16 units.
    .refine((value) => [...value].length <= max, `Use at most ${max} characters.`);

export const invoiceDateSchema = z
  .string()
  .regex(ISO_DATE, "Enter the date as YYYY-MM-DD, e.g. 2026-04-10.")
  .superRefine((value, ctx) => {
    const match = ISO_DATE.exec(value);
    if (!match) return;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      ctx.addIssue({ code: "custom", message: `${value} is not a calendar date.` });
    } else if (year < 1900 || year > 2199) {
      ctx.addIssue({ code: "custom", message: "Enter a year between 1900 and 2199." });
    }
  });

/** A decimal amount; its decimals are limited by the invoice's currency (2 when unknown). */
export function amountSchema(currency: string | null) {
  return z
    .string()
    .regex(AMOUNT, "Enter a number with “.” as the decimal separator and no grouping, e.g. 1234.50.")
    .superRefine((value, ctx) => {
      const decimals = AMOUNT.exec(value)?.[1]?.length ?? 0;
      const allowed = minorUnits(currency);
      if (decimals > allowed) {
        const unit = isActiveCurrency(currency) ? `${currency} amounts` : "Amounts";
        ctx.addIssue({
          code: "custom",
          message: `${unit} have at most ${allowed} decimal place${allowed === 1 ? "" : "s"}.`,
        });
      }
    });
}

export const currencySchema = z
  .string()
  .refine((value) => CURRENCY.test(value) && isActiveCurrency(value), "Enter an ISO 4217 currency code in use, e.g. EUR, USD, JPY.");

/** The rule for one field's (normalised, non-empty) value. */
export function fieldSchema(name: FieldName, currency: string | null): z.ZodType<string> {
  switch (name) {
    case "vendor_name":
    case "invoice_number":
    case "status":
      return textSchema(MAX_LENGTHS[name]);
    case "invoice_date":
      return invoiceDateSchema;
    case "total_amount":
    case "tax_amount":
      return amountSchema(currency);
    case "currency":
      return currencySchema;
  }
}

/** What the form holds: the text of each input. */
export type ReviewFormValues = Record<FieldName, string>;

/**
 * The value an input stands for: trimmed (the API trims text), empty → `null` (clears the field;
 * the API refuses an empty string), a currency code in upper case.
 */
export function normalizeInput(name: FieldName, raw: string): string | null {
  const value = raw.trim();
  if (value === "") return null;
  return name === "currency" ? value.toUpperCase() : value;
}

export function normalizeForm(values: ReviewFormValues): FieldValues {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, normalizeInput(name, values[name] ?? "")])) as FieldValues;
}

export function toFormValues(values: FieldValues): ReviewFormValues {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, values[name] ?? ""])) as ReviewFormValues;
}

/** The currency amounts are checked against: the one the invoice will have after the edit. */
export function effectiveCurrency(values: FieldValues): string | null {
  return isActiveCurrency(values.currency) ? values.currency : null;
}

/** Why `value` may not be saved into `name` (null when it may). */
export function fieldError(name: FieldName, value: string | null, currency: string | null): string | null {
  if (value === null) return null; // null clears any field
  const result = fieldSchema(name, currency).safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? `${FIELD_LABELS[name]} is not valid.`);
}

/**
 * The review form's schema, relative to the values the edit starts from (`baseline`): a field
 * left as it was is not sent, so it is not checked (the API checks only what is sent).
 */
export function reviewFormSchema(baseline: FieldValues) {
  const shape = Object.fromEntries(FIELD_NAMES.map((name) => [name, z.string()])) as Record<FieldName, z.ZodString>;
  return z.object(shape).superRefine((raw, ctx) => {
    const values = normalizeForm(raw);
    const currency = effectiveCurrency(values);
    for (const name of FIELD_NAMES) {
      if (values[name] === baseline[name]) continue;
      const message = fieldError(name, values[name], currency);
      if (message) ctx.addIssue({ code: "custom", message, path: [name] });
    }
  });
}
