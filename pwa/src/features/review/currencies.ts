/**
 * The ISO 4217 codes the API accepts for `currency`, by the decimals an amount in that currency may
 * carry (its minor units). Copied from the API's rule (api/docflow/review/rules.py:
 * `active_currencies()` and `minor_units()`, CLDR data via Babel — currencies in use in some
 * territory today); regenerate from there if the API starts refusing a code the form allows.
 */
const BY_MINOR_UNITS: Record<number, string> = {
  0:
    "AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP " +
    "MGA MMK PYG RWF SOS SYP UGX UYI VND VUV XAF XOF XPF YER",
  2:
    "AED AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP " +
    "BYN BZD CAD CDF CHE CHF CHW CNH CNY COU CRC CUP CVE CZK DKK DOP DZD EGP " +
    "ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG ILS INR JMD " +
    "KES KGS KHR KYD KZT LKR LRD LSL MAD MDL MKD MNT MOP MRU MUR MVR MWK MXN " +
    "MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD " +
    "RUB SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SZL THB TJS TMT TOP TRY " +
    "TTD TWD TZS UAH USD USN UYU UZS VED VES WST XAD XAG XAU XBA XBB XBC XBD " +
    "XCD XCG XDR XPD XPT XSU XTS XUA XXX ZAR ZMW ZWG",
  3: "BHD JOD KWD LYD OMR TND",
  4: "CLF UYW",
};

const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_MINOR_UNITS).flatMap(([units, codes]) => codes.split(" ").map((code) => [code, Number(units)] as const)),
);

/** True for a currency code the API accepts. */
export function isActiveCurrency(code: string | null | undefined): code is string {
  return typeof code === "string" && MINOR_UNITS.has(code);
}

/** Decimals an amount may carry: the currency's minor units, 2 when the currency is unknown. */
export function minorUnits(currency: string | null | undefined): number {
  return currency ? (MINOR_UNITS.get(currency) ?? 2) : 2;
}
