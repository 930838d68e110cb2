import { type CSSProperties, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
}

/**
 * A small time-series chart (uPlot): one line per series over the buckets. The numbers it
 * draws are also in the page as text, so the chart itself is decorative for screen readers.
 */
export function TimeChart({
  buckets,
  series,
  height = 140,
  title,
  legend = false,
}: {
  legend?: boolean;
  buckets: string[];
  series: ChartSeries[];
  height?: number;
  title: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = buckets.map((b) => Date.parse(b) / 1000);
    const chart = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, niceCeiling(max)] } },
        axes: [
          { stroke: '#5b6270', grid: { stroke: '#eceef2' }, ticks: { stroke: '#d5d9e0' } },
          {
            stroke: '#5b6270',
            grid: { stroke: '#eceef2' },
            ticks: { stroke: '#d5d9e0' },
            size: 40,
            space: 20,
            incrs: COUNT_STEPS,
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            fill: `${s.color}18`,
            points: { show: buckets.length <= 30 },
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [buckets, series, height]);
  return (
    <>
      <div className="chart" ref={box} role="img" aria-label={title} />
      {legend && (
        <ul className="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label} style={{ '--swatch': s.color } as CSSProperties}>
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Tick steps of the y axis: whole counts only. */
const COUNT_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1e6,
];

/**
 * The y scale's top: the next 1, 2 or 5 × 10ⁿ at or above `max`, so the top gridline is labelled
 * (a small chart otherwise showed only "0" when its peak fell between two ticks).
 */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max) ?? 10 * power;
}
