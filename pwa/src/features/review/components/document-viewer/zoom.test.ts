import { describe, expect, it } from "vitest";
import { canZoomIn, canZoomOut, fitWidthScale, percent, resolveScale, TEXT_ZOOM_STEPS, zoomIn, zoomOut } from "./zoom";

describe("zoom steps", () => {
  it("moves to the next step from any scale, fit-width ones included", () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.17)).toBe(1.25);
    expect(zoomOut(1.17)).toBe(1.1);
    expect(zoomIn(1.099)).toBe(1.25); // 1.1 is within a hair: no invisible step
  });

  it("stops at the ends", () => {
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
    expect(canZoomIn(4)).toBe(false);
    expect(canZoomOut(0.25)).toBe(false);
    expect(canZoomOut(1, TEXT_ZOOM_STEPS)).toBe(true);
    expect(canZoomOut(0.75, TEXT_ZOOM_STEPS)).toBe(false);
    expect(canZoomIn(3.9)).toBe(true);
    expect(zoomIn(2, TEXT_ZOOM_STEPS)).toBe(2);
  });

  it("does not zoom out of a fit below the first step, and zooms in onto the steps", () => {
    expect(canZoomOut(0.141)).toBe(false);
    expect(zoomOut(0.141)).toBe(0.141);
    expect(zoomIn(0.141)).toBe(0.25);
  });

  it("fits the width within the limits", () => {
    expect(fitWidthScale(816, 816)).toBe(1);
    expect(fitWidthScale(408, 816)).toBe(0.5);
    expect(fitWidthScale(350, 2480)).toBeCloseTo(0.141); // a 300 dpi scan on a phone
    expect(fitWidthScale(10, 816)).toBe(0.05);
    expect(fitWidthScale(0, 816)).toBe(1);
    expect(resolveScale({ mode: "fit" }, null, 816)).toBeNull();
    expect(resolveScale({ mode: "custom", scale: 2 }, null, null)).toBe(2);
    expect(percent(0.6666)).toBe("67%");
  });
});
