"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "../shortcuts";

/** The `?` overlay: every review shortcut. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="Single keys work when the cursor is not in a field (press Escape to leave one); the Ctrl, ⌘ and Alt combinations work everywhere."
      wide
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Review shortcuts</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Keys
            </th>
            <th scope="col" className="py-2 font-semibold">
              Does
            </th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-4">
                <span className="flex flex-wrap items-center gap-1">
                  {shortcut.keys.map((keys, index) => (
                    <span key={keys} className="whitespace-nowrap">
                      {index > 0 ? <span className="mr-1 text-slate-500">or</span> : null}
                      <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
                    </span>
                  ))}
                </span>
              </td>
              <td className="py-2">{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex justify-end">
        <Button onClick={() => onOpenChange(false)}>Close</Button>
      </div>
    </Dialog>
  );
}
