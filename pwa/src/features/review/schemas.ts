/**
 * What a reviewer may type into each invoice field — the same rules as the API's
 * (api/docflow/review/rules.py `validate_changes`), so an edit the form accepts is one the API
 * accepts. Like the API, only the fields an edit changes are checked: an extracted value the
 * reviewer leaves alone is never refused.
 */
// zod/mini: the same rules as zod's classic API at a fraction of the script (named checks, tree-shaken).
import * as z from "zod/mini";
import { isActiveCurrency, minorUnits } from "./currencies";
import { FIELD_LABELS, FIELD_NAMES, type FieldName, type FieldValues } from "./fields";
import { effectiveCurrency, normalizeForm, type ReviewFormValues } from "./form-values";

/** Text limits (API: MAX_LENGTHS). */
export const MAX_LENGTHS = { vendor_name: 200, invoice_number: 64, status: 40 } as const;

// Python's str.isprintable() is false for other/separator characters except the ASCII space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^-?\d{1,15}(?:\.(\d+))?$/;
const CURRENCY = /^[A-Z]{3}$/;

const textSchema = (max: number) =>
  z.string().check(
    z.refine((value) => !NOT_PRINTABLE.test(value), "Remove tabs, line breaks and other control characters."),
    // The API counts characters (code points), not UTF-16 units.
    z.refine((value) => [...value].length <= max, `Use at most ${max} characters.`),
  );

export const invoiceDateSchema = z.string().check(
  z.regex(ISO_DATE, "Enter the date as YYYY-MM-DD, e.g. 2026-04-10."),
  z.superRefine((value: string, ctx) => {
    const match = ISO_DATE.exec(value);
    if (!match) return;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      ctx.addIssue({ code: "custom", message: `${value} is not a calendar date.` });
    } else if (year < 1900 || year > 2199) {
      ctx.addIssue({ code: "custom", message: "Enter a year between 1900 and 2199." });
    }
  }),
);

/** A decimal amount; its decimals are limited by the invoice's currency (2 when unknown). */
export function amountSchema(currency: string | null) {
  return z.string().check(
    z.regex(AMOUNT, "Enter a number with “.” as the decimal separator and no grouping, e.g. 1234.50."),
    z.superRefine((value: string, ctx) => {
      const decimals = AMOUNT.exec(value)?.[1]?.length ?? 0;
      const allowed = minorUnits(currency);
      if (decimals > allowed) {
        const unit = isActiveCurrency(currency) ? `${currency} amounts` : "Amounts";
        ctx.addIssue({
          code: "custom",
          message: `${unit} have at most ${allowed} decimal place${allowed === 1 ? "" : "s"}.`,
        });
      }
    }),
  );
}

export const currencySchema = z
  .string()
  .check(z.refine((value) => CURRENCY.test(value) && isActiveCurrency(value), "Enter an ISO 4217 currency code in use, e.g. EUR, USD, JPY."));

/** The rule for one field's (normalised, non-empty) value. */
export function fieldSchema(name: FieldName, currency: string | null): z.ZodMiniType<string> {
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
  const shape = Object.fromEntries(FIELD_NAMES.map((name) => [name, z.string()])) as Record<FieldName, z.ZodMiniString<string>>;
  return z.object(shape).check(
    z.superRefine((raw: ReviewFormValues, ctx) => {
      const values = normalizeForm(raw);
      const currency = effectiveCurrency(values);
      for (const name of FIELD_NAMES) {
        if (values[name] === baseline[name]) continue;
        const message = fieldError(name, values[name], currency);
        if (message) ctx.addIssue({ code: "custom", message, path: [name] });
      }
    }),
  );
}
