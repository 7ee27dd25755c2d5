/** Zoom arithmetic shared by the PDF, image and text views (scale 1 = actual size, 100%). */

export type Zoom = { mode: "fit" } | { mode: "custom"; scale: number };

/** The scale steps "Zoom in" / "Zoom out" move between, as in most document viewers. */
export const PAGE_ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
/** Plain text zooms its font size, over a narrower range. */
export const TEXT_ZOOM_STEPS = [0.75, 0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const;

/** PDF user space is in points (1/72 in); CSS pixels are 1/96 in. */
export const PDF_TO_CSS = 96 / 72;

/** Fit width may go below the first step (a 300 dpi scan on a phone is ~15% of its pixels). */
export const MIN_SCALE = 0.05;

const EPSILON = 1.01;

export function zoomIn(current: number, steps: readonly number[] = PAGE_ZOOM_STEPS): number {
  return steps.find((step) => step > current * EPSILON) ?? steps[steps.length - 1];
}

export function zoomOut(current: number, steps: readonly number[] = PAGE_ZOOM_STEPS): number {
  for (let i = steps.length - 1; i >= 0; i -= 1) if (steps[i] < current / EPSILON) return steps[i];
  return Math.min(current, steps[0]);
}

export function canZoomIn(current: number, steps: readonly number[] = PAGE_ZOOM_STEPS): boolean {
  return current * EPSILON < steps[steps.length - 1];
}

export function canZoomOut(current: number, steps: readonly number[] = PAGE_ZOOM_STEPS): boolean {
  return current / EPSILON > steps[0];
}

/** The scale at which content `contentWidth` CSS px wide (at 100%) fills `available` CSS px. */
export function fitWidthScale(available: number, contentWidth: number, steps: readonly number[] = PAGE_ZOOM_STEPS): number {
  if (!(available > 0) || !(contentWidth > 0)) return 1;
  return Math.min(steps[steps.length - 1], Math.max(MIN_SCALE, available / contentWidth));
}

/** The scale a zoom setting means for content of the given width in a container of the given width. */
export function resolveScale(zoom: Zoom, available: number | null, contentWidth: number | null): number | null {
  if (zoom.mode === "custom") return zoom.scale;
  if (available === null || contentWidth === null) return null;
  return fitWidthScale(available, contentWidth);
}

export function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
