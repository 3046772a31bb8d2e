/**
 * A day typed into the GOV.UK date input's three boxes, as an ISO date, or null when there is no
 * such day. People also type the whole date into the first box as they write it ("06.12.2026"),
 * so that is read too.
 */
export function isoDay(day: string | undefined, month: string | undefined, year: string | undefined): string | null {
  const digits = (value: string | undefined) => (value ?? '').replace(/\s+/g, '');
  let [d, m, y] = [digits(day), digits(month), digits(year)];
  const whole = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(d);
  if (whole && m === '' && y === '') [, d, m, y] = whole as unknown as [string, string, string, string];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}
