"use client";

import { useId, useState, type ReactNode } from "react";
import { Icon } from "./icons";
import { percent } from "./zoom";

const ICON_BUTTON =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent";

export interface ZoomControls {
  /** The scale in effect (1 = 100%), null while it is not known yet. */
  scale: number | null;
  fitWidth: boolean | null;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: (() => void) | null;
  canZoomIn: boolean;
  canZoomOut: boolean;
}

export interface PageControls {
  current: number;
  count: number | null;
  onGo: (page: number) => void;
}

export function ViewerToolbar({
  zoom,
  pages,
  downloadHref,
  disabled = false,
}: {
  zoom: ZoomControls | null;
  pages: PageControls | null;
  /** The original file, offered for download (null when there is none to offer). */
  downloadHref: string | null;
  disabled?: boolean;
}) {
  if (!zoom && !pages && !downloadHref) return null;
  return (
    <div className="flex min-h-[3.25rem] shrink-0 flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 bg-white px-2 py-1">
      {zoom && (
        <div role="group" aria-label="Zoom" className="flex items-center">
          <ToolButton label="Zoom out" disabled={disabled || !zoom.canZoomOut} onClick={zoom.onZoomOut}>
            <Icon name="minus" />
          </ToolButton>
          <output className="min-w-14 text-center text-sm tabular-nums text-slate-800" aria-live="polite">
            <span className="sr-only">Zoom </span>
            {zoom.scale !== null ? percent(zoom.scale) : zoom.fitWidth ? "Fit" : "…"}
          </output>
          <ToolButton label="Zoom in" disabled={disabled || !zoom.canZoomIn} onClick={zoom.onZoomIn}>
            <Icon name="plus" />
          </ToolButton>
          {zoom.onFitWidth && (
            <button
              type="button"
              className={`${ICON_BUTTON} px-2 text-sm font-medium aria-pressed:bg-brand-50 aria-pressed:text-brand-800`}
              aria-pressed={zoom.fitWidth ?? false}
              disabled={disabled}
              onClick={zoom.onFitWidth}
            >
              <Icon name="fit" />
              <span className="max-sm:sr-only">Fit width</span>
            </button>
          )}
        </div>
      )}
      {pages && <PageNavigation pages={pages} disabled={disabled} />}
      {downloadHref && (
        <a href={downloadHref} download className={`${ICON_BUTTON} ml-auto`}>
          <Icon name="download" />
          <span className="sr-only">Download original</span>
        </a>
      )}
    </div>
  );
}

function ToolButton({ label, children, ...props }: { label: string; children: ReactNode; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className={ICON_BUTTON} {...props}>
      {children}
      <span className="sr-only">{label}</span>
    </button>
  );
}

function PageNavigation({ pages, disabled }: { pages: PageControls; disabled: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { current, count, onGo } = pages;

  function commit() {
    if (draft === null) return;
    const wanted = Number.parseInt(draft, 10);
    setDraft(null);
    if (Number.isFinite(wanted) && count) onGo(Math.min(count, Math.max(1, wanted)));
  }

  return (
    <div role="group" aria-label="Pages" className="flex items-center gap-1">
      <ToolButton label="Previous page" disabled={disabled || current <= 1} onClick={() => onGo(current - 1)}>
        <Icon name="up" />
      </ToolButton>
      <label htmlFor={id} className="text-sm text-slate-700">
        Page
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        disabled={disabled}
        aria-describedby={`${id}-count`}
        value={draft ?? String(current)}
        onChange={(event) => setDraft(event.target.value.replace(/\D/g, ""))}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(null);
        }}
        className="h-11 w-12 rounded-md border border-slate-300 bg-white text-center text-sm tabular-nums disabled:bg-slate-100"
      />
      <span id={`${id}-count`} className="text-sm text-slate-700">
        of {count ?? "…"}
      </span>
      <ToolButton label="Next page" disabled={disabled || count === null || current >= count} onClick={() => onGo(current + 1)}>
        <Icon name="down" />
      </ToolButton>
    </div>
  );
}
