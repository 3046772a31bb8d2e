/**
 * A day typed into the GOV.UK date input's three boxes, as an ISO date, or null when there is no
 * such day. People also type the whole date into the first box as they write it ("06.12.2026",
 * "6.12.2026") or as a computer writes it ("2026-12-06"), so those are read too.
 */
export function isoDay(day: string | undefined, month: string | undefined, year: string | undefined): string | null {
  const digits = (value: string | undefined) => (value ?? '').replace(/\s+/g, '');
  let [d, m, y] = [digits(day), digits(month), digits(year)];
  const whole = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(d);
  if (whole && m === '' && y === '') [, d, m, y] = whole as unknown as [string, string, string, string];
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(d);
  if (iso && m === '' && y === '') [, y, m, d] = iso as unknown as [string, string, string, string];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const found = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${found}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === found ? found : null;
}

/** A day as people in Kazakhstan type it (06.12.2026), for hints and examples. */
export function typedDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}
