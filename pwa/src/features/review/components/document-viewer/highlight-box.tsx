import { forwardRef } from "react";
import { paddedRect, type Box } from "./geometry";

/**
 * A translucent outlined box over a field's source on the page. Decorative (the field itself
 * says what it is), so hidden from assistive technology; `data-highlight` lets the viewer find it
 * to scroll it into view.
 */
export const HighlightBox = forwardRef<HTMLDivElement, { box: Box }>(function HighlightBox({ box }, ref) {
  const rect = paddedRect(box);
  if (!rect) return null;
  return (
    <div
      ref={ref}
      aria-hidden="true"
      data-highlight=""
      className="pointer-events-none absolute z-10 rounded-sm border-2 border-amber-600 bg-amber-300/30 shadow-[0_0_0_2px_rgba(255,255,255,0.9)] motion-safe:animate-[pulse_1.2s_ease-in-out_1]"
      style={{
        left: `${rect.left * 100}%`,
        top: `${rect.top * 100}%`,
        width: `${rect.width * 100}%`,
        height: `${rect.height * 100}%`,
      }}
    />
  );
});
