import type { ClassFigures, HomeworkClass } from "./homeworkWire";
import { hw } from "./strings";

const shown = (n: number | null) => (n === null ? "—" : String(n));

/**
 * The classes side by side, in the order the homework lists them (the host's class first): a bar of each class's mean
 * against the maximum, with its share who submitted, and the table of count, submitted, mean, median, highest, lowest.
 */
export function ClassComparison({ figures, classes, maxScore }: { figures: ClassFigures[]; classes: HomeworkClass[]; maxScore: number }) {
  const school = (key: string) => classes.find((c) => c.classId === key)?.schoolName ?? "";
  const top = Math.max(maxScore, 1);
  return (
    <div data-testid="class-comparison">
      <ul class="hw-compare">
        {figures.map((c) => (
          <li key={c.key} data-testid={`compare-${c.key}`}>
            <div class="hw-label">
              <strong>{school(c.key)} · {c.name}</strong>
              <span class="muted">{hw("meanBar", { name: c.name, mean: shown(c.mean), max: maxScore, submitted: c.submitted, count: c.count })}</span>
            </div>
            <div class="hw-bar" aria-hidden="true">
              <div class="bar-mean" style={{ width: `${((c.mean ?? 0) / top) * 100}%` }} />
            </div>
            <div class="hw-bar thin" aria-hidden="true">
              <div class="bar-submitted" style={{ width: `${c.count === 0 ? 0 : (c.submitted / c.count) * 100}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <table class="hw-table" data-testid="class-table">
        <thead>
          <tr>
            <th>{hw("school")}</th><th>{hw("className")}</th><th class="num">{hw("count")}</th><th class="num">{hw("submittedCol")}</th>
            <th class="num">{hw("mean")}</th><th class="num">{hw("median")}</th><th class="num">{hw("max")}</th><th class="num">{hw("min")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((c) => (
            <tr key={c.key} data-class={c.key} data-count={c.count} data-submitted={c.submitted} data-mean={shown(c.mean)}
              data-median={shown(c.median)} data-max={shown(c.max)} data-min={shown(c.min)}>
              <td>{school(c.key)}</td><td>{c.name}</td><td class="num">{c.count}</td><td class="num">{c.submitted}</td>
              <td class="num">{shown(c.mean)}</td><td class="num">{shown(c.median)}</td><td class="num">{shown(c.max)}</td><td class="num">{shown(c.min)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
