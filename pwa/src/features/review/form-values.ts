/**
 * The review form's values: the text of each input, and what that text stands for. Kept apart from
 * the zod rules (schemas.ts), which load with the form's first validation (form-resolver.ts).
 */
import { isActiveCurrency } from "./currencies";
import { FIELD_NAMES, type FieldName, type FieldValues } from "./fields";

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
