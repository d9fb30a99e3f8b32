import { useState } from "preact/hooks";
import { nextCommand } from "../session";
import type { ClassroomView } from "./classroomState";
import type { Run } from "./ClassroomScreen";
import { QuestionCard } from "./QuestionCard";
import { ct } from "./strings";
import { TallyBars } from "./TallyBars";

/** What a show of hands can count for a question of this kind (the server's TallyMaths keys). */
function countKeys(kind: string, options: { id: string }[]): string[] {
  if (kind === "single") return options.map((o) => o.id);
  if (kind === "truefalse") return ["true", "false"];
  return ["correct", "wrong"];
}

const keyLabel = (key: string) => (key === "true" || key === "false" || key === "correct" || key === "wrong" ? ct(key) : key.toUpperCase());

/** A linked class's teacher: their class's answers as they come in, and a count for a class without devices. */
export function AssistantPanel({ view, me, run }: { view: ClassroomView; me: string; run: Run }) {
  const mine = view.classes.find((c) => c.teacherId === me);
  const question = view.question;
  const [counts, setCounts] = useState<Record<string, string>>({});
  const myTally = view.tally?.perClass?.filter((t) => t.classId === mine?.classId) ?? [];

  async function submit(e: Event) {
    e.preventDefault();
    if (!question || !mine) return;
    const numbers = Object.fromEntries(Object.entries(counts).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, Number(v)]));
    if (await run("SubmitTally", { ...nextCommand(), questionId: question.id, classId: mine.classId, counts: numbers })) setCounts({});
  }

  return (
    <>
      {mine && (
        <section class="card" data-testid="my-class" data-class-id={mine.classId}>
          <h2>{mine.schoolName} · {mine.name}</h2>
          <p class="muted" data-testid="my-class-online" data-online={mine.online}>{ct("online", { n: mine.online, total: mine.studentCount })}</p>
        </section>
      )}
      <section class="card">
        <h2>{ct("current")}</h2>
        {question ? <QuestionCard question={question} /> : <p class="muted">{ct("noQuestion")}</p>}
        {mine && question && (
          <>
            <h3>{ct("yourClass")}</h3>
            <TallyBars classes={[mine]} perClass={myTally} />
          </>
        )}
        {mine && question?.status === "open" && (
          <form class="count-form" data-testid="count-form" onSubmit={submit}>
            <strong>{ct("enterCount")}</strong>
            {countKeys(question.kind, question.options).map((key) => (
              <label key={key}>
                {ct("countFor", { key: keyLabel(key) })}
                <input type="number" min="0" data-testid={`count-${key}`} value={counts[key] ?? ""} onInput={(e) => setCounts({ ...counts, [key]: (e.target as HTMLInputElement).value })} />
              </label>
            ))}
            <button type="submit" class="primary" data-testid="submit-count">{ct("submitCount")}</button>
          </form>
        )}
        {view.tally && <p data-testid="tally-total">{ct("total", { answered: view.tally.total.answered, correct: view.tally.total.correct })}</p>}
      </section>
    </>
  );
}
