import { describe, expect, it } from "vitest";
import { nextAttention, shortcutFor, type KeyLike } from "./shortcuts";

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  typing: false,
  ...extra,
});

describe("shortcutFor", () => {
  it("maps single keys when not typing", () => {
    expect(shortcutFor(key("?", { shiftKey: true }))).toBe("help");
    expect(shortcutFor(key("j"))).toBe("nextField");
    expect(shortcutFor(key("k"))).toBe("previousField");
    expect(shortcutFor(key("]"))).toBe("nextDocument");
    expect(shortcutFor(key("["))).toBe("previousDocument");
  });
  it("leaves single keys to the input while typing", () => {
    for (const k of ["?", "j", "k", "]", "[", "s"]) expect(shortcutFor(key(k, { typing: true }))).toBeNull();
  });
  it("takes the modified keys everywhere", () => {
    expect(shortcutFor(key("s", { ctrlKey: true, typing: true }))).toBe("save");
    expect(shortcutFor(key("S", { metaKey: true, shiftKey: true }))).toBe("save");
    expect(shortcutFor(key("Enter", { ctrlKey: true, typing: true }))).toBe("finalize");
    expect(shortcutFor(key("ArrowDown", { altKey: true, typing: true }))).toBe("nextField");
    expect(shortcutFor(key("ArrowUp", { altKey: true }))).toBe("previousField");
    expect(shortcutFor(key("PageDown", { altKey: true, typing: true }))).toBe("nextDocument");
    expect(shortcutFor(key("PageUp", { altKey: true }))).toBe("previousDocument");
  });
  it("ignores browser and system combinations", () => {
    expect(shortcutFor(key("ArrowLeft", { altKey: true }))).toBeNull();
    expect(shortcutFor(key("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key("s", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(key("j", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key("Enter"))).toBeNull();
  });
});

describe("nextAttention", () => {
  it("moves forward and backward, wrapping around", () => {
    expect(nextAttention([1, 3, 5], null, 1)).toBe(1);
    expect(nextAttention([1, 3, 5], 1, 1)).toBe(3);
    expect(nextAttention([1, 3, 5], 5, 1)).toBe(1);
    expect(nextAttention([1, 3, 5], 2, -1)).toBe(1);
    expect(nextAttention([1, 3, 5], 1, -1)).toBe(5);
    expect(nextAttention([1, 3, 5], null, -1)).toBe(5);
  });
  it("has nowhere to go without candidates", () => {
    expect(nextAttention([], 2, 1)).toBeNull();
  });
});
