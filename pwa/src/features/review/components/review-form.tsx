"use client";

import { useQueryClient } from "@tanstack/react-query";
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type RefObject } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { ApiError, errorMessage } from "@/lib/api/errors";
import { queryKeys } from "@/lib/api/keys";
import { discardOutboxItem, OutboxDiscardedError, resolveOutboxConflict, waitForOutboxItem, type WriteResults } from "@/offline/outbox";
import { useOutboxItemsForDocument } from "@/offline/hooks";
import { useFinalizeDocument } from "../api/finalize-document";
import type { DocumentDetail } from "../api/get-document";
import { conflictCopy, etagOf, useApplySaved, useSaveReview } from "../api/save-review";
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
import {
  conflictCopyOf,
  conflictItem,
  etagOfVersion,
  failedEdits,
  finalizeQueued,
  overlayQueued,
  queuedFields,
  queuedProblem,
  sameValues,
  versionOfEtag,
  type QueuedItem,
} from "../queued";
import { effectiveCurrency, normalizeForm, toFormValues, type ReviewFormValues } from "../form-values";
import { nextAttention } from "../shortcuts";
import { ConflictDialog, type ConflictState } from "./conflict-dialog";
import { FieldRow } from "./field-row";
import { FinalizeDialog } from "./finalize-dialog";

/** The review form's validation rules, loaded on demand (zod stays out of the screen's first scripts). */
const loadFormRules = () => import("../form-resolver");

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
  /** The outbox item that met the 412 (resolved in place), or null for a direct send (no outbox here). */
  itemId: string | null;
}

type SaveOutcome = "saved" | "queued" | "conflict" | "error";

/** The server's values and version of a copy. */
function serverOf(detail: DocumentDetail) {
  return { values: valuesOf(readFields(detail.document)), version: detail.document.extraction?.version ?? 0 };
}

