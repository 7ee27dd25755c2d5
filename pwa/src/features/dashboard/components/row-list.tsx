"use client";

import { lazy, Suspense } from "react";
import type { RowWindowProps } from "./row-window";

/** Below this many loaded rows every row is rendered (find-in-page and tests see them all). */
export const VIRTUALIZE_AFTER = 150;

// TanStack Virtual loads the first time a list gets long: most lists never do, and it stays out
// of the dashboard's first-load JS.
let loaded = false;
const RowWindow = lazy(() =>
  import("./row-window").then((module) => {
    loaded = true;
    return module;
  }),
);

const noMeasure = () => undefined;

/** Every row of a short list; for a long one only the rows near the viewport (virtualised). */
export function RowList(props: RowWindowProps) {
  const { count, renderRow } = props;
  const everyRow = () => Array.from({ length: count }, (_, index) => renderRow(index, noMeasure));
  if (count <= VIRTUALIZE_AFTER) return <>{everyRow()}</>;
  return (
    // Until the virtualizer has loaded (once per page), every row.
    <Suspense fallback={loaded ? null : everyRow()}>
      <RowWindow {...props} />
    </Suspense>
  );
}
