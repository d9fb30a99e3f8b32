import type { ClassTally } from "../live/events.generated";
import type { ClassView } from "./classroomState";
import { ct } from "./strings";

/** One bar per class: how many of its students answered, how many of them right, and the counts by option. */
export function TallyBars({ classes, perClass }: { classes: ClassView[]; perClass: ClassTally[] }) {
  return (
    <ul class="tally-bars" data-testid="tally-bars">
      {classes.map((c) => {
        const tally = perClass.find((t) => t.classId === c.classId);
        const answered = tally?.answered ?? 0;
        const correct = tally?.correct ?? 0;
        const size = Math.max(c.studentCount, answered, 1);
        const rate = answered === 0 ? 0 : Math.round((correct / answered) * 100);
        return (
          <li key={c.classId} data-testid={`tally-${c.classId}`} data-answered={answered} data-correct={correct}>
            <div class="tally-label">
              <strong>{c.schoolName} · {c.name}</strong>
              <span class="muted">
                {ct("answered", { n: answered })} · {ct("correctRate", { p: rate })}
                {tally?.fromCount ? ` · ${ct("fromCount")}` : ""}
              </span>
            </div>
            <div class="bar" aria-hidden="true">
              <div class="bar-correct" style={{ width: `${(correct / size) * 100}%` }} />
              <div class="bar-wrong" style={{ width: `${((answered - correct) / size) * 100}%` }} />
            </div>
            {tally && Object.keys(tally.counts).length > 0 && (
              <p class="muted counts">{Object.entries(tally.counts).map(([key, n]) => `${key}: ${n}`).join("  ")}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
