"use client";

import { Button } from "@/components/ui/button";

/** Loads the address the reviewer asked for again (the worker served this page in its place). */
export function RetryButton() {
  return (
    <Button variant="primary" onClick={() => window.location.reload()}>
      Try again
    </Button>
  );
}
