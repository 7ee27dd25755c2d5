import type { KeyboardEvent } from "react";

const LINK =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** Space activates a button; an anchor acting as one must do the same. */
function pressOnSpace(event: KeyboardEvent<HTMLAnchorElement>) {
  if (event.key === " ") {
    event.preventDefault();
    event.currentTarget.click();
  }
}

/**
 * "Export JSON" / "Export CSV": downloads of the finalized record (the API names the file). They
 * are links (a plain download the browser handles) presented as buttons; before finalize they are
 * shown disabled, with the reason.
 */
export function ExportButtons({ documentId, finalized }: { documentId: string; finalized: boolean }) {
  const formats = [
    { format: "json", label: "Export JSON" },
    { format: "csv", label: "Export CSV" },
  ] as const;
  if (!finalized) {
    const reasonId = `export-reason-${documentId}`;
    return (
      <div className="flex flex-wrap items-center gap-2">
        {formats.map(({ format, label }) => (
          <button key={format} type="button" disabled aria-describedby={reasonId} className={`${LINK} cursor-not-allowed text-slate-500 hover:bg-white`}>
            {label}
          </button>
        ))}
        <span id={reasonId} className="text-xs text-slate-600">
          Exports open once the document is finalized.
        </span>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {formats.map(({ format, label }) => (
        <a
          key={format}
          role="button"
          href={`/api/documents/${encodeURIComponent(documentId)}/export/${format}`}
          download
          onKeyDown={pressOnSpace}
          className={LINK}
        >
          <span aria-hidden="true">⬇</span>
          {label}
        </a>
      ))}
    </div>
  );
}
