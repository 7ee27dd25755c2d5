"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FIELD_LABELS, type FieldName, type FieldValues } from "../fields";
import { defaultChoices, type Choice, type ConflictPlan } from "../merge";

export interface ConflictState {
  plan: ConflictPlan;
  theirs: FieldValues;
  /** The server's version number (shown to the reviewer). */
  version: number;
}

export interface ConflictDialogProps {
  conflict: ConflictState | null;
  saving: boolean;
  onResolve: (choices: Partial<Record<FieldName, Choice>>) => void;
  onDismiss: () => void;
  /** Drops the reviewer's queued change (an edit waiting in the outbox); absent for a direct save. */
  onDiscard?: () => void;
}

function Value({ value }: { value: string | null }) {
  return value === null ? <span className="italic text-slate-600">(empty)</span> : <span className="font-mono break-all">{value}</span>;
}

/** A 412: per field, the reviewer's value and the server's, and a choice between them. */
export function ConflictDialog({ conflict, saving, onResolve, onDismiss, onDiscard }: ConflictDialogProps) {
  return (
    <Dialog
      open={conflict !== null}
      onOpenChange={(open) => (open ? undefined : onDismiss())}
      title="Someone else saved this document"
      description="It changed on the server since you loaded it. Choose, for each field you edited, which value to keep; then your choices are saved on top of the new version."
      wide
    >
      {conflict ? <ConflictChoices key={conflict.version} conflict={conflict} saving={saving} onResolve={onResolve} onDismiss={onDismiss} onDiscard={onDiscard} /> : null}
    </Dialog>
  );
}

function ConflictChoices({
  conflict,
  saving,
  onResolve,
  onDismiss,
  onDiscard,
}: {
  conflict: ConflictState;
  saving: boolean;
  onResolve: ConflictDialogProps["onResolve"];
  onDismiss: () => void;
  onDiscard?: () => void;
}) {
  const [choices, setChoices] = useState<Partial<Record<FieldName, Choice>>>(() => defaultChoices(conflict.plan));
  const { plan, theirs } = conflict;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onResolve(choices);
      }}
      className="space-y-4"
    >
      {plan.rows.length === 0 ? (
        <p className="text-sm text-slate-700">The new version already holds every value you entered.</p>
      ) : (
        <ul className="space-y-3">
          {plan.rows.map((row) => {
            const name = `conflict-${row.name}`;
            return (
              <li key={row.name}>
                <fieldset className="rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-900">
                    {FIELD_LABELS[row.name]}
                    {row.clash ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Changed by both</span> : null}
                  </legend>
                  <p className="mb-2 text-xs text-slate-600">
                    Before either edit: <Value value={row.base} />
                  </p>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {(["mine", "theirs"] as const).map((choice) => {
                      const checked = (choices[row.name] ?? "mine") === choice;
                      return (
                        <label
                          key={choice}
                          className={`flex min-h-11 cursor-pointer items-start gap-2 rounded-md border p-2 text-sm ${
                            checked ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
                          }`}
                        >
                          <input
                            type="radio"
                            name={name}
                            value={choice}
                            checked={checked}
                            onChange={() => setChoices((current) => ({ ...current, [row.name]: choice }))}
                            className="mt-1 size-4"
                          />
                          <span>
                            <span className="block font-medium">{choice === "mine" ? "Keep mine" : "Use the server’s"}</span>
                            <Value value={choice === "mine" ? row.mine : row.theirs} />
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      {plan.serverOnly.length > 0 ? (
        <div className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">
          <p className="font-medium">Also changed on the server (taken as they are):</p>
          <ul className="mt-1 list-disc pl-5">
            {plan.serverOnly.map((name) => (
              <li key={name}>
                {FIELD_LABELS[name]}: <Value value={theirs[name]} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {onDiscard ? (
          <Button variant="ghost" onClick={onDiscard} disabled={saving}>
            Discard my change
          </Button>
        ) : null}
        <Button onClick={onDismiss} disabled={saving}>
          Decide later
        </Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? "Saving…" : "Save my choices"}
        </Button>
      </div>
    </form>
  );
}
