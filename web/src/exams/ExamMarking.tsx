import { StemText } from "../attachments/StemText";
import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { session } from "../session";
import { ErrorLine } from "../screens/ErrorLine";
import { ExamView } from "./paperForm";
import { x } from "./strings";
import "./exams.css";

interface Task { attemptRef: string; questionId: string; stem: string; maxPoints: number; answer: string; reference: string | null; arbitration: boolean }
interface Progress { questionId: string; answers: number; settled: number; awaitingArbitration: number }
interface Recorded { attemptRef: string; questionId: string; points: number; final: number | null }

const inBounds = (text: string, max: number) => /^\d+(\.\d{1,2})?$/.test(text.trim()) && Number(text) <= max;

/**
 * Online marking (PROTOCOL §5): per short-answer question, one anonymous answer at a time from marking/next, a mark
 * within 0–max, then the next, until the queue is empty. An arbitration task (double marking) says so.
 */
export function ExamMarking({ examId }: { examId: string }) {
  const id = encodeURIComponent(examId);
  const [exam, setExam] = useState<ExamView | null>(null);
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [typedQuestion, setTypedQuestion] = useState("");
  const [task, setTask] = useState<Task | null | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [points, setPoints] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [readsPaper, setReadsPaper] = useState(true);

  useEffect(() => {
    rest<ExamView>("GET", `/api/exams/${id}`).then(setExam, (failure) => {
      // Markers other than the author may mark but not read the paper: a teacher refused it names the question instead.
      if (failure instanceof ApiError && failure.code === "forbidden" && session.get()?.user.role === "teacher") setReadsPaper(false);
      else setError(failure);
    });
  }, [id]);

  async function next(qid: string) {
    setError(null);
    setBusy(true);
    try {
      const [nextTask, nextProgress] = await Promise.all([
        rest<Task | undefined>("GET", `/api/exams/${id}/marking/next?questionId=${encodeURIComponent(qid)}`),
        rest<Progress>("GET", `/api/exams/${id}/marking/progress?questionId=${encodeURIComponent(qid)}`),
      ]);
      setTask(nextTask ?? null);
      setProgress(nextProgress);
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
    setRecorded(null);
    void next(qid);
  }

  async function mark(e: Event) {
    e.preventDefault();
    if (!task) return;
    if (!inBounds(points, task.maxPoints)) {
      setInvalid(true);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setRecorded(await rest<Recorded>("POST", `/api/exams/${id}/marks`, { attemptRef: task.attemptRef, questionId: task.questionId, points: Number(points) }));
      await next(task.questionId);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const shorts = exam?.questions.filter((q) => q.kind === "short") ?? [];
  return (
    <section class="card wide exam-author" data-testid="marking">
      <a class="link" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>← {t("back")}</a>
      <h1>{x("marking")}{exam ? ` · ${exam.title}` : ""}</h1>
      {exam && shorts.length === 0 && <p class="muted">{x("noShortQuestions")}</p>}
      {shorts.length > 0 && (
        <div class="pick" role="group" aria-label={x("pickQuestion")}>
          <span class="muted">{x("pickQuestion")}</span>
          {shorts.map((q) => (
            <button type="button" class={q.id === questionId ? "chip active" : "chip"} data-pick={q.id} aria-pressed={q.id === questionId} onClick={() => pick(q.id)}>
              {q.id} · {q.stem.slice(0, 24)}
            </button>
          ))}
        </div>
      )}
      {!readsPaper && (
        <form class="form inline" onSubmit={(e) => { e.preventDefault(); if (typedQuestion.trim()) pick(typedQuestion.trim()); }}>
          <label>{x("questionCol")}<input name="questionId" value={typedQuestion} onInput={(e) => setTypedQuestion((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="primary">{x("nextAnswer")}</button>
        </form>
      )}
      {progress && (
        <p class="muted" data-testid="marking-progress">
          {x("progress", { answers: progress.answers, settled: progress.settled, arbitration: progress.awaitingArbitration })}
        </p>
      )}
      {recorded && (
        <p class="banner ok" role="status" data-testid="mark-recorded">
          {recorded.final == null ? x("markPending", { points: recorded.points }) : x("markFinal", { points: recorded.points, final: recorded.final })}
        </p>
      )}
      {questionId && task === null && (
        <div class="queue-empty" data-testid="queue-empty">
          <p>{x("queueEmpty")}</p>
          <button type="button" disabled={busy} onClick={() => next(questionId)}>{x("nextAnswer")}</button>
        </div>
      )}
      {task && (
        <form class="mark-task form" data-testid="marking-task" data-ref={task.attemptRef} onSubmit={mark}>
          {task.arbitration && <p class="banner info" data-testid="arbitration">{x("arbitration")}</p>}
          <p class="stem"><StemText stem={task.stem} /></p>
          <div class="mark-columns">
            <div>
              <h3>{x("anonymousAnswer", { ref: task.attemptRef.slice(0, 8) })}</h3>
              <p class="answer-text" data-testid="marking-answer">{task.answer || x("emptyAnswer")}</p>
            </div>
            {task.reference && (
              <div>
                <h3>{x("referenceAnswer")}</h3>
                <p class="answer-text muted">{task.reference}</p>
              </div>
            )}
          </div>
          <label>
            {x("givePoints", { max: task.maxPoints })}
            <input name="points" inputMode="decimal" autoFocus value={points} aria-invalid={invalid}
              onInput={(e) => { setPoints((e.target as HTMLInputElement).value); setInvalid(false); }} />
          </label>
          {invalid && <p class="error" role="alert" data-testid="points-invalid">{x("pointsOutOfRange", { max: task.maxPoints })}</p>}
          <button type="submit" class="primary" disabled={busy}>{x("submitMark")}</button>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
