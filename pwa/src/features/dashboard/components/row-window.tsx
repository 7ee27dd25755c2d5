"use client";

import type { ReactNode, RefObject } from "react";
import { useRowWindow } from "../hooks/use-row-window";

export interface RowWindowProps {
  /** The element whose top is where the rows start (tbody or ul). */
  listRef: RefObject<HTMLElement | null>;
  count: number;
  estimateRowPx: number;
  /** One row; `measureRow` goes on its outermost element (with data-index). */
  renderRow: (index: number, measureRow: (node: Element | null) => void) => ReactNode;
  /** A stand-in of `height` px for the rows left out above or below. */
  renderSpacer: (height: number, position: "top" | "bottom") => ReactNode;
}

/** The rows near the viewport of a long list (loaded on demand: see row-list.tsx). */
export default function RowWindow({ listRef, count, estimateRowPx, renderRow, renderSpacer }: RowWindowProps) {
  const rows = useRowWindow(listRef, count, estimateRowPx);
  return (
    <>
      {rows.paddingTop > 0 ? renderSpacer(rows.paddingTop, "top") : null}
      {rows.indexes.map((index) => renderRow(index, rows.measureRow))}
      {rows.paddingBottom > 0 ? renderSpacer(rows.paddingBottom, "bottom") : null}
    </>
  );
}
