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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 && leap ? 29 : MONTH_DAYS[month]!;
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || zone === 'GMT' || zone === 'Z' || zone === 'UTC') return 0;
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
  return offset === undefined ? undefined : utcMs(year, month, day, h, mi, s, ms, offset);
}

/** fromParts with the zone already read as minutes east of UTC. */
function utcMs(
  year: number,
  month: number,
  day: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  // Reject dates that rolled over (31 February).
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month, day, h, mi, Math.min(s, 59), ms) - offset * 60_000;
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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` for years 0-9999, by arithmetic: the civil calendar from a day
 * count (H. Hinnant's algorithm) is a quarter of the platform's cost, and every feed item needs one.
 */
export function formatIsoDate(ms: number): string {
  let days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  days += 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}.${pad3(milli)}Z`;
}

/** Two ASCII digits at `at`, or -1. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The RFC 1123 form nearly every feed writes ("Thu, 16 May 2024 23:10:34 GMT", or "+0300"), read
 * by position; anything else goes to the general pattern.
 */
function parseCanonicalRfc822(s: string): number | undefined {
  if (s.length < 29 || s.length > 31 || s[3] !== ',' || s[4] !== ' ' || s[7] !== ' ' || s[11] !== ' ')
    return undefined;
  if (s[16] !== ' ' || s[19] !== ':' || s[22] !== ':' || s[25] !== ' ') return undefined;
  const month = MONTHS[s.slice(8, 11).toLowerCase()];
  const day = twoDigits(s, 5);
  const year = twoDigits(s, 12) * 100 + twoDigits(s, 14);
  const h = twoDigits(s, 17);
  const mi = twoDigits(s, 20);
  const sec = twoDigits(s, 23);
  if (month === undefined || day < 0 || year < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  // The zone: a name of UTC, or +hhmm / -hhmm (read as zoneOffsetMinutes reads it).
  let offset: number;
  if (s.length === 29) {
    if (!s.endsWith('GMT') && !s.endsWith('UTC')) return undefined;
    offset = 0;
  } else {
    const zone = s.slice(26);
    const sign = zone.charCodeAt(0);
    const hours = twoDigits(zone, 1);
    const minutes = twoDigits(zone, 3);
    if (zone.length === 5 && (sign === 43 || sign === 45) && hours >= 0 && minutes >= 0)
      offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
    else if (zone === 'UT' || zone === 'Z') offset = 0;
    else return undefined;
  }
  return utcMs(year, month, day, h, mi, sec, 0, offset);
}

/** No whitespace in the weekday or the year's last two digits (where parseCanonicalRfc822 does not look for it). */
const CANONICAL_SHAPE = /^\S{3}.{11}\S\S/;

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
  // The form nearly every feed writes, read as it is when the clean-up below would not change it:
  // the reader checks a single space at each of its gaps, and every other character but the
  // weekday's and the year's last two is one no whitespace can stand in for.
  const canonical =
    value.length >= 29 && value.length <= 31 && CANONICAL_SHAPE.test(value)
      ? parseCanonicalRfc822(value)
      : undefined;
  if (canonical !== undefined) return checkedIsoDate(canonical, now);
  const s = /^\s|\s$|\s\s|[^\S ]/.test(value) ? value.trim().replace(/\s+/g, ' ') : value;
  if (!s) return undefined;
  // ISO dates start with the year; RFC 822 dates with a weekday or the day.
  const isoFirst = /^\d{4}/.test(s);
  let ms = isoFirst
    ? (parseIsoDate(s) ?? parseRfc822Date(s))
    : (parseCanonicalRfc822(s) ?? parseRfc822Date(s) ?? parseIsoDate(s));
  // A date of a known shape with impossible parts (31 February) stays invalid; other words the
  // platform may know.
  if (ms === undefined && /[a-z]/i.test(s) && !RFC822_SHAPE.test(s)) {
    // Anything else with words in it: let the platform try, reading a trailing unknown zone as UTC.
    const platform = Date.parse(/(\d:\d\d(:\d\d)?)$/.test(s) ? `${s} GMT` : s);
    if (!Number.isNaN(platform)) ms = platform;
  }
  return ms === undefined ? undefined : checkedIsoDate(ms, now);
}

/** The date as an ISO string, or undefined when it is out of range (before 1990, after 2200, or ahead of now). */
function checkedIsoDate(ms: number, now: Date | undefined): string | undefined {
  // 1990-01-01 and 2201-01-01: earlier and later dates are mistakes.
  if (Number.isNaN(ms) || ms < 631_152_000_000 || ms >= 7_289_654_400_000) return undefined;
  if (now && ms > now.getTime() + FUTURE_TOLERANCE_MS) return undefined;
  return formatIsoDate(ms);
}

const MONTH_NAME =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
/** "February 17, 2023", "Feb. 17", "17 February 2023": a calendar day written in an English sentence. */
const CALENDAR_DAY = new RegExp(
  `\\b${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b|\\b(\\d{1,2}) ${MONTH_NAME}(?: (\\d{4}))?\\b`,
  'g',
);

/**
 * Whether a sentence dates what it says to a calendar day more than `days` days before `ref`
 * ("South Africa embarked on February 17, 2023 on a 10-day joint military exercise" in a report of
 * 6 April): it tells of an earlier event, not of the day's. A day written without its year is
 * the one of that name nearest to `ref` ("May 16" in a preview of 10 May is six days ahead;
 * "December 28" in a report of 5 January is eight days before).
 */
export function datesEarlierEvent(sentence: string, ref: Date, days: number): boolean {
  const limit = ref.getTime() - days * 86_400_000;
  for (const m of sentence.matchAll(CALENDAR_DAY)) {
    const monthName = m[1] ?? m[5]!;
    const day = Number(m[2] ?? m[4]);
    const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
    if (month === undefined || day < 1 || day > 31) continue;
    const written = m[3] ?? m[6];
    const years = written ? [Number(written)] : [-1, 0, 1].map((d) => ref.getUTCFullYear() + d);
    const [at] = years
      .map((y) => Date.UTC(y, month, day))
      .sort((a, b) => Math.abs(a - ref.getTime()) - Math.abs(b - ref.getTime()));
    if (at! < limit) return true;
  }
  return false;
}
