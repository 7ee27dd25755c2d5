"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The confirming button's words, e.g. "Deactivate" or "Revoke". */
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  /** Why the last attempt failed, in words. */
  error?: string | null;
}

/** Asks before a destructive step; the confirming button repeats the action's name. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending = false,
  error = null,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button onClick={() => onOpenChange(false)}>Cancel</Button>
        <Button variant="danger" onClick={() => (pending ? undefined : onConfirm())} aria-disabled={pending || undefined}>
          {pending ? `${confirmLabel}…` : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
