import type { Aggregate, Dimension } from "./model";
import { score } from "./model";
import { ot } from "./strings";

const width = 560;
const labelWidth = 150;
const trackLeft = labelWidth + 8;
const trackWidth = 330;
const rowHeight = 30;
const barHeight = 16;

/**
 * The live aggregate as an SVG bar chart: one bar per rubric dimension on the 1–5 scale (its mean), then the weighted
 * total on 0–100. Plain SVG: a few rectangles do not call for a chart library.
 */
export function AggregateChart({ dimensions, aggregate }: { dimensions: Dimension[]; aggregate: Aggregate }) {
  const rows = dimensions.length;
  const totalTop = rows * rowHeight + 14;
  const height = totalTop + 44;
  const total = aggregate.weightedTotal;
  const summary = total === null
    ? ot("noRatings")
    : `${ot("weightedTotal")} ${score(total)} · ${dimensions.map((d) => ot("meanOf", { name: d.name, mean: score(aggregate.mean[d.key]) })).join("，")}`;
  return (
    <figure class="ob-chart" data-testid="aggregate" data-count={aggregate.count} data-total={total ?? ""}>
      <figcaption>
        <span class="ob-total" data-testid="weighted-total">{total === null ? "—" : score(total)}</span>
        <span class="muted"> / 100 · {aggregate.count ? ot("ratingCount", { n: aggregate.count }) : ot("noRatings")}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {[1, 2, 3, 4, 5].map((tick) => (
          <g key={tick} class="ob-tick">
            <line x1={x(tick, 5)} x2={x(tick, 5)} y1={2} y2={rows * rowHeight} />
            <text x={x(tick, 5)} y={rows * rowHeight + 10} text-anchor="middle">{tick}</text>
          </g>
        ))}
        {dimensions.map((d, i) => {
          const mean = aggregate.mean[d.key];
          const top = i * rowHeight + (rowHeight - barHeight) / 2;
          return (
            <g key={d.key} class="ob-row" data-dimension={d.key} data-mean={mean ?? ""}>
              <title>{ot("meanOf", { name: d.name, mean: score(mean) })}</title>
              <text x={labelWidth} y={top + barHeight - 3} text-anchor="end" class="ob-label">{d.name}<tspan class="ob-weight"> ×{d.weight}</tspan></text>
              <rect x={trackLeft} y={top} width={trackWidth} height={barHeight} rx={3} class="ob-track" />
              <rect x={trackLeft} y={top} width={mean === undefined ? 0 : (trackWidth * mean) / 5} height={barHeight} rx={3} class="ob-bar" data-bar={d.key} />
              <text x={trackLeft + trackWidth + 8} y={top + barHeight - 3} class="ob-value">{score(mean)}</text>
            </g>
          );
        })}
        <g class="ob-row total" data-dimension="total">
          <text x={labelWidth} y={totalTop + 17} text-anchor="end" class="ob-label">{ot("weightedTotal")}</text>
          <rect x={trackLeft} y={totalTop + 2} width={trackWidth} height={20} rx={3} class="ob-track" />
          <rect x={trackLeft} y={totalTop + 2} width={total === null ? 0 : (trackWidth * total) / 100} height={20} rx={3} class="ob-bar total" data-bar="total" />
          <text x={trackLeft + trackWidth + 8} y={totalTop + 17} class="ob-value">{total === null ? "—" : score(total)}</text>
          {[0, 60, 80, 100].map((mark) => (
            <text key={mark} x={x(mark, 100)} y={totalTop + 38} text-anchor="middle" class="ob-tick-label">{mark}</text>
          ))}
        </g>
      </svg>
    </figure>
  );
}

function x(value: number, max: number): number {
  return trackLeft + (trackWidth * value) / max;
}
