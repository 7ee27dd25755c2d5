/**
 * Dates and amounts in the browser's locale (Intl). Each formatter is made once and reused: making
 * an Intl formatter costs far more than using one, and a dashboard page formats hundreds of values.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | null>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T | null {
  if (!formatters.has(key)) {
    try {
      formatters.set(key, make());
    } catch {
      // Options this browser refuses (an unknown currency code): remembered as unusable.
      formatters.set(key, null);
    }
  }
  return formatters.get(key) as T | null;
}

const dateTimeFormat = () => cached("date-time", () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }))!;
const calendarDateFormat = () => cached("calendar-date", () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }))!;
const plainAmountFormat = () => cached("amount", () => new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))!;
const sizeFormat = () => cached("size", () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }))!;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat().format(date);
}

/** An ISO calendar date (YYYY-MM-DD) shown as a date, without a time-zone shift. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return calendarDateFormat().format(date);
}

export function formatAmount(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    const money = cached(`currency:${currency}`, () => new Intl.NumberFormat(undefined, { style: "currency", currency }));
    // An unknown currency code falls through to a plain number.
    if (money) return money.format(value);
  }
  return plainAmountFormat().format(value) + (currency ? ` ${currency}` : "");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${sizeFormat().format(value)} ${units[unit]}`;
}

/** A share (0.93) as a percentage in the browser's locale ("93%"). */
export function formatPercent(share: number, maximumFractionDigits = 0): string {
  return cached(`percent:${maximumFractionDigits}`, () => new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits }))!.format(share);
}
