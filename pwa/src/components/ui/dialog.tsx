"use client";

import dynamic from "next/dynamic";
import { useEffect, useState, type ReactNode } from "react";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Wider content such as the conflict view. */
  wide?: boolean;
}

// Radix's dialog (focus trap, scroll lock, portal) is code no screen needs before a dialog opens:
// it loads once the screen is up and idle, not with the screen's first scripts.
const loadDialogView = () => import("./dialog-view");
const DialogView = dynamic(loadDialogView, { ssr: false });

let preloading = false;

/**
 * An accessible modal dialog (Radix, dialog-view.tsx): focus trapped, Escape closes, title
 * announced, focus back where it was on close. Nothing is rendered until it first opens; its code
 * is fetched while the browser is idle, so it opens at once — offline too.
 */
export function Dialog(props: DialogProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);

  useEffect(() => {
    if (preloading) return;
    preloading = true;
    const load = () => void loadDialogView().catch(() => (preloading = false));
    if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 1000);
  }, []);

  return opened ? <DialogView {...props} /> : null;
}
