"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type RefObject } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { ApiError, errorMessage } from "@/lib/api/errors";
import { queryKeys } from "@/lib/api/keys";
import { useFinalizeDocument } from "../api/finalize-document";
import type { DocumentDetail } from "../api/get-document";
import { conflictCopy, useSaveReview } from "../api/save-review";
import {
  FIELD_NAMES,
  isEditable,
  isFinalized,
  needsAttention,
  readFields,
  valuesOf,
  type FieldName,
  type FieldSource,
  type FieldValues,
} from "../fields";
import { changedFields, planConflict, resolveConflict, type Choice } from "../merge";
import { effectiveCurrency, normalizeForm, reviewFormSchema, toFormValues, type ReviewFormValues } from "../schemas";
import { nextAttention } from "../shortcuts";
import { ConflictDialog, type ConflictState } from "./conflict-dialog";
import { FieldRow } from "./field-row";
import { FinalizeDialog } from "./finalize-dialog";

/** What the page's keyboard shortcuts ask of the form; each returns false when it does not apply. */
export interface ReviewFormHandle {
  save: () => boolean;
  openFinalize: () => boolean;
  moveToAttention: (direction: 1 | -1) => boolean;
}

export interface ReviewFormProps {
  /** The cached detail (it moves on with saves and live updates). */
  detail: DocumentDetail;
  canWrite: boolean;
  onHighlight: (source: FieldSource | null) => void;
  onDirtyChange: (dirty: boolean) => void;
  handleRef: RefObject<ReviewFormHandle | null>;
}

type Notice = { tone: "status" | "alert"; text: string } | null;

interface PendingConflict extends ConflictState {
  copy: DocumentDetail;
}

const inputId = (name: FieldName) => `field-${name}`;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The seven fields, edited against the version the reviewer started from (`baseline`, whose ETag
 * goes in If-Match). New versions from elsewhere replace the baseline only while there are no
 * unsaved edits; otherwise the save meets a 412 and the conflict view lets the reviewer choose.
 */
