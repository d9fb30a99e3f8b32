import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { nextCommand } from "../session";
import { homeworkPath, HomeworkView, MarkingTask } from "../homework/homeworkWire";
import { Refusal } from "../homework/Refusal";
import { hw } from "../homework/strings";
import "../exams/exams.css";
import "../homework/homework.css";

const inBounds = (text: string, max: number) => /^\d+(\.\d{1,2})?$/.test(text.trim()) && Number(text) <= max;

/**
 * Marking a homework's short answers (PROTOCOL §8): each class's own teacher is offered only their own students'
 * answers, one at a time from marking/next, gives points and moves on until none is left.
 */
export function HomeworkMarking({ homeworkId }: { homeworkId: string }) {
  const id = encodeURIComponent(homeworkId);
  const [view, setView] = useState<HomeworkView | null>(null);
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [task, setTask] = useState<MarkingTask | null | undefined>(undefined);
  const [points, setPoints] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    rest<HomeworkView>("GET", `/api/homework/${id}`).then(setView, setError);
  }, [id]);

  async function next(qid: string) {
    setError(null);
    setBusy(true);
    try {
      setTask((await rest<MarkingTask | undefined>("GET", `/api/homework/${id}/marking/next?questionId=${encodeURIComponent(qid)}`)) ?? null);
      setPoints("");
      setInvalid(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function pick(qid: string) {
    setQuestionId(qid);
    void next(qid);
  }

  async function mark(e: Event) {
    e.preventDefault();
    if (!task) return;
    if (!inBounds(points, task.points)) {
      setInvalid(true);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await rest("POST", `/api/homework/${id}/marks`, { studentId: task.studentId, questionId: task.questionId, points: Number(points), ...nextCommand() });
      await next(task.questionId);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const shorts = view?.questions.filter((q) => q.kind === "short") ?? [];
  return (
    <section class="card wide exam-author" data-testid="homework-marking">
      <a class="link" href={homeworkPath(homeworkId)} onClick={(e) => { e.preventDefault(); navigate(homeworkPath(homeworkId)); }}>← {hw("back")}</a>
      <h1>{hw("marking")}{view ? ` · ${view.title}` : ""}</h1>
      {view && shorts.length === 0 && <p class="muted">{hw("noShort")}</p>}
      {shorts.length > 0 && (
        <div class="pick" role="group" aria-label={hw("pickQuestion")}>
          <span class="muted">{hw("pickQuestion")}</span>
          {shorts.map((q) => (
            <button type="button" class={q.id === questionId ? "chip active" : "chip"} data-pick={q.id} aria-pressed={q.id === questionId} onClick={() => pick(q.id)}>
              {q.id} · {q.stem.slice(0, 24)}
            </button>
          ))}
        </div>
      )}
      {questionId && task === null && <p class="banner ok" data-testid="marking-done">{hw("allMarked")}</p>}
      {task && (
        <form class="mark-task form" data-testid="homework-marking-task" data-student={task.studentId} data-class={task.classId} onSubmit={mark}>
          <p class="muted" data-testid="marking-remaining" data-remaining={task.remaining}>{hw("remaining", { n: task.remaining })}</p>
          <p class="stem">{task.stem}</p>
          <div class="mark-columns">
            <div>
              <h3>{hw("studentAnswer", { name: task.name, classId: task.classId })}</h3>
              <p class="answer-text" data-testid="marking-answer">{task.answer}</p>
            </div>
            {task.reference && (
              <div>
                <h3>{hw("reference")}</h3>
                <p class="answer-text muted">{task.reference}</p>
              </div>
            )}
          </div>
          <label>
            {hw("givePoints", { max: task.points })}
            <input name="points" inputMode="decimal" autoFocus value={points} aria-invalid={invalid}
              onInput={(e) => { setPoints((e.target as HTMLInputElement).value); setInvalid(false); }} />
          </label>
          {invalid && <p class="error" role="alert" data-testid="points-invalid">{hw("pointsOutOfRange", { max: task.points })}</p>}
          <button type="submit" class="primary" data-testid="submit-mark" disabled={busy}>{hw("submitMark")}</button>
        </form>
      )}
      <Refusal error={error} />
    </section>
  );
}
