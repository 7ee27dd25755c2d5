/**
 * Dates and amounts in the reader's locale and time zone (Intl). Each formatter is made once and
 * reused: making an Intl formatter costs far more than using one, and a dashboard page formats
 * hundreds of values.
 *
 * `makeFormat(settings)` binds the formatters to a locale and time zone: the screens rendered on the
 * server use the ones the browser reported (format-context.tsx), so the HTML already reads as the
 * browser will. The plain `formatX` functions use the browser's own settings (screens drawn only in
 * the browser).
 */
/**
 * The cookie in which the browser tells the server its locale and time zone ("<locale>|<zone>"),
 * so that screens rendered on the server read as the browser renders them. Written by
 * format-context.tsx, read by src/lib/server/request-hints.ts.
 */
export const FORMAT_COOKIE = "docflow_intl";

export interface FormatSettings {
  /** A BCP 47 tag; undefined = the runtime's default. */
  locale?: string;
  /** An IANA zone; undefined = the runtime's default. */
  timeZone?: string;
}

/** The cookie's value for `settings` (before URI encoding). */
export function formatCookieValue({ locale, timeZone }: FormatSettings): string {
  return `${locale ?? ""}|${timeZone ?? ""}`;
}

/** The settings a cookie value holds (unchecked: the reader validates them); missing parts undefined. */
export function parseFormatCookie(value: string): FormatSettings {
  const [locale, timeZone] = value.split("|");
  return { locale: locale || undefined, timeZone: timeZone || undefined };
}

export interface Format {
  settings: FormatSettings;
  dateTime(iso: string | null | undefined): string;
  /** An ISO calendar date (YYYY-MM-DD) shown as a date, without a time-zone shift. */
  date(isoDate: string | null | undefined): string;
  amount(amount: string | null | undefined, currency: string | null | undefined): string;
  bytes(bytes: number): string;
  /** A share (0.93) as a percentage ("93%"). */
  percent(share: number, maximumFractionDigits?: number): string;
  /** A whole number with the locale's grouping. */
  number(value: number): string;
}

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat;
const formatters = new Map<string, Formatter | null>();

function cached<T extends Formatter>(key: string, make: () => T): T | null {
  if (!formatters.has(key)) {
    try {
      formatters.set(key, make());
    } catch {
      // Options this runtime refuses (an unknown currency code or zone): remembered as unusable.
      formatters.set(key, null);
    }
  }
  return formatters.get(key) as T | null;
}

const formats = new Map<string, Format>();

/** The formatters for one locale and time zone (made once per pair). */
export function makeFormat(settings: FormatSettings): Format {
  const { locale, timeZone } = settings;
  const id = `${locale ?? ""}|${timeZone ?? ""}`;
  const known = formats.get(id);
  if (known) return known;

  const key = (name: string) => `${id}|${name}`;
  const numberFormat = (name: string, options: Intl.NumberFormatOptions) =>
    cached(key(name), () => new Intl.NumberFormat(locale, options)) ?? cached(`|${name}`, () => new Intl.NumberFormat(undefined, options))!;
  const dateTimeFormat = () =>
    cached(key("date-time"), () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone })) ??
    cached("||date-time", () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }))!;
  const calendarDateFormat = () =>
    cached(key("calendar-date"), () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })) ??
    cached("||calendar-date", () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }))!;

  const format: Format = {
    settings,
    dateTime(iso) {
      if (!iso) return "";
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return dateTimeFormat().format(date);
    },
    date(isoDate) {
      if (!isoDate) return "";
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      return calendarDateFormat().format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
    },
    amount(amount, currency) {
      if (amount === null || amount === undefined || amount === "") return "";
      const value = Number(amount);
      if (!Number.isFinite(value)) return amount;
      if (currency && /^[A-Z]{3}$/.test(currency)) {
        const money = cached(key(`currency:${currency}`), () => new Intl.NumberFormat(locale, { style: "currency", currency }));
        // An unknown currency code falls through to a plain number.
        if (money) return money.format(value);
      }
      return numberFormat("amount", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value) + (currency ? ` ${currency}` : "");
    },
    bytes(bytes) {
      if (bytes < 1024) return `${bytes} B`;
      const units = ["KB", "MB", "GB"];
      let value = bytes / 1024;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return `${numberFormat("size", { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
    },
    percent(share, maximumFractionDigits = 0) {
      return numberFormat(`percent:${maximumFractionDigits}`, { style: "percent", maximumFractionDigits }).format(share);
    },
    number(value) {
      return numberFormat("integer", {}).format(value);
    },
  };
  formats.set(id, format);
  return format;
}

/** The browser's own locale and time zone. */
const browser = makeFormat({});

export const formatDateTime = browser.dateTime;
export const formatDate = browser.date;
export const formatAmount = browser.amount;
export const formatBytes = browser.bytes;
export const formatPercent = browser.percent;
