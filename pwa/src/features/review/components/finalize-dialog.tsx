"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface FinalizeDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  filename: string;
  /** Number of unsaved changed fields (they are saved first). */
  unsaved: number;
  /** The form has errors: nothing can be saved or finalized until they are fixed. */
  invalid: boolean;
  busy: boolean;
  onConfirm: () => void;
}

/** Finalize asks first: afterwards the record is locked and only exports remain. */
export function FinalizeDialog({ open, onOpenChange, filename, unsaved, invalid, busy, onConfirm }: FinalizeDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Finalize this document?">
      <div className="space-y-3 text-sm text-slate-700">
        <p>
          <span className="font-medium text-slate-900">{filename}</span> will be locked: its values can no longer be edited, and the JSON and
          CSV exports become available.
        </p>
        {invalid ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">
            Some fields are not valid. Fix them (or reset them to the extracted value) before finalizing.
          </p>
        ) : unsaved > 0 ? (
          <p className="rounded-md bg-amber-50 p-3 text-amber-900">
            You have {unsaved === 1 ? "1 unsaved change" : `${unsaved} unsaved changes`}. They will be saved first, then the document
            finalized.
          </p>
        ) : null}
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button onClick={() => onOpenChange(false)} disabled={busy}>
          Cancel
        </Button>
        <Button variant="primary" onClick={onConfirm} disabled={busy || invalid}>
          {busy ? "Finalizing…" : "Finalize"}
        </Button>
      </div>
    </Dialog>
  );
}
