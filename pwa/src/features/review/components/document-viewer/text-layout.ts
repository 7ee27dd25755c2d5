/**
 * Plain-text documents laid out as the worker lays them out (worker parsing/_plain.py): decoded
 * the same way, pages split on form feeds, and each character on a grid of display columns (a
 * full-width character takes two) and lines. A source box is a rectangle on that grid, so it maps
 * back to a range of characters to mark.
 */
import type { Box } from "./geometry";

/** Decodes like the worker: UTF-16 by BOM, else UTF-8, else Windows-1252 when UTF-8 is mostly wrong. */
export function decodeText(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text: string;
  if (view[0] === 0xff && view[1] === 0xfe) text = new TextDecoder("utf-16le").decode(view);
  else if (view[0] === 0xfe && view[1] === 0xff) text = new TextDecoder("utf-16be").decode(view);
  else {
    text = new TextDecoder("utf-8").decode(view);
    let bad = 0;
    for (const ch of text) if (ch === "\ufffd") bad += 1;
    if (bad > 0 && bad > Math.floor(view.length / 100)) text = new TextDecoder("windows-1252").decode(view);
  }
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

export function splitPages(text: string): string[] {
  return text.split("\f");
}

// East Asian Wide (W) and Fullwidth (F) ranges, the ones that occur in invoices.
const WIDE =
  /[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

interface Cell {
  /** UTF-16 offset of the character in its line. */
  offset: number;
  /** Display columns where it starts and ends. */
  start: number;
  end: number;
}

function cells(line: string): Cell[] {
  const out: Cell[] = [];
  let offset = 0;
  let column = 0;
  for (const ch of line) {
    const width = isWide(ch) ? 2 : 1;
    out.push({ offset, start: column, end: column + width });
    offset += ch.length;
    column += width;
  }
  return out;
}

/**
 * The characters of `page` (one form-feed chunk) that `box` covers, as UTF-16 offsets
 * [start, end) into `page`; null when the box covers no character. A box over several lines gives
 * the run from its first line's left edge to its last line's right edge.
 */
export function boxToRange(page: string, box: Box): { start: number; end: number } | null {
  if (!box.every((value) => Number.isFinite(value))) return null;
  const lines = page.split("\n");
  const lineCells = lines.map(cells);
  const nLines = Math.max(lines.length, 1);
  const nCols = Math.max(1, ...lineCells.map((c) => (c.length ? c[c.length - 1].end : 0)));
  const firstRow = Math.max(0, Math.round(Math.min(box[1], box[3]) * nLines));
  const lastRow = Math.min(lines.length - 1, Math.round(Math.max(box[1], box[3]) * nLines) - 1);
  if (lastRow < firstRow) return null;
  const leftCol = Math.min(box[0], box[2]) * nCols;
  const rightCol = Math.max(box[0], box[2]) * nCols;

  const lineStart = (row: number) => lines.slice(0, row).reduce((sum, line) => sum + line.length + 1, 0);
  const first = lineCells[firstRow].find((cell) => cell.start >= leftCol - 0.5);
  const lastCells = lineCells[lastRow].filter((cell) => cell.end <= rightCol + 0.5);
  const last = lastCells[lastCells.length - 1];
  if (!first || !last) return null;
  const start = lineStart(firstRow) + first.offset;
  const lastLine = lines[lastRow];
  const lastChar = String.fromCodePoint(lastLine.codePointAt(last.offset) ?? 0);
  const end = lineStart(lastRow) + last.offset + lastChar.length;
  return end > start ? { start, end } : null;
}
