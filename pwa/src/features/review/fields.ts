/**
 * The invoice fields as the review screen sees them. Mirrors the API's merge
 * (api/docflow/document/fields.py `final_values`): the value shown is the reviewer's correction
 * (`reviewed_output_json.fields[name]`, present only for fields a reviewer set, `null` = cleared)
 * over the extracted one (`structured_output_json.fields[name].value`).
 */
import type { components } from "@/lib/api/schema";

export type DocumentRead = components["schemas"]["DocumentRead"];

export const FIELD_NAMES = [
  "vendor_name",
  "invoice_number",
  "invoice_date",
  "total_amount",
  "tax_amount",
  "currency",
  "status",
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** One value per field; `null` = no value. */
export type FieldValues = Record<FieldName, string | null>;

/** The accessible names the outside checks use (DESIGN.md "PWA"): keep them exactly. */
export const FIELD_LABELS: Record<FieldName, string> = {
  vendor_name: "Vendor name",
  invoice_number: "Invoice number",
  invoice_date: "Invoice date",
  total_amount: "Total amount",
  tax_amount: "Tax amount",
  currency: "Currency",
  status: "Status",
};

/** Below this an extracted value needs a human look. */
export const LOW_CONFIDENCE = 0.8;

export interface FieldSource {
  /** 1-based page. */
  page: number;
  /** [x0, y0, x1, y1], 0..1, top-left origin. */
  box: [number, number, number, number];
}

export interface FieldView {
  name: FieldName;
  label: string;
  /** What the extractor found. */
  extracted: string | null;
  /** What the document holds now (a correction when `corrected`). */
  value: string | null;
  corrected: boolean;
  /** 0..1, the extractor's; null when the extractor gave none. */
  confidence: number | null;
  source: FieldSource | null;
  /** Something to check about the extracted value (an e-invoice PDF printing another value than its XML). */
  warning?: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function asSource(value: unknown): FieldSource | null {
  if (!isRecord(value)) return null;
  const { page, box } = value;
  if (typeof page !== "number" || !Array.isArray(box) || box.length !== 4) return null;
  if (!box.every((n) => typeof n === "number" && Number.isFinite(n))) return null;
  return { page, box: box as [number, number, number, number] };
}

/** The per-field view of a document's extraction (empty values when there is none yet). */
export function readFields(document: DocumentRead | undefined): FieldView[] {
  const extraction = document?.extraction ?? null;
  const structuredFields = extraction?.structured_output_json?.fields;
  // Stored JSON: read defensively (old rows may lack parts of the documented shape).
  const structured: Record<string, unknown> = isRecord(structuredFields) ? structuredFields : {};
  const reviewedRoot = extraction?.reviewed_output_json;
  const reviewed: Record<string, unknown> = isRecord(reviewedRoot) && isRecord(reviewedRoot.fields) ? reviewedRoot.fields : {};
  return FIELD_NAMES.map((name) => {
    const entry = isRecord(structured[name]) ? (structured[name] as Record<string, unknown>) : {};
    const extracted = asText(entry.value);
    const corrected = Object.prototype.hasOwnProperty.call(reviewed, name);
    const confidence = typeof entry.confidence === "number" ? entry.confidence : null;
    return {
      name,
      label: FIELD_LABELS[name],
      extracted,
      value: corrected ? asText(reviewed[name]) : extracted,
      corrected,
      confidence,
      source: asSource(entry.source),
      warning: isRecord(entry.warning) ? asText(entry.warning.message) : null,
    };
  });
}

export function valuesOf(fields: FieldView[]): FieldValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.value])) as FieldValues;
}

export function extractedOf(fields: FieldView[]): FieldValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.extracted])) as FieldValues;
}

/** Low confidence, unless a reviewer already corrected (or confirmed) the value. */
export function isLowConfidence(field: Pick<FieldView, "confidence" | "corrected">): boolean {
  return !field.corrected && field.confidence !== null && field.confidence < LOW_CONFIDENCE;
}

/** A field needs attention when it is empty, its extracted value is of low confidence, or it carries a warning no reviewer has answered. */
export function needsAttention(field: Pick<FieldView, "confidence" | "corrected" | "warning">, currentInput: string): boolean {
  return currentInput.trim() === "" || isLowConfidence(field) || (!field.corrected && Boolean(field.warning));
}

export function isFinalized(document: DocumentRead): boolean {
  return document.current_status === "finalized" || Boolean(document.extraction?.is_finalized);
}

/** The API accepts edits (and finalize) only on a completed, not yet finalized document. */
export function isEditable(document: DocumentRead): boolean {
  return document.current_status === "completed" && Boolean(document.extraction) && !isFinalized(document);
}
