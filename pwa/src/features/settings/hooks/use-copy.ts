"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type CopyState = "idle" | "copied" | "manual";

/**
 * Copy text with the Clipboard API; where that is refused (an insecure origin, a denied
 * permission) select the text in `fallback` so the person can press Ctrl+C / ⌘C themselves.
 */
export function useCopy(fallback: React.RefObject<HTMLInputElement | HTMLTextAreaElement | null>) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (text: string) => {
      clearTimeout(timer.current);
      try {
        if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
        await navigator.clipboard.writeText(text);
        setState("copied");
        timer.current = setTimeout(() => setState("idle"), 4000);
      } catch {
        const input = fallback.current;
        if (input) {
          input.focus();
          input.select();
        }
        setState("manual");
      }
    },
    [fallback],
  );

  return { state, copy };
}
