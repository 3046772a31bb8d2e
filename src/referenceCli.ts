import type { Db } from './db/client.ts';
import { removeCalendarDay, setCalendarDay, setMci, setThreshold } from './commands/reference.ts';
import type { CalendarRowKind } from './domain/calendar/holidays.ts';
import type { ClaimantType } from './domain/filingTypes.ts';
import type { ThresholdKey } from './domain/thresholds.ts';
import { ERRORS, SotError } from './errors.ts';
import { courtDateIso } from './i18n/format.ts';
import { translator } from './i18n/index.ts';
import { loadReference, referenceGapsAt } from './queries/reference.ts';
import { referenceOverview } from './queries/referenceAdmin.ts';

export const REFERENCE_USAGE = `  reference mci list
  reference mci set <year> <tenge> --basis "<act>"
  reference calendar list <year>
  reference calendar add <YYYY-MM-DD> holiday|day-off|working-day --basis "<act>" [--name "<name>"] [--religious]
  reference calendar remove <YYYY-MM-DD> --basis "<why>"
  reference threshold list
  reference threshold set cassation_min_claim individual|legal <mci> --from <YYYY-MM-DD> [--to <YYYY-MM-DD>] --basis "<act>"
  reference check  exit 3 if this year's (or, from 1 November, next year's) MCI or calendar is missing`;

const KIND_OF_WORD: Record<string, CalendarRowKind> = { holiday: 'holiday', 'day-off': 'day_off_transfer', 'working-day': 'working_day_transfer' };
const WORD_OF_KIND: Record<CalendarRowKind, string> = { holiday: 'holiday', day_off_transfer: 'day-off', working_day_transfer: 'working-day' };

export interface ReferenceOptions {
  basis?: string | undefined;
  name?: string | undefined;
  religious?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** An operator at the server's console keeps the values of the law as an administrator does on /admin/reference. */
export async function referenceCommand(db: Db, args: string[], options: ReferenceOptions, now: Date, print: (line: string) => void): Promise<number> {
  const [area, action, ...rest] = args;
  const t = translator('en');
  try {
    switch (`${area} ${action ?? ''}`.trim()) {
      case 'mci list': {
        const { mci } = await referenceOverview(db, now.getFullYear(), courtDateIso(now));
        for (const row of mci) print(`${row.year}\t${row.tenge}\t${row.basis}\t${row.entered.name ?? 'initial data or console'}, ${row.entered.at.toISOString()}`);
        return 0;
      }
      case 'mci set': {
        const [year, tenge] = rest;
        await setMci(db, null, { year: Number(year), tenge: Number(tenge), basis: options.basis ?? '' }, now);
        print(`MCI for ${year} set to ${tenge} tenge.`);
        return 0;
      }
      case 'calendar list': {
        const year = Number(rest[0]);
        const { calendar } = await loadReference(db);
        if (!calendar.hasYear(year)) {
          print(`No court calendar for ${rest[0] ?? '?'}: add its holidays first.`);
          return 1;
        }
        for (const row of calendar.year(year)) print(`${row.date}\t${WORD_OF_KIND[row.kind]}\t${row.name}\t${row.derived ? '(weekend holiday moved by the rule)' : (row.basis ?? '')}`);
        return 0;
      }
      case 'calendar add': {
        const [day, word] = rest;
        const kind = word ? KIND_OF_WORD[word] : undefined;
        if (!day || !kind) return usage(print);
        await setCalendarDay(db, null, { day, kind, name: options.name, religious: options.religious, basis: options.basis ?? '' }, now);
        print(`${day} entered as ${word}.`);
        return 0;
      }
      case 'calendar remove': {
        const [day] = rest;
        if (!day) return usage(print);
        await removeCalendarDay(db, null, day, options.basis ?? '', now);
        print(`${day} removed.`);
        return 0;
      }
      case 'threshold list': {
        const { thresholds } = await referenceOverview(db, now.getFullYear(), courtDateIso(now));
        for (const row of thresholds) print(`${row.key}\t${row.claimantType}\t${row.mci} MCI\t${row.from}..${row.to ?? ''}\t${row.basis}`);
        return 0;
      }
      case 'threshold set': {
        const [key, claimantType, mci] = rest;
        await setThreshold(db, null, { key: key as ThresholdKey, claimantType: claimantType as ClaimantType, mci: Number(mci), from: options.from ?? '', to: options.to, basis: options.basis ?? '' }, now);
        print(`Limit ${key} for ${claimantType} set to ${mci} MCI from ${options.from}.`);
        return 0;
      }
      case 'check': {
        const missing = await referenceGapsAt(db, now);
        for (const gap of missing) print(t(gap.kind === 'mci' ? 'reference.gap.mci' : 'reference.gap.calendar', { year: gap.year }));
        if (missing.length === 0) print('Every reference value needed now is entered.');
        return missing.length === 0 ? 0 : 3;
      }
    }
  } catch (error) {
    if (!(error instanceof SotError)) throw error;
    print(t(ERRORS[error.code].message, error.params));
    return 1;
  }
  return usage(print);
}

function usage(print: (line: string) => void): number {
  print(`Usage:\n${REFERENCE_USAGE}`);
  return 1;
}
