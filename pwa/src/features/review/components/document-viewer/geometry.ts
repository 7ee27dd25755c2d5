/** Where a highlight sits on a page, and how sharp a canvas may be. */

export type Box = [number, number, number, number];

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * A source box (x0, y0, x1, y1; 0..1 of the page, top-left origin) as fractions of the page,
 * padded so the outline clears the glyphs: a text run's box spans baseline to ascent, so it is
 * padded ~20% of its height above and below, and a little on each side. Null for a box that is
 * not a box (non-finite or empty after clamping).
 */
export function paddedRect(box: Box, pad = 0.2): Rect | null {
  if (box.length !== 4 || !box.every((value) => Number.isFinite(value))) return null;
  const [x0, x1] = box[0] <= box[2] ? [box[0], box[2]] : [box[2], box[0]];
  const [y0, y1] = box[1] <= box[3] ? [box[1], box[3]] : [box[3], box[1]];
  const py = (y1 - y0) * pad;
  const px = py / 2;
  const left = clamp01(x0 - px);
  const top = clamp01(y0 - py);
  const right = clamp01(x1 + px);
  const bottom = clamp01(y1 + py);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/** Canvas pixels per CSS pixel: the screen's density, at most 2, and never beyond `maxPixels`. */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = 16_777_216): number {
  const wanted = Math.min(2, Math.max(1, devicePixelRatio || 1));
  const area = cssWidth * cssHeight;
  if (!(area > 0)) return wanted;
  return Math.min(wanted, Math.sqrt(maxPixels / area));
}

/** How far below its own width the server's preview of page 1 is shown at most and still counts as sharp. */
export const PREVIEW_HEADROOM = 0.85;

/**
 * Whether the server's picture of page 1 (`previewWidth` px) is sharp enough to stand in for a page
 * drawn by PDF.js across `cssWidth` CSS px on this screen: the screen needs no more pixels (its
 * density, at most 2, as a canvas would be drawn) than the picture holds, with a little to spare.
 */
export function previewIsSharpEnough(previewWidth: number, cssWidth: number, devicePixelRatio: number): boolean {
  if (!(previewWidth > 0) || !(cssWidth > 0)) return false;
  const density = Math.min(2, Math.max(1, devicePixelRatio || 1));
  return cssWidth * density <= previewWidth * PREVIEW_HEADROOM;
}
