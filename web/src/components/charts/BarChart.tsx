// A bar (or line) chart of counts, drawn by Chart.js once it has loaded. The chart is a picture for
// sighted readers: the table next to it holds the same figures for everyone, so the canvas is
// described in one sentence (role=img) rather than read point by point.
import { useEffect, useRef, useState } from "react";

export interface ChartSeries {
  label: string;
  /** null: not shown (a suppressed small number). */
  data: (number | null)[];
}

/** Colours that stay apart for common colour-vision differences (Okabe–Ito), on white. */
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8a6100"];

/** A round step for the count axis that gives at most about 8 lines (figures are multiples of 10). */
function stepFor(most: number): number {
  for (let base = 10; ; base *= 10)
    for (const times of [1, 2, 5]) if (most / (base * times) <= 8) return base * times;
}

export function BarChart({
  labels,
  series,
  description,
  kind = "bar",
  stacked = false,
  legend = series.length > 1,
}: {
  labels: string[];
  series: ChartSeries[];
  /** One sentence saying what the chart shows, for screen readers. */
  description: string;
  kind?: "bar" | "line";
  stacked?: boolean;
  /** Show which colour is which series (by default when there are several). */
  legend?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let destroyed = false;
    const most = Math.max(0, ...series.flatMap((s) => s.data.map((v) => v ?? 0)));
    let chart: { destroy(): void } | undefined;
    import("./chart-setup.ts")
      .then(({ Chart }) => {
        if (destroyed || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: kind,
          data: {
            labels,
            datasets: series.map((s, i) => ({
              label: s.label,
              data: s.data,
              backgroundColor: PALETTE[i % PALETTE.length],
              borderColor: PALETTE[i % PALETTE.length],
              borderWidth: kind === "line" ? 2 : 0,
              maxBarThickness: 56,
              spanGaps: false,
            })),
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: legend, position: "bottom" },
              tooltip: { enabled: true },
            },
            scales: {
              x: { stacked, ticks: { autoSkip: true, maxRotation: 60 } },
              y: { stacked, beginAtZero: true, ticks: { precision: 0, stepSize: stepFor(most) } },
            },
          },
        });
      })
      .catch(() => {
        if (!destroyed) setFailed(true);
      });
    return () => {
      destroyed = true;
      chart?.destroy();
    };
  }, [labels, series, kind, stacked, legend]);

  if (failed)
    return <p className="meta">The chart could not be drawn here. The table has the same figures.</p>;
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
