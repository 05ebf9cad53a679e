/**
 * Dates as feeds and pages write them: RFC 822 and its corruptions, ISO 8601 / W3C-DTF, named
 * zones. Everything becomes an ISO string in UTC, or undefined when it cannot be read.
 */

/** Dates further ahead than this of `now` are publishing mistakes, not news from the future. */
const FUTURE_TOLERANCE_MS = 86_400_000;

const ZONES: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  MSK: '+0300',
  MSD: '+0400',
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  WET: '+0000',
  WEST: '+0100',
  EET: '+0200',
  EEST: '+0300',
  BST: '+0100',
  IST: '+0530',
  PKT: '+0500',
  ICT: '+0700',
  WIB: '+0700',
  HKT: '+0800',
  SGT: '+0800',
  AWST: '+0800',
  PHT: '+0800',
  JST: '+0900',
  KST: '+0900',
  ACST: '+0930',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
};
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const named = ZONES[zone.toUpperCase()];
  const numeric = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(named ?? zone);
  // An unknown zone name is read as UTC: hours off at worst, better than no date.
  if (!numeric) return /^[a-z]+$/i.test(zone) ? 0 : undefined;
  const sign = numeric[1] === '-' ? -1 : 1;
  return sign * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
}

function fromParts(
  year: number,
  month: number,
  day: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string | undefined,
): number | undefined {
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(year, month, day, h, mi, Math.min(s, 59), ms);
  // Reject dates that rolled over (31 February).
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  return utc - offset * 60_000;
}

/** ISO 8601 / W3C-DTF (dc:date, Atom), with or without a zone; no zone means UTC. */
function parseIsoDate(s: string): number | undefined {
  const m =
    /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?)?)?)?$/i.exec(
      s,
    );
  if (!m) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return fromParts(
    Number(m[1]),
    Number(m[2] ?? 1) - 1,
    Number(m[3] ?? 1),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
    m[8],
  );
}

const RFC822_SHAPE = /\d{1,2}[\s-]+[a-z]{3}[a-z]*\.?[\s-]+\d{2,4},?\s+\d{1,2}:\d{2}/i;

/** RFC 822/1123 and its common corruptions: named zones, missing weekday or seconds, 2-digit years. */
function parseRfc822Date(s: string): number | undefined {
  const m =
    /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([a-z]{1,5}|[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\(.*\))?$/i.exec(
      s,
    );
  if (!m) return undefined;
  const month = MONTHS[m[2]!.toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  return fromParts(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, m[7]);
}

/**
 * A feed date as ISO-8601 UTC: RFC 822 with numeric or named zones (EST, MSK, GMT...), ISO 8601,
 * dc:date; a date with no zone is read as UTC. Unparseable dates, dates before 1990 and dates more
 * than a day after `now` come back undefined: a missing date is honest, a wrong one misleads.
 */
export function parseDate(value: string | undefined, now?: Date): string | undefined {
  if (!value) return undefined;
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  let ms = parseIsoDate(s) ?? parseRfc822Date(s);
  // A date of a known shape with impossible parts (31 February) stays invalid; other words the
  // platform may know.
  if (ms === undefined && /[a-z]/i.test(s) && !RFC822_SHAPE.test(s)) {
    // Anything else with words in it: let the platform try, reading a trailing unknown zone as UTC.
    const platform = Date.parse(/(\d:\d\d(:\d\d)?)$/.test(s) ? `${s} GMT` : s);
    if (!Number.isNaN(platform)) ms = platform;
  }
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2200) return undefined;
  if (now && ms > now.getTime() + FUTURE_TOLERANCE_MS) return undefined;
  return new Date(ms).toISOString();
}
