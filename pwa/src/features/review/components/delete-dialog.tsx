"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface DeleteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  filename: string;
  finalized: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
}

/** Deleting asks first: the file, its fields, review history and job go for good. */
export function DeleteDialog({ open, onOpenChange, filename, finalized, busy, error, onConfirm }: DeleteDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Delete this document?">
      <div className="space-y-3 text-sm text-slate-700">
        <p>
          <span className="font-medium text-slate-900">{filename}</span>, its extracted fields, review history and processing history
          will be deleted for everyone in the workspace. This cannot be undone.
        </p>
        {finalized ? (
          <p className="rounded-md bg-amber-50 p-3 text-amber-900">It is finalized: its exports go too. The deletion is recorded in the audit log.</p>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button onClick={() => onOpenChange(false)} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {busy ? "Deleting…" : "Delete"}
        </Button>
      </div>
    </Dialog>
  );
}
