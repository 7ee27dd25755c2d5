"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import type { Format } from "@/components/ui/format";
import { useFormat } from "@/components/ui/format-context";
import { isLowConfidence, type FieldName, type FieldView } from "../fields";

export interface FieldRowProps {
  field: FieldView;
  inputId: string;
  registration: UseFormRegisterReturn;
  /** The value the form started from: in the HTML the server renders (the form fills it only once it runs). */
  initialValue: string;
  /** The input's current text. */
  current: string;
  /** The currency the form holds now (for showing amounts). */
  currency: string | null;
  error: string | undefined;
  readOnly: boolean;
  attention: boolean;
  onFocusField: (name: FieldName) => void;
  onReset: (name: FieldName) => void;
}

const HINTS: Partial<Record<FieldName, string>> = {
  invoice_date: "YYYY-MM-DD",
  total_amount: "e.g. 1234.50 — “.” for decimals, no grouping",
  tax_amount: "e.g. 234.50 — “.” for decimals, no grouping",
  currency: "ISO 4217 code, e.g. EUR",
};

function ConfidenceTag({ field, id }: { field: FieldView; id: string }) {
  const format = useFormat();
  const percent = (confidence: number): string => format.percent(confidence);
  if (field.corrected) {
    return (
      <span id={id} className="inline-flex items-center gap-1 rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-inset ring-violet-300">
        <span aria-hidden="true">✎</span> Corrected by a reviewer
      </span>
    );
  }
  if (field.confidence === null) {
    return (
      <span id={id} className="text-xs text-slate-600">
        Not found by the extractor
      </span>
    );
  }
  if (isLowConfidence(field)) {
    return (
      <span id={id} className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-400">
        <span aria-hidden="true">⚠</span> Low confidence · {percent(field.confidence)}
      </span>
    );
  }
  return (
    <span id={id} className="text-xs text-slate-600">
      Confidence {percent(field.confidence)}
    </span>
  );
}

/** How a valid value will read (dates and amounts in the browser's locale). */
function preview(format: Format, name: FieldName, value: string, currency: string | null, invalid: boolean): string | null {
  const text = value.trim();
  if (!text || invalid) return null;
  if (name === "invoice_date") return format.date(text);
  if (name === "total_amount" || name === "tax_amount") return format.amount(text, currency);
  return null;
}

/** One invoice field: label, the extractor's confidence, the input, its error, and "Reset to extracted". */
export function FieldRow({
  field,
  inputId,
  registration,
  initialValue,
  current,
  currency,
  error,
  readOnly,
  attention,
  onFocusField,
  onReset,
}: FieldRowProps) {
  const confidenceId = `${inputId}-confidence`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const warningId = `${inputId}-warning`;
  const format = useFormat();
  const shown = preview(format, field.name, current, currency, Boolean(error));
  const extractedText = field.extracted ?? "";
  const differs = current.trim() !== extractedText && !(field.name === "currency" && current.trim().toUpperCase() === extractedText);
  const describedBy = [confidenceId, field.warning ? warningId : null, error ? errorId : null, HINTS[field.name] && !readOnly ? hintId : null].filter(Boolean).join(" ");

  return (
    <div
      className={`rounded-md border p-3 ${
        error ? "border-red-400 bg-red-50/40" : attention && !readOnly ? "border-amber-400 bg-amber-50/60" : "border-slate-200 bg-white"
      }`}
      data-field={field.name}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-900">
          {field.label}
        </label>
        <ConfidenceTag field={field} id={confidenceId} />
      </div>
      {field.warning ? (
        <p id={warningId} className="mt-1 text-sm text-amber-900">
          <span aria-hidden="true">⚠ </span>
          {field.warning}
        </p>
      ) : null}
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize={field.name === "currency" ? "characters" : undefined}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        placeholder={readOnly ? "—" : field.name === "invoice_date" ? "YYYY-MM-DD" : undefined}
        className={`mt-1 block min-h-11 w-full rounded-md border px-3 text-base ${
          readOnly ? "border-slate-200 bg-slate-50 text-slate-800" : "border-slate-300 bg-white"
        } ${error ? "border-red-600" : ""}`}
        onFocus={() => onFocusField(field.name)}
        defaultValue={initialValue}
        {...registration}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          <span aria-hidden="true">✖ </span>
          {error}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap items-center justify-between gap-x-3 text-xs text-slate-600">
        {HINTS[field.name] && !readOnly ? <span id={hintId}>{HINTS[field.name]}</span> : <span />}
        {shown ? <span>Reads as {shown}</span> : null}
      </div>
      {differs ? (
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-700">
            Extracted: <span className="font-mono">{field.extracted ?? "(empty)"}</span>
          </span>
          {!readOnly ? (
            <button
              type="button"
              onClick={() => onReset(field.name)}
              className="min-h-11 rounded-md px-2 font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
            >
              Reset to extracted<span className="sr-only"> ({field.label})</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
