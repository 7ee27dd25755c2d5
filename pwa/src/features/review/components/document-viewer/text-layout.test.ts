import { describe, expect, it } from "vitest";
import type { Box } from "./geometry";
import { boxToRange, decodeText, splitPages } from "./text-layout";

/** The worker's box for characters [start, end) of line `row` (worker parsing/_plain.py). */
function boxFor(page: string, row: number, start: number, end: number): Box {
  const lines = page.split("\n");
  const width = (s: string) => [...s].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const nCols = Math.max(...lines.map(width));
  const line = lines[row];
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return [r(width(line.slice(0, start)) / nCols), r(row / lines.length), r(width(line.slice(0, end)) / nCols), r((row + 1) / lines.length)];
}

describe("boxToRange", () => {
  it("finds a word from its grid box", () => {
    const page = "INVOICE\nInvoice no: INV-2041\nTotal: 1,250.00 EUR";
    const range = boxToRange(page, boxFor(page, 1, 12, 20));
    expect(range && page.slice(range.start, range.end)).toBe("INV-2041");
    const total = boxToRange(page, boxFor(page, 2, 7, 15));
    expect(total && page.slice(total.start, total.end)).toBe("1,250.00");
  });

  it("counts full-width characters as two columns", () => {
    const page = "請求書\n合計金額：１２，０００円\nVendor 株式会社サンプル";
    const range = boxToRange(page, boxFor(page, 1, 5, 11));
    expect(range && page.slice(range.start, range.end)).toBe("１２，０００");
    const vendor = boxToRange(page, boxFor(page, 2, 7, 15));
    expect(vendor && page.slice(vendor.start, vendor.end)).toBe("株式会社サンプル");
  });

  it("ignores a box outside the text", () => {
    expect(boxToRange("one line", [0, 2, 0.5, 3])).toBeNull();
  });
});

describe("decodeText", () => {
  it("decodes UTF-8, drops the BOM and normalises line ends and accents", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Cafe\u0301\r\nx\ry")]);
    expect(decodeText(bytes.buffer)).toBe("Café\nx\ny");
  });

  it("reads UTF-16 by its BOM and legacy Windows-1252", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    expect(decodeText(utf16.buffer)).toBe("Aé");
    // (0xe9 rather than 0x80 = €: Node 20 decodes "windows-1252" as Latin-1, browsers do not.)
    const legacy = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x35]);
    expect(decodeText(legacy.buffer)).toBe("Café 5");
  });

  it("splits pages on form feeds", () => {
    expect(splitPages("a\fb")).toEqual(["a", "b"]);
  });
});
