import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import {
  csvField,
  electronicShare,
  median,
  monthsOf,
  OPEN_DATA_COLUMNS,
  openDataRows,
  parseStatisticsQuery,
  periodTotals,
  statisticsCsv,
  valueScale,
  yOf,
  type MonthlyFigures,
} from '../../src/domain/courtStatistics.ts';
import { BarChart, LineChart } from '../../src/views/components/statisticsCharts.tsx';

const figures = (month: string, over: Partial<MonthlyFigures> = {}): MonthlyFigures => ({
  month: month as MonthlyFigures['month'],
  received: 0,
  receivedElectronic: 0,
  receivedPaper: 0,
  decided: 0,
  medianDaysToDecision: null,
  appeals: { upheld: 0, changed: 0, reversed: 0, sent_back: 0 },
  ...over,
});

describe('the period of court statistics', () => {
  it('covers the twelve months up to the current one when nothing is asked', () => {
    expect(parseStatisticsQuery({}, '2026-03')).toEqual({ court: null, from: '2025-04', to: '2026-03' });
  });

  it('stops at the current month: later figures are not counted yet', () => {
    expect(parseStatisticsQuery({ from: '2026-01', to: '2027-05' }, '2026-03')).toEqual({ court: null, from: '2026-01', to: '2026-03' });
  });

  it('takes 24 months and refuses 25', () => {
    expect(parseStatisticsQuery({ from: '2024-04', to: '2026-03' }, '2026-03')).toMatchObject({ from: '2024-04' });
    expect(parseStatisticsQuery({ from: '2024-03', to: '2026-03' }, '2026-03')).toEqual({ refused: 'statistics_period_too_long' });
  });

  it('refuses a month that is not a month, a reversed period and a court code of the wrong shape', () => {
    expect(parseStatisticsQuery({ from: '2026-13' }, '2026-03')).toEqual({ refused: 'statistics_invalid_month' });
    expect(parseStatisticsQuery({ to: 'March' }, '2026-03')).toEqual({ refused: 'statistics_invalid_month' });
    expect(parseStatisticsQuery({ from: '2026-03', to: '2026-01' }, '2026-03')).toEqual({ refused: 'statistics_period_reversed' });
    expect(parseStatisticsQuery({ court: '75; drop' }, '2026-03')).toEqual({ refused: 'statistics_invalid_court' });
    expect(parseStatisticsQuery({ court: ' 7517 ' }, '2026-03')).toMatchObject({ court: '7517' });
  });

  it('lists months across a new year', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('the definitions', () => {
  it('takes the median as percentile_cont(0.5): the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 4, 30])).toBe(7);
  });

  it('counts the electronic share among cases whose channel is known', () => {
    expect(electronicShare({ receivedElectronic: 3, receivedPaper: 1 })).toBe(0.75);
    expect(electronicShare({ receivedElectronic: 0, receivedPaper: 0 })).toBeNull();
  });

  it('sums a period but never its medians', () => {
    const total = periodTotals([figures('2026-01', { received: 2, decided: 1, medianDaysToDecision: 10, appeals: { upheld: 1, changed: 0, reversed: 0, sent_back: 0 } }), figures('2026-02', { received: 3, appeals: { upheld: 1, changed: 2, reversed: 0, sent_back: 1 } })]);
    expect(total).toEqual({ received: 5, receivedElectronic: 0, receivedPaper: 0, decided: 1, appeals: { upheld: 2, changed: 2, reversed: 0, sent_back: 1 } });
    expect(total).not.toHaveProperty('medianDaysToDecision');
  });
});

describe('the open data', () => {
  it('writes RFC 4180 CSV: a header of the stable columns, CRLF line ends, empty fields for values that do not exist', () => {
    const csv = statisticsCsv(openDataRows(null, [figures('2026-01', { received: 4, receivedElectronic: 2, receivedPaper: 1, decided: 2, medianDaysToDecision: 12.5 })]));
    expect(csv).toBe(`${OPEN_DATA_COLUMNS.join(',')}\r\nKZ,2026-01,4,2,1,0.6667,2,12.5,0,0,0,0\r\n`);
    expect(statisticsCsv(openDataRows('7517', [figures('2026-02')]))).toContain('\r\n7517,2026-02,0,0,0,,0,,0,0,0,0\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('7517')).toBe('7517');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('chart scales', () => {
  it('rounds the axis up to a round maximum with round ticks', () => {
    expect(valueScale(87)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueScale(1)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(valueScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueScale(12_345).max).toBeGreaterThanOrEqual(12_345);
  });

  it('places zero at the bottom and the maximum at the top', () => {
    const scale = valueScale(100);
    expect(yOf(0, scale, 200)).toBe(200);
    expect(yOf(100, scale, 200)).toBe(0);
    expect(yOf(50, scale, 200)).toBe(100);
  });

  it('renders a labelled image whose bars stand as high as their values', () => {
    const svg = renderToString(BarChart({ id: 'c', title: 'Received', description: 'In the table below', labels: ['Jan', 'Feb'], formatTick: String, series: [{ name: 'Received', values: [50, 100] }] }));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toMatch(/<title id="c-title">Received<\/title>/);
    const heights = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]).toBeCloseTo(heights[0]! * 2);
  });

  it('breaks a line where a month has no value', () => {
    const svg = renderToString(LineChart({ id: 'm', title: 'Median', description: 'd', labels: ['a', 'b', 'c'], formatTick: String, series: { name: 'Median', values: [3, null, 5] } }));
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});
