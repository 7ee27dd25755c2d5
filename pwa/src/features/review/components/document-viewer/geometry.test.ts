import { describe, expect, it } from "vitest";
import { outputScale, paddedRect, previewIsSharpEnough } from "./geometry";

describe("paddedRect", () => {
  it("pads a text run 20% of its height above and below", () => {
    const rect = paddedRect([0.1, 0.5, 0.3, 0.52]);
    expect(rect).not.toBeNull();
    expect(rect!.top).toBeCloseTo(0.496);
    expect(rect!.height).toBeCloseTo(0.028);
    expect(rect!.left).toBeCloseTo(0.098);
    expect(rect!.width).toBeCloseTo(0.204);
  });

  it("clamps to the page, orders the corners, and refuses non-boxes", () => {
    expect(paddedRect([0.2, 0, 0.1, 0.05])).toMatchObject({ top: 0, left: expect.closeTo(0.095) });
    expect(paddedRect([0, 0, Number.NaN, 1])).toBeNull();
    expect(paddedRect([1.2, 1.2, 1.5, 1.5])).toBeNull();
  });
});

describe("outputScale", () => {
  it("follows the screen density up to 2", () => {
    expect(outputScale(800, 1000, 1)).toBe(1);
    expect(outputScale(800, 1000, 1.5)).toBe(1.5);
    expect(outputScale(800, 1000, 3)).toBe(2);
  });

  it("keeps a huge page under the pixel budget", () => {
    const scale = outputScale(4000, 5000, 2);
    expect(4000 * 5000 * scale * scale).toBeLessThanOrEqual(16_777_216 + 1);
  });
});

describe("previewIsSharpEnough", () => {
  it("stands in on a phone, not on a dense tablet or a wide desktop column", () => {
    // A 900 px preview: a 390 px phone viewer at density 1.75 needs 683 px.
    expect(previewIsSharpEnough(900, 390, 1.75)).toBe(true);
    // The same viewer at density 3 is drawn at 2 (780 px): more than 85% of 900.
    expect(previewIsSharpEnough(900, 390, 3)).toBe(false);
    expect(previewIsSharpEnough(900, 760, 1)).toBe(true);
    expect(previewIsSharpEnough(900, 800, 1)).toBe(false);
  });

  it("never stands in for an unknown width or an empty picture", () => {
    expect(previewIsSharpEnough(900, 0, 1)).toBe(false);
    expect(previewIsSharpEnough(0, 300, 1)).toBe(false);
    expect(previewIsSharpEnough(900, Number.NaN, 1)).toBe(false);
  });
});
