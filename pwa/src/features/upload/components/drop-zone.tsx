"use client";

import { useEffect, useId, useState, type ChangeEvent, type DragEvent } from "react";

/** What the API accepts (checked again, by magic bytes, on the server). */
export const ACCEPTED_TYPES =
  "application/pdf,image/png,image/jpeg,image/tiff,text/plain,application/xml,text/xml,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.xml";

const PICKER_LABEL =
  "inline-flex min-h-11 cursor-pointer items-center justify-center rounded-md px-4 text-sm font-medium " +
  "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600";

/**
 * Drop files here, or pick them: the file input "Choose files" (what keyboard users use) and, on
 * touch screens, "Take a photo" — a separate input, since `capture` on the multi-file input would
 * stop it picking files.
 */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const chooseId = useId();
  const cameraId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  // A file dropped beside the zone would make the browser open it and leave the app.
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same file again is noticed.
    event.target.value = "";
    if (files.length > 0) onFiles(files);
  }

  function over(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function leave(event: DragEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
      className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors sm:py-10 ${
        dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
      }`}
    >
      <p className="text-base font-medium text-slate-800">
        {dragging ? "Drop to add these files" : "Drag files here, or"}
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <span className="relative inline-flex">
          <input
            id={chooseId}
            type="file"
            multiple
            accept={ACCEPTED_TYPES}
            aria-describedby={hintId}
            onChange={picked}
            className="peer sr-only"
          />
          <label htmlFor={chooseId} className={`${PICKER_LABEL} bg-brand-600 text-white hover:bg-brand-700`}>
            Choose files
          </label>
        </span>
        <span className="relative hidden pointer-coarse:inline-flex">
          <input
            id={cameraId}
            type="file"
            accept="image/*"
            capture="environment"
            onChange={picked}
            className="peer sr-only"
          />
          <label
            htmlFor={cameraId}
            className={`${PICKER_LABEL} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
          >
            Take a photo
          </label>
        </span>
      </div>
      <p id={hintId} className="max-w-prose text-sm text-slate-600">
        PDF, PNG, JPEG, TIFF or plain text. Each file is sent on its own and checked by the server.
      </p>
    </div>
  );
}