export function ReviewForm({ detail, canWrite, onHighlight, onDirtyChange, handleRef }: ReviewFormProps) {
  const documentId = detail.document.id;
  const queryClient = useQueryClient();
  const saveReview = useSaveReview(documentId);
  const finalize = useFinalizeDocument(documentId);

  const [baseline, setBaseline] = useState<DocumentDetail>(detail);
  const fields = useMemo(() => readFields(baseline.document), [baseline]);
  const baseValues = useMemo(() => valuesOf(fields), [fields]);
  // Read by the resolver and the save at call time (they may run before a re-render).
  const baselineRef = useRef({ detail: baseline, values: baseValues });

  const resolver = useCallback<Resolver<ReviewFormValues>>(
    (values, context, options) => zodResolver(reviewFormSchema(baselineRef.current.values))(values, context, options),
    [],
  );
  const form = useForm<ReviewFormValues>({ mode: "onChange", resolver, defaultValues: toFormValues(baseValues) });
  const watched = useWatch({ control: form.control });
  const current = useMemo(
    () => Object.fromEntries(FIELD_NAMES.map((name) => [name, watched[name] ?? ""])) as ReviewFormValues,
    [watched],
  );
  const normalized = useMemo(() => normalizeForm(current), [current]);
  const changes = useMemo(() => changedFields(baseValues, normalized), [baseValues, normalized]);
  const unsaved = Object.keys(changes).length;
  const dirtyRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = unsaved > 0; // before the effect below reads it
  });

  const [notice, setNotice] = useState<Notice>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [finalizeOpen, setFinalizeOpen] = useState(false);
  const lastFocused = useRef<number | null>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  const latest = detail.document;
  const finalized = isFinalized(latest);
  const locked = !canWrite || !isEditable(latest);
  const stale = detail.etag !== baseline.etag && unsaved > 0 && !locked;

  /** Start editing from `next`: its values become the baseline and the form's values. */
  const adopt = useCallback(
    (next: DocumentDetail) => {
      const values = valuesOf(readFields(next.document));
      baselineRef.current = { detail: next, values };
      setBaseline(next);
      form.reset(toFormValues(values));
    },
    [form],
  );

  // A new version arrived (live update, refetch): take it unless it would wipe unsaved edits that can
  // still be saved (those meet a 412 and the conflict view instead).
  useEffect(() => {
    const base = baselineRef.current.detail;
    if (detail === base) return;
    const editable = isEditable(detail.document);
    const editsLost = dirtyRef.current && !editable;
    if (detail.etag === base.etag && !editsLost) {
      baselineRef.current = { ...baselineRef.current, detail };
      setBaseline(detail); // same values (job, status …): the edits stay
      return;
    }
    if (dirtyRef.current && editable) return;
    adopt(detail);
    if (editsLost) {
      setNotice({
        tone: "alert",
        text: isFinalized(detail.document)
          ? "Someone else finalized this document: your unsaved changes could not be saved."
          : `The document is ${detail.document.current_status} now: your unsaved changes could not be saved.`,
      });
    }
  }, [detail, adopt]);

  useEffect(() => onDirtyChange(unsaved > 0), [unsaved, onDirtyChange]);

  const say = (tone: "status" | "alert", text: string) => setNotice({ tone, text });

  /** Explains a refused write; a 412 opens the conflict view. Returns what happened. */
  function handleWriteError(error: unknown, attempt: { base: FieldValues; mine: FieldValues } | null): "conflict" | "error" {
    const copy = conflictCopy(error);
    if (copy) {
      queryClient.setQueryData(queryKeys.document(documentId), copy);
      if (attempt) {
        const theirs = valuesOf(readFields(copy.document));
        setConflict({
          plan: planConflict(attempt.base, attempt.mine, theirs),
          theirs,
          version: copy.document.extraction?.version ?? 0,
          copy,
        });
        say("alert", "Someone else saved this document meanwhile. Choose which values to keep.");
        return "conflict";
      }
      say("alert", "The document changed on the server. Review the new version, then try again.");
      return "error";
    }
    if (error instanceof ApiError && error.status === 409) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId) });
      say("alert", error.message);
      return "error";
    }
    if (error instanceof ApiError && error.status === 422 && Array.isArray(error.details)) {
      for (const item of error.details as { field?: string; message?: string }[]) {
        const name = item.field?.replace(/^body\.fields\./, "") as FieldName | undefined;
        if (name && (FIELD_NAMES as readonly string[]).includes(name) && item.message) {
          form.setError(name, { type: "server", message: item.message.charAt(0).toUpperCase() + item.message.slice(1) + "." });
        }
      }
      say("alert", `${error.message} See the marked fields.`);
      return "error";
    }
    say("alert", errorMessage(error));
    return "error";
  }

  async function send(etag: string, changed: ReturnType<typeof changedFields>, attempt: { base: FieldValues; mine: FieldValues }) {
    try {
      const next = await saveReview.mutateAsync({ etag, fields: changed });
      adopt(next);
      const count = Object.keys(changed).length;
      say("status", `Saved ${plural(count, "change", "changes")} (version ${next.document.extraction?.version ?? "?"}).`);
      return "saved" as const;
    } catch (error) {
      return handleWriteError(error, attempt);
    }
  }

  async function save(): Promise<boolean> {
    if (locked || saveReview.isPending) return false;
    const valid = await form.trigger();
    if (!valid) {
      say("alert", "Some fields are not valid. Fix them before saving.");
      const first = FIELD_NAMES.find((name) => form.getFieldState(name).invalid);
      if (first) form.setFocus(first);
      return false;
    }
    const base = baselineRef.current;
    const mine = normalizeForm(form.getValues());
    const changed = changedFields(base.values, mine);
    if (Object.keys(changed).length === 0) {
      say("status", "Nothing to save: no field was changed.");
      return true;
    }
    return (await send(base.detail.etag, changed, { base: base.values, mine })) === "saved";
  }

  async function resolve(choices: Partial<Record<FieldName, Choice>>) {
    if (!conflict) return;
    const { values, changes: changed } = resolveConflict(conflict.theirs, conflict.plan, choices);
    adopt(conflict.copy);
    for (const name of Object.keys(changed) as FieldName[]) {
      form.setValue(name, values[name] ?? "", { shouldDirty: true, shouldValidate: true });
    }
    if (Object.keys(changed).length === 0) {
      setConflict(null);
      say("status", "Kept the server’s version.");
      return;
    }
    const outcome = await send(conflict.copy.etag, changed, { base: conflict.theirs, mine: values });
    if (outcome !== "conflict") setConflict(null);
  }

  async function confirmFinalize() {
    if (unsaved > 0 && !(await save())) {
      setFinalizeOpen(false);
      return;
    }
    try {
      const next = await finalize.mutateAsync();
      adopt(next);
      setFinalizeOpen(false);
      say("status", "Finalized. The record is locked and ready to export.");
      requestAnimationFrame(() => bannerRef.current?.focus());
    } catch (error) {
      setFinalizeOpen(false);
      handleWriteError(error, null);
    }
  }

  function openFinalize(): boolean {
    if (locked) return false;
    setFinalizeOpen(true);
    return true;
  }

  function moveToAttention(direction: 1 | -1): boolean {
    const candidates = fields.flatMap((field, index) => (needsAttention(field, current[field.name]) ? [index] : []));
    const active = fields.findIndex((field) => document.activeElement?.id === inputId(field.name));
    const target = nextAttention(candidates, active >= 0 ? active : lastFocused.current, direction);
    if (target === null) {
      say("status", "No field needs attention.");
      return true;
    }
    form.setFocus(fields[target].name, { shouldSelect: true });
    return true;
  }

  useImperativeHandle(handleRef, () => ({
    save: () => {
      if (locked) return false;
      void save();
      return true;
    },
    openFinalize,
    moveToAttention,
  }));

  function onFocusField(name: FieldName) {
    const index = fields.findIndex((field) => field.name === name);
    lastFocused.current = index;
    onHighlight(fields[index]?.source ?? null);
  }

  function onReset(name: FieldName) {
    const field = fields.find((f) => f.name === name);
    form.setValue(name, field?.extracted ?? "", { shouldDirty: true, shouldValidate: true });
    form.setFocus(name);
  }

  const attentionCount = fields.filter((field) => needsAttention(field, current[field.name])).length;
  const currency = effectiveCurrency(normalized);
  const errors = form.formState.errors;
  const invalid = FIELD_NAMES.some((name) => errors[name]);

  return (
    <section aria-labelledby="fields-heading" className="rounded-md border border-slate-200 bg-white">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-4">
        <h2 id="fields-heading" className="text-base font-semibold text-slate-900">
          Fields
        </h2>
        {!locked ? (
          <p className="text-sm text-slate-700">
            {attentionCount === 0 ? "No field needs attention" : `${plural(attentionCount, "field needs", "fields need")} attention`}
          </p>
        ) : null}
      </div>

      <div className="space-y-2 px-4 pt-3">
        {finalized ? (
          <div ref={bannerRef} tabIndex={-1} className="rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-violet-950">
            <p className="font-semibold">Finalized — read only</p>
            {latest.extraction?.finalized_at ? <p>Locked on {formatDateTime(latest.extraction.finalized_at)}. The exports hold these values.</p> : null}
          </div>
        ) : !canWrite ? (
          <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">Read only: your role can view these values but not change them.</p>
        ) : locked ? (
          <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">
            Read only while the document is {latest.current_status}: only a completed document can be edited.
          </p>
        ) : null}
        {stale ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            Someone else saved a newer version while you were editing. When you save, you choose which values to keep.
          </p>
        ) : null}
      </div>

      <form
        noValidate
        aria-labelledby="fields-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={(event) => {
          // Escape leaves a field, so the single-key shortcuts work again.
          if (event.key === "Escape" && event.target instanceof HTMLInputElement) fieldsRef.current?.focus();
        }}
      >
        <div ref={fieldsRef} tabIndex={-1} className="grid gap-3 p-4 lg:grid-cols-2">
          {fields.map((field) => (
            <div key={field.name} className={field.name === "vendor_name" ? "lg:col-span-2" : undefined}>
              <FieldRow
                field={field}
                inputId={inputId(field.name)}
                registration={form.register(field.name, {
                  deps: field.name === "currency" ? ["total_amount", "tax_amount"] : undefined,
                })}
                current={current[field.name]}
                currency={currency}
                error={errors[field.name]?.message}
                readOnly={locked}
                attention={needsAttention(field, current[field.name])}
                onFocusField={onFocusField}
                onReset={onReset}
              />
            </div>
          ))}
        </div>

        {!locked ? (
          <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-2 rounded-b-md border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
            <Button type="submit" variant="primary" disabled={saveReview.isPending}>
              {saveReview.isPending ? "Saving…" : "Save"}
            </Button>
            <Button onClick={openFinalize} disabled={finalize.isPending}>
              Finalize
            </Button>
            <span className="text-sm text-slate-700">{unsaved === 0 ? "No unsaved changes" : `${plural(unsaved, "unsaved change", "unsaved changes")}`}</span>
          </div>
        ) : null}
        <div className="px-4 pb-3">
          <p role="status" className="text-sm text-emerald-800">
            {notice?.tone === "status" ? notice.text : ""}
          </p>
          <p role="alert" className="rounded-md text-sm text-red-800">
            {notice?.tone === "alert" ? notice.text : ""}
          </p>
        </div>
      </form>

      <FinalizeDialog
        open={finalizeOpen}
        onOpenChange={setFinalizeOpen}
        filename={latest.original_filename}
        unsaved={unsaved}
        invalid={invalid}
        busy={finalize.isPending || saveReview.isPending}
        onConfirm={() => void confirmFinalize()}
      />
      <ConflictDialog
        conflict={conflict}
        saving={saveReview.isPending}
        onResolve={(choices) => void resolve(choices)}
        onDismiss={() => setConflict(null)}
      />
    </section>
  );
}
