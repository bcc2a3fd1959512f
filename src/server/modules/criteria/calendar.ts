/**
 * The yearly calendar of the learning titles (dossier and decision dates, reports): defaults from
 * criteria/calendar.json, overridden per organisation for its subtree; the nearest organisation at
 * or above a unit that set a key wins. Pure: the service loads the overrides.
 */
import calendarFile from '../../../../criteria/calendar.json' with { type: 'json' };
import type { Bilingual } from '../../platform/errors.js';

export interface CalendarDefault {
  key: string;
  title?: string;
  step: string;
  month: number;
  day: number;
  yearOffset: number;
  label: Bilingual;
  source: string;
  /** 'confirmed': set by the regulation; 'local': local practice, to be set by each organisation. */
  status: 'confirmed' | 'local';
}

export const CALENDAR_DEFAULTS: readonly CalendarDefault[] = calendarFile.dates as CalendarDefault[];
export const CALENDAR_SOURCE: string = calendarFile.source;

/** An organisation's own date for a key (a calendar_date row with its organisation's depth). */
export interface CalendarOverride {
  orgId: string;
  orgName: string;
  /** Depth in the tree (root 0): the deepest wins. */
  depth: number;
  key: string;
  month: number;
  day: number;
  yearOffset: number;
  label: string;
  source: string | null;
}

export interface CalendarEntry extends Omit<CalendarDefault, 'source' | 'status'> {
  source: string | null;
  status: 'confirmed' | 'local';
  /** Who set it: null for the deployment's default. */
  setBy: { orgId: string; orgName: string } | null;
  default: { month: number; day: number; yearOffset: number } | null;
}

/** Effective dates: each default, or the nearest override of its key; keys only an organisation set come after. */
export function resolveCalendar(defaults: readonly CalendarDefault[], overrides: readonly CalendarOverride[]): CalendarEntry[] {
  const nearest = new Map<string, CalendarOverride>();
  for (const o of [...overrides].sort((a, b) => a.depth - b.depth)) nearest.set(o.key, o);
  const fromDefaults = defaults.map((d): CalendarEntry => {
    const o = nearest.get(d.key);
    const base = { month: d.month, day: d.day, yearOffset: d.yearOffset };
    if (!o) return { ...d, setBy: null, default: base };
    return {
      ...d,
      month: o.month,
      day: o.day,
      yearOffset: o.yearOffset,
      label: { vi: o.label, en: o.label === d.label.vi ? d.label.en : o.label },
      source: o.source ?? d.source,
      status: 'local',
      setBy: { orgId: o.orgId, orgName: o.orgName },
      default: base,
    };
  });
  const known = new Set(defaults.map((d) => d.key));
  const ownKeys = [...nearest.values()]
    .filter((o) => !known.has(o.key))
    .map((o): CalendarEntry => ({
      key: o.key,
      step: 'other',
      month: o.month,
      day: o.day,
      yearOffset: o.yearOffset,
      label: { vi: o.label, en: o.label },
      source: o.source,
      status: 'local',
      setBy: { orgId: o.orgId, orgName: o.orgName },
      default: null,
    }));
  return [...fromDefaults, ...ownKeys];
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar date of an entry for the year evaluated ("YYYY-MM-DD"); 29/02 falls back to 28/02. */
export function dateFor(entry: { month: number; day: number; yearOffset: number }, year: number): string {
  const y = year + entry.yearOffset;
  return `${y}-${pad(entry.month)}-${pad(Math.min(entry.day, daysIn(y, entry.month)))}`;
}
