"use client";

import { useEffect, useState, type ComponentType, type ReactNode } from "react";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Wider content such as the conflict view. */
  wide?: boolean;
}

// Radix's dialog (focus trap, scroll lock, portal; dialog-view.tsx) is code no screen needs to
// show itself: it is fetched as soon as a screen with a dialog is up, not with its first scripts.
let view: ComponentType<DialogProps> | null = null;
let loading: Promise<ComponentType<DialogProps> | null> | null = null;

function loadView(): Promise<ComponentType<DialogProps> | null> {
  loading ??= import("./dialog-view").then(
    (module) => (view = module.default),
    () => {
      loading = null; // offline before it arrived: the next dialog to open asks again
      return null;
    },
  );
  return loading;
}

/**
 * An accessible modal dialog (Radix): focus trapped, Escape closes, title announced, focus back
 * where it was on close. Nothing is rendered until it first opens.
 */
export function Dialog(props: DialogProps) {
  const [View, setView] = useState<ComponentType<DialogProps> | null>(() => view);
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);

  useEffect(() => {
    if (View) return;
    let cancelled = false;
    // Fetched now rather than on the first click, so a dialog opens at once — offline too; asked
    // again when it opens, should the first fetch have failed.
    void loadView().then((loaded) => {
      if (!cancelled && loaded) setView(() => loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [View, opened]);

  return opened && View ? <View {...props} /> : null;
}
