"use client";

import { useEffect, useRef } from "react";
import { shortcutFor, type ShortcutAction } from "../shortcuts";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(target.type);
  }
  return false;
}

/**
 * Listens for the review shortcuts on the whole page. A handler returning false lets the key go
 * through (e.g. Ctrl+S when there is nothing to save on a read-only page). Keys pressed inside a
 * dialog belong to the dialog.
 */
export function useReviewShortcuts(handlers: Partial<Record<ShortcutAction, () => boolean | void>>): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      if (target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]')) return;
      const action = shortcutFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        typing: isTyping(target),
      });
      const handler = action ? ref.current[action] : undefined;
      if (!handler) return;
      if (handler() !== false) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
