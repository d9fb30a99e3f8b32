import { x } from "./strings";

const width = 560;
const height = 220;
const pad = { left: 36, right: 8, top: 16, bottom: 40 };

const round = (n: number) => Math.round(n * 100) / 100;

/** The ten-bucket score distribution (lowest tenth of the maximum first) as SVG bars, labelled for screen readers too. */
export function ScoreChart({ distribution, maxScore }: { distribution: number[]; maxScore: number }) {
  const top = Math.max(1, ...distribution);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const barW = plotW / distribution.length;
  const range = (i: number) => ({ from: round((maxScore * i) / 10), to: round((maxScore * (i + 1)) / 10) });
  const detail = distribution.map((n, i) => x("bucket", { ...range(i), n })).join("；");
  const ticks = [...new Set([0, Math.ceil(top / 2), top])];

  return (
    <figure class="score-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={x("distributionLabel", { detail })} data-testid="score-chart">
        {ticks.map((tick) => {
          const y = pad.top + plotH - (tick / top) * plotH;
          return (
            <g>
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} class="grid" />
              <text x={pad.left - 6} y={y + 4} text-anchor="end" class="axis">{tick}</text>
            </g>
          );
        })}
        {distribution.map((n, i) => {
          const h = (n / top) * plotH;
          const bx = pad.left + i * barW + 4;
          const { from, to } = range(i);
          return (
            <g data-bucket={i} data-count={n}>
              <rect x={bx} y={pad.top + plotH - h} width={barW - 8} height={h} class="bar">
                <title>{x("bucket", { from, to, n })}</title>
              </rect>
              {n > 0 && <text x={bx + (barW - 8) / 2} y={pad.top + plotH - h - 4} text-anchor="middle" class="count">{n}</text>}
              <text x={bx + (barW - 8) / 2} y={height - pad.bottom + 16} text-anchor="middle" class="axis">{from}</text>
            </g>
          );
        })}
        <text x={width - pad.right} y={height - 6} text-anchor="end" class="axis">{x("maxScore", { n: maxScore })}</text>
      </svg>
      <figcaption>{x("distribution")}</figcaption>
    </figure>
  );
}
