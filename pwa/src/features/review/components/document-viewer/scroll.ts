/** Scroll helpers for the viewer's own scroll container (the window is left where it is). */

export function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Centres `target` inside the scroll container `container`, smoothly when it is close and the
 * reader has not asked for reduced motion. Only the container scrolls: on a phone the viewer sits above the fields, and
 * moving the window would take the focused field out of sight.
 */
export function centerInContainer(container: HTMLElement, target: HTMLElement, smooth = true): void {
  const outer = container.getBoundingClientRect();
  const inner = target.getBoundingClientRect();
  const top = container.scrollTop + (inner.top - outer.top - container.clientTop) - (container.clientHeight - inner.height) / 2;
  const left = container.scrollLeft + (inner.left - outer.left - container.clientLeft) - (container.clientWidth - inner.width) / 2;
  // A long way (another part of a long PDF) is a jump: smooth-scrolling past every page in
  // between is slow and makes each of them start drawing.
  const far = Math.abs(top - container.scrollTop) > 2 * container.clientHeight;
  container.scrollTo({
    top: Math.max(0, top),
    left: Math.max(0, left),
    behavior: smooth && !far && !prefersReducedMotion() ? "smooth" : "auto",
  });
}
