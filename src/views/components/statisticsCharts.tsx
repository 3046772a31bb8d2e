/**
 * Charts drawn on the server as inline SVG, so they show without JavaScript. Each is an image with
 * a title and a description (`role="img"`, `aria-labelledby`); its figures are in a table beside
 * it, which is what a screen reader reads. Series differ by fill pattern as well as colour, and
 * every colour has far more than 3:1 contrast with the white background (WCAG 2.1, 1.4.11).
 */
import type { ComponentChildren } from 'preact';
import { valueScale, yOf } from '../../domain/courtStatistics.ts';

const WIDTH = 640;
const HEIGHT = 240;
const PLOT = { left: 56, right: 12, top: 12, bottom: 42 };
const INK = '#0b0c0c';
const GRID = '#b1b4b6';
/** Sot's brand teal (6.6:1 on white) and a darker teal (12:1), hatched where it stands for a second series. */
const FILLS = ['#00627a', '#00303c'] as const;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

interface ChartFrame {
  id: string;
  title: string;
  description: string;
  labels: string[];
  /** A second line under a label: the year under the first month and under each January. */
  sublabels?: (string | null)[];
  formatTick: (value: number) => string;
}

const plotWidth = WIDTH - PLOT.left - PLOT.right;
const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;

function Frame({ frame, max, children, legend }: { frame: ChartFrame; max: number; children: ComponentChildren; legend?: ChartSeries[] }) {
  const scale = valueScale(max);
  const band = plotWidth / Math.max(1, frame.labels.length);
  // Every label of a year's chart; every second or third of a longer one, so they do not overlap.
  const every = Math.ceil(frame.labels.length / 12);
  const legendHeight = legend ? 28 : 0;
  return (
    <svg class="sot-chart" role="img" aria-labelledby={`${frame.id}-title ${frame.id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT + legendHeight}`} xmlns="http://www.w3.org/2000/svg" focusable="false">
      <title id={`${frame.id}-title`}>{frame.title}</title>
      <desc id={`${frame.id}-desc`}>{frame.description}</desc>
      <defs>
        <pattern id={`${frame.id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={FILLS[1]} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
        </pattern>
      </defs>
      <g transform={`translate(${PLOT.left},${PLOT.top})`} font-size="13" fill={INK}>
        {scale.ticks.map((tick) => {
          const y = yOf(tick, scale, plotHeight);
          return (
            <g key={tick}>
              <line x1="0" x2={plotWidth} y1={y} y2={y} stroke={GRID} stroke-width="1" />
              <text x="-6" y={y + 4} text-anchor="end">
                {frame.formatTick(tick)}
              </text>
            </g>
          );
        })}
        {frame.labels.map((label, i) =>
          i % every === 0 ? (
            <text key={`${i}-${label}`} x={band * i + band / 2} y={plotHeight + 18} text-anchor="middle">
              {label}
              {frame.sublabels?.[i] && (
                <tspan x={band * i + band / 2} dy="15">
                  {frame.sublabels[i]}
                </tspan>
              )}
            </text>
          ) : null,
        )}
        <line x1="0" x2={plotWidth} y1={plotHeight} y2={plotHeight} stroke={INK} stroke-width="1" />
        {children}
      </g>
      {legend && (
        <g transform={`translate(${PLOT.left},${HEIGHT + 6})`} font-size="13" fill={INK}>
          {legend.map((s, i) => (
            <g key={s.name} transform={`translate(${i * 220},0)`}>
              <rect width="16" height="16" fill={i === 0 ? FILLS[0] : `url(#${frame.id}-hatch)`} stroke={INK} stroke-width="1" />
              <text x="22" y="13">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );
}

/** Side-by-side bars per label, one per series: the first solid, the second hatched. */
export function BarChart({ series, ...frame }: ChartFrame & { series: ChartSeries[] }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const scale = valueScale(max);
  const band = plotWidth / Math.max(1, frame.labels.length);
  const barWidth = (band * 0.8) / series.length;
  return (
    <Frame frame={frame} max={max} legend={series.length > 1 ? series : undefined}>
      {series.map((s, si) =>
        s.values.map((v, i) => {
          if (v === null || v <= 0) return null;
          const y = yOf(v, scale, plotHeight);
          return <rect key={`${si}-${i}`} x={band * i + band * 0.1 + barWidth * si} y={y} width={barWidth} height={plotHeight - y} fill={si === 0 ? FILLS[0] : `url(#${frame.id}-hatch)`} />;
        }),
      )}
    </Frame>
  );
}

/** One series as a line with a marker at each value; a month without a value breaks the line. */
export function LineChart({ series, maxValue, ...frame }: ChartFrame & { series: ChartSeries; maxValue?: number }) {
  const max = maxValue ?? Math.max(0, ...series.values.map((v) => v ?? 0));
  const scale = valueScale(max);
  const band = plotWidth / Math.max(1, frame.labels.length);
  const points = series.values.map((v, i) => (v === null ? null : { x: band * i + band / 2, y: yOf(v, scale, plotHeight) }));
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) (runs.push(run), (run = []));
  }
  if (run.length) runs.push(run);
  return (
    <Frame frame={frame} max={max}>
      {runs.map((r, i) => (
        <polyline key={i} points={r.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={FILLS[0]} stroke-width="3" />
      ))}
      {points.map((p, i) => (p ? <circle key={i} cx={p.x} cy={p.y} r="4" fill={FILLS[1]} /> : null))}
    </Frame>
  );
}

/** One bar per label, laid sideways so that long labels (an appeal's outcome) have room. */
export function HorizontalBarChart({ id, title, description, labels, values, formatValue }: { id: string; title: string; description: string; labels: string[]; values: number[]; formatValue: (value: number) => string }) {
  const labelWidth = 260;
  const row = 30;
  const height = row * labels.length + 8;
  const barSpace = WIDTH - labelWidth - 60;
  const scale = valueScale(Math.max(0, ...values));
  return (
    <svg class="sot-chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} xmlns="http://www.w3.org/2000/svg" focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g font-size="13" fill={INK}>
        {labels.map((label, i) => {
          const w = (Math.max(0, values[i] ?? 0) / scale.max) * barSpace;
          return (
            <g key={label} transform={`translate(0,${i * row + 4})`}>
              <text x={labelWidth - 8} y="16" text-anchor="end">
                {label}
              </text>
              <rect x={labelWidth} y="2" width={w} height="20" fill={FILLS[0]} />
              <text x={labelWidth + w + 6} y="16">
                {formatValue(values[i] ?? 0)}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1="0" y2={height} stroke={INK} stroke-width="1" />
      </g>
    </svg>
  );
}
