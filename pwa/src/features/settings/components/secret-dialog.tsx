"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCopy } from "../hooks/use-copy";

export interface SecretDialogProps {
  /** The secret to show; the dialog is open while it is set. */
  secret: string | null;
  onClose: () => void;
  title: string;
  /** What the secret is, e.g. "API token" or "Temporary password" (labels the field). */
  label: string;
  /** What to do with it. */
  children?: React.ReactNode;
}

/** Shows a secret the API returns only once, with a Copy button and a plain warning. */
export function SecretDialog({ secret, onClose, title, label, children }: SecretDialogProps) {
  const inputId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const { state, copy } = useCopy(input);

  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      description={
        <strong className="font-semibold text-slate-900">
          Copy it now: you won&apos;t see it again. Once this dialog is closed, Docflow cannot show it
          a second time.
        </strong>
      }
    >
      {children ? <div className="mb-4 text-sm text-slate-700">{children}</div> : null}
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-start">
        <textarea
          ref={input}
          id={inputId}
          readOnly
          rows={(secret ?? "").length > 32 ? 2 : 1}
          value={secret ?? ""}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className="block min-h-11 w-full min-w-0 resize-none break-all rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="primary" onClick={() => void copy(secret ?? "")}>
          Copy
        </Button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-slate-700">
        {state === "copied" ? "Copied to the clipboard." : null}
        {state === "manual"
          ? "Copying was not allowed here: the text is selected — press Ctrl+C (⌘C on a Mac) to copy it."
          : null}
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Done</Button>
      </div>
    </Dialog>
  );
}
