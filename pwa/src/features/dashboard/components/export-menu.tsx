"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { exportDocumentsUrl } from "../api/export-documents";
import type { DashboardFilters } from "../schemas";

/**
 * "Export": reveals two download links (CSV, JSON) for the finalized documents among the current
 * filters. Plain links, so the browser downloads with the session cookie. A disclosure, not an
 * ARIA menu: Tab reaches the links, Escape or a click elsewhere closes it.
 */
export function ExportMenu({ filters }: { filters: DashboardFilters }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        root.current?.querySelector("button")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const link =
    "flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-slate-800 hover:bg-slate-100";
  return (
    <div
      ref={root}
      className="relative"
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((value) => !value)}>
        Export
        <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3">
          <path d="M2 4h8L6 9z" fill="currentColor" />
        </svg>
      </Button>
      <div
        id={`${id}-panel`}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      >
        <p className="px-3 pt-1 pb-2 text-xs text-slate-600">Finalized documents matching the current filters.</p>
        <a href={exportDocumentsUrl(filters, "csv")} download className={link} onClick={() => setOpen(false)}>
          Download CSV
        </a>
        <a href={exportDocumentsUrl(filters, "json")} download className={link} onClick={() => setOpen(false)}>
          Download JSON
        </a>
      </div>
    </div>
  );
}