/** A copy with the device's queued edits laid over it: what the form shows and edits against. */
function overlayOf(detail: DocumentDetail, items: readonly QueuedItem[]) {
  const overlay = overlayQueued(serverOf(detail), items);
  const etag = overlay.pendingEdits > 0 || overlay.newer ? etagOfVersion(overlay.version) : detail.etag;
  return { ...overlay, etag };
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
function ReviewFormBody({ detail, canWrite, onHighlight, onDirtyChange, handleRef }: ReviewFormProps) {
  const documentId = detail.document.id;
  const queryClient = useQueryClient();
  const saveReview = useSaveReview(documentId);
  const finalize = useFinalizeDocument(documentId);
  const applySaved = useApplySaved(documentId);

  // The device's outbox for this document, plus what this tab queued a moment ago (its row may not
  // be read back yet); this tab's copy wins until the server answers.
  const rows = useOutboxItemsForDocument(documentId);
  const [local, setLocal] = useState<readonly QueuedItem[]>([]);
  const items = useMemo<readonly QueuedItem[]>(
    () => [...rows.map((row) => local.find((item) => item.id === row.id) ?? row), ...local.filter((item) => !rows.some((row) => row.id === item.id))],
    [rows, local],
  );
  const itemsRef = useRef(items);
  const addLocal = useCallback((item: QueuedItem) => setLocal((current) => [...current.filter((other) => other.id !== item.id), item]), []);
  const dropLocal = useCallback((id: string | null) => {
    if (id) setLocal((current) => current.filter((item) => item.id !== id));
  }, []);

  const [baseline, setBaseline] = useState<DocumentDetail>(detail);
  const fields = useMemo(() => readFields(baseline.document), [baseline]);
  const overlay = useMemo(() => overlayOf(baseline, items), [baseline, items]);
  const baseValues = overlay.values;
  // Read by the resolver and the save at call time (they may run before a re-render): the values
  // edits are made against (the server's with queued edits laid over) and the ETag a save names.
  const baselineRef = useRef({ detail: baseline, values: baseValues, etag: overlay.etag });
  useEffect(() => {
    itemsRef.current = items;
    baselineRef.current = { detail: baseline, values: baseValues, etag: overlay.etag };
  }, [items, baseline, baseValues, overlay.etag]);

  // The zod rules (and zod) load as the screen comes up, before anyone can type: the first
  // validation awaits them if they are still on their way. Where they could not load (the
  // connection dropped before they arrived, no service worker yet) edits go unchecked here and
  // the server checks what is sent, as it always does.
  const resolver = useCallback<Resolver<ReviewFormValues>>(async (values, context, options) => {
    const rules = await loadFormRules().catch(() => null);
    if (!rules) return { values, errors: {} };
    return rules.reviewFormResolver(baselineRef.current.values)(values, context, options);
  }, []);
  useEffect(() => {
    void loadFormRules().catch(() => undefined);
  }, []);
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
  /** Between Save and the moment the edit is on this device (or answered): not while it waits to sync. */
  const [submitting, setSubmitting] = useState(false);
  const [finalizing, setFinalizing] = useState(false);
  /** Queued conflicts the reviewer put off ("Decide later"): not opened again by themselves. */
  const [putOff, setPutOff] = useState<ReadonlySet<string>>(() => new Set());
  const lastFocused = useRef<number | null>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  const latest = detail.document;
  const finalized = isFinalized(latest);
  const finalizeWaits = !finalized && finalizeQueued(items);
  const locked = !canWrite || !isEditable(latest) || finalizeWaits;
  const stale = detail.etag !== baseline.etag && unsaved > 0 && !locked;

  /** Start editing from `next`: its values (with the queued edits over them) become the baseline and the form's values. */
  const adopt = useCallback(
    (next: DocumentDetail) => {
      const laid = overlayOf(next, itemsRef.current);
      baselineRef.current = { detail: next, values: laid.values, etag: laid.etag };
      setBaseline(next);
      form.reset(toFormValues(laid.values));
    },
    [form],
  );

  /** `next` holds what the form is edited against already (our own save landed): the edits stay. */
  const rebase = useCallback((next: DocumentDetail) => {
    const laid = overlayOf(next, itemsRef.current);
    baselineRef.current = { detail: next, values: laid.values, etag: laid.etag };
    setBaseline(next);
  }, []);

  // A new version arrived (live update, refetch, a queued save answered): take it unless it would
  // wipe unsaved edits that can still be saved (those meet a 412 and the conflict view instead).
  useEffect(() => {
    const base = baselineRef.current.detail;
    if (detail === base) return;
    const editable = isEditable(detail.document);
    const editsLost = dirtyRef.current && !editable;
    if (detail.etag === base.etag && !editsLost) {
      rebase(detail); // same values (job, status …): the edits stay
      return;
    }
    if (dirtyRef.current && editable) {
      if (sameValues(overlayOf(detail, itemsRef.current).values, baselineRef.current.values)) rebase(detail);
      return;
    }
    adopt(detail);
    if (editsLost) {
      setNotice({
        tone: "alert",
        text: isFinalized(detail.document)
          ? "Someone else finalized this document: your unsaved changes could not be saved."
          : `The document is ${detail.document.current_status} now: your unsaved changes could not be saved.`,
      });
    }
  }, [detail, adopt, rebase]);

  // The queued edits changed (read back after a reload, sent, discarded, refused): the form follows
  // its baseline while it holds no unsaved edits; a refused edit (conflict, or e.g. 422) comes back
  // into the form as unsaved edits, so the reviewer sees it, fixes it and saves again.
  const previousBase = useRef(baseValues);
  const broughtBack = useRef(new Set<string>());
  const refused = useMemo(() => [...failedEdits(items), ...items.filter((item) => item.kind === "review" && item.status === "conflict")], [items]);
  useEffect(() => {
    const before = previousBase.current;
    previousBase.current = baseValues;
    const formValues = normalizeForm(form.getValues());
    let target: FieldValues | null = !sameValues(before, baseValues) && sameValues(formValues, before) ? { ...baseValues } : null;
    for (const item of refused) {
      const key = `${item.id}:${item.status}:${(item as { updatedAt?: number }).updatedAt ?? 0}`;
      if (broughtBack.current.has(key)) continue;
      broughtBack.current.add(key);
      target = { ...(target ?? formValues), ...queuedFields(item.fields) };
    }
    if (!target) return;
    for (const name of FIELD_NAMES) {
      if (target[name] !== formValues[name]) form.setValue(name, target[name] ?? "", { shouldValidate: true });
    }
  }, [baseValues, refused, form]);

  // A write queued here was sent (possibly by another tab, or after a reload): its answer into the cache.
  useEffect(() => {
    for (const item of rows) {
      if (item.status !== "sent" || (item.kind !== "review" && item.kind !== "finalize")) continue;
      const result = item.result as WriteResults["review"] | undefined;
      if (result?.document?.extraction) applySaved({ document: result.document, etag: result.etag || etagOf(result.document) });
    }
  }, [rows, applySaved]);

  // The server confirmed the last queued edit (no screen of this tab was waiting for it): say so.
  const pendingBefore = useRef(overlay.pendingEdits);
  useEffect(() => {
    const before = pendingBefore.current;
    pendingBefore.current = overlay.pendingEdits;
    if (before > 0 && overlay.pendingEdits === 0 && local.length === 0 && refused.length === 0) {
      setNotice({ tone: "status", text: "Saved — your changes from this device reached the server." });
    }
  }, [overlay.pendingEdits, local.length, refused.length]);

  // A queued edit met a newer version on the server: the conflict view (unless put off).
  const queuedConflict = conflictItem(items);
  useEffect(() => {
    if (!queuedConflict || conflict || putOff.has(queuedConflict.id)) return;
    openQueuedConflict(queuedConflict);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opened once per conflicted item
  }, [queuedConflict?.id, queuedConflict?.status, conflict, putOff]);

  useEffect(() => onDirtyChange(unsaved > 0), [unsaved, onDirtyChange]);

  const say = (tone: "status" | "alert", text: string) => setNotice({ tone, text });

  /** Opens the conflict view for a queued edit the server refused with 412 (read back from the outbox). */
  function openQueuedConflict(item: QueuedItem) {
    const copy = conflictCopyOf(item);
    if (!copy) return;
    const theirs = valuesOf(readFields(copy.document));
    const server = serverOf(baselineRef.current.detail);
    // What the edit was made on: the screen's copy when it is that version; else only the server's is known.
    const base = versionOfEtag(item.etag) === server.version ? server.values : theirs;
    const mine = { ...base, ...queuedFields(item.fields) };
    setConflict({ plan: planConflict(base, mine, theirs), theirs, version: copy.document.extraction?.version ?? 0, copy, itemId: item.id });
    say("alert", "Someone else saved this document before your change from this device reached the server. Choose which values to keep.");
  }

  /** Explains a refused write; a 412 opens the conflict view. Returns what happened. */
  function handleWriteError(
    error: unknown,
    attempt: { base: FieldValues; mine: FieldValues } | null,
    itemId: string | null = null,
  ): "conflict" | "error" {
    if (error instanceof OutboxDiscardedError) {
      say("status", "The change was discarded from this device before it was sent.");
      return "error";
    }
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
          itemId,
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

  /**
   * Saves through the outbox. Resolves "queued" as soon as the edit is stored on this device (the
   * form is free again; the banner says it will sync), or with the server's answer when that comes
   * first (or there is no outbox here). The server's later answer updates the cache and the notice.
   */
  function send(etag: string, changed: ReturnType<typeof changedFields>, attempt: { base: FieldValues; mine: FieldValues }): Promise<SaveOutcome> {
    setSubmitting(true);
    return new Promise<SaveOutcome>((settle) => {
      let queuedId: string | null = null;
      saveReview
        .mutateAsync({
          etag,
          fields: changed,
          onQueued: (id) => {
            queuedId = id;
            addLocal({ id, kind: "review", status: "waiting", fields: changed, etag, lastError: null });
            setSubmitting(false);
            setNotice(null);
            settle("queued");
          },
        })
        .then(
          (next) => {
            dropLocal(queuedId);
            setSubmitting(false);
            if (queuedId === null) adopt(next); // sent directly: nothing was laid over
            const count = Object.keys(changed).length;
            say("status", `Saved ${plural(count, "change", "changes")} (version ${next.document.extraction?.version ?? "?"}).`);
            settle("saved");
          },
          (error: unknown) => {
            dropLocal(queuedId);
            setSubmitting(false);
            settle(handleWriteError(error, attempt, queuedId));
          },
        );
    });
  }

  async function save(): Promise<boolean> {
    if (locked || submitting) return false;
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
    const outcome = await send(base.etag, changed, { base: base.values, mine });
    return outcome === "saved" || outcome === "queued";
  }

  async function resolve(choices: Partial<Record<FieldName, Choice>>) {
    if (!conflict) return;
    const { values, changes: changed } = resolveConflict(conflict.theirs, conflict.plan, choices);
    const { copy, itemId } = conflict;
    applySaved(copy);
    adopt(copy);
    const nothing = Object.keys(changed).length === 0;
    if (itemId && !nothing) {
      // The same outbox item goes again, with the chosen fields on the server's version.
      setSubmitting(true);
      try {
        await resolveOutboxConflict(itemId, changed, copy.etag);
      } catch (error) {
        setSubmitting(false);
        say("alert", errorMessage(error));
        return;
      }
      addLocal({ id: itemId, kind: "review", status: "waiting", fields: changed, etag: copy.etag, lastError: null });
      for (const name of Object.keys(changed) as FieldName[]) form.setValue(name, values[name] ?? "", { shouldValidate: true });
      setSubmitting(false);
      setConflict(null);
      setNotice(null);
      waitForOutboxItem<{ kind: "review"; documentId: string; etag: string; fields: typeof changed; idempotencyKey: string }>(itemId).then(
        (next) => {
          dropLocal(itemId);
          applySaved({ document: next.document, etag: next.etag || etagOf(next.document) });
          say("status", `Saved your choices (version ${next.document.extraction?.version ?? "?"}).`);
        },
        (error: unknown) => {
          dropLocal(itemId);
          handleWriteError(error, { base: conflict.theirs, mine: values }, itemId);
        },
      );
      return;
    }
    for (const name of Object.keys(changed) as FieldName[]) {
      form.setValue(name, values[name] ?? "", { shouldDirty: true, shouldValidate: true });
    }
    if (nothing) {
      if (itemId) await discardOutboxItem(itemId).catch(() => undefined);
      setConflict(null);
      say("status", "Kept the server’s version.");
      return;
    }
    const outcome = await send(copy.etag, changed, { base: conflict.theirs, mine: values });
    if (outcome !== "conflict") setConflict(null);
  }

  /** Drops a queued edit the server refused (conflict or e.g. 422): the server's version is shown. */
  async function discardQueued(itemId: string, copy: DocumentDetail | null) {
    await discardOutboxItem(itemId).catch(() => undefined);
    dropLocal(itemId);
    setConflict(null);
    if (copy) applySaved(copy);
    adopt(copy ?? baselineRef.current.detail);
    void queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId) });
    say("status", "Your change was discarded from this device. The server’s version is shown.");
  }

  async function confirmFinalize() {
    if (unsaved > 0 && !(await save())) {
      setFinalizeOpen(false);
      return;
    }
    let queuedId: string | null = null;
    setFinalizing(true);
    try {
      const next = await finalize.mutateAsync({
        onQueued: (id) => {
          // Behind the edits queued before it; the form is locked here until the server answers.
          queuedId = id;
          addLocal({ id, kind: "finalize", status: "waiting", lastError: null });
          setFinalizing(false);
          setFinalizeOpen(false);
          setNotice(null);
        },
      });
      adopt(next);
      setFinalizeOpen(false);
      say("status", "Finalized. The record is locked and ready to export.");
      requestAnimationFrame(() => bannerRef.current?.focus());
    } catch (error) {
      setFinalizeOpen(false);
      handleWriteError(error, null);
    } finally {
      dropLocal(queuedId);
      setFinalizing(false);
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

  const syncLines = [
    overlay.pendingEdits > 0 ? "Saved on this device — will sync" : null,
    finalizeWaits ? "Finalize queued — will sync" : null,
  ].filter((line): line is string => line !== null);
  const syncProblem = syncLines.length > 0 ? queuedProblem(items) : null;
  const refusedEdit = failedEdits(items)[0] ?? null;

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
        <div role="status" className={syncLines.length > 0 ? "rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950" : undefined}>
          {syncLines.map((line) => (
            <p key={line} className="font-semibold">
              {line}
            </p>
          ))}
          {syncProblem ? <p className="mt-1">{syncProblem}</p> : null}
        </div>
        {queuedConflict && !conflict ? (
          <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="flex-1">A change you saved on this device meets a newer version on the server. It waits until you choose.</p>
            <Button onClick={() => openQueuedConflict(queuedConflict)}>Choose values</Button>
          </div>
        ) : null}
        {refusedEdit ? (
          <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
            <p className="flex-1">
              <span className="font-semibold">The server refused a change saved on this device:</span> {refusedEdit.lastError?.message ?? "no reason given."}{" "}
              It is back in the form: fix it and save again, or discard it.
            </p>
            <Button variant="danger" onClick={() => void discardQueued(refusedEdit.id, null)}>
              Discard the change
            </Button>
          </div>
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
                initialValue={form.formState.defaultValues?.[field.name] ?? ""}
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
            <Button type="submit" variant="primary" disabled={submitting}>
              {submitting ? "Saving…" : "Save"}
            </Button>
            <Button onClick={openFinalize} disabled={finalizing}>
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
            {/* The refused-change banner above already says it (with Discard): say it once. */}
            {notice?.tone === "alert" && notice.text !== refusedEdit?.lastError?.message ? notice.text : ""}
          </p>
        </div>
      </form>

      <FinalizeDialog
        open={finalizeOpen}
        onOpenChange={setFinalizeOpen}
        filename={latest.original_filename}
        unsaved={unsaved}
        invalid={invalid}
        busy={finalizing || submitting}
        onConfirm={() => void confirmFinalize()}
      />
      <ConflictDialog
        conflict={conflict}
        saving={submitting}
        onResolve={(choices) => void resolve(choices)}
        onDismiss={() => {
          const itemId = conflict?.itemId;
          if (itemId) setPutOff((current) => new Set(current).add(itemId));
          setConflict(null);
        }}
        onDiscard={conflict?.itemId ? () => void discardQueued(conflict.itemId as string, conflict.copy) : undefined}
      />
    </section>
  );
}

/**
 * Memoised: the review screen renders again on every change of the job, its timeline or the
 * highlighted field; the form only when its own props change.
 */
export const ReviewForm = memo(ReviewFormBody);
