import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { nextCommand } from "../session";
import { homeworkPath, HomeworkView } from "../homework/homeworkWire";
import { keyText } from "../homework/keyText";
import { Refusal } from "../homework/Refusal";
import { hw } from "../homework/strings";
import { QuestionInput } from "./ExamTake";
import "../exams/exams.css";
import "../homework/homework.css";

const go = (to: string) => (e: Event) => { e.preventDefault(); navigate(to); };

/**
 * One homework (GET /api/homework/{id}). A student answers and submits (PUT .../submission), and may submit again
 * until the due time; the time shown is the server's acceptance. Past the due time (the server's word: its status,
 * or deadline_passed on a submission) the form is read-only and, once the server sends them, keys and score appear.
 * Its teachers see the questions with keys and the way to marking and results.
 */
export function HomeworkTake({ homeworkId }: { homeworkId: string }) {
  const [view, setView] = useState<HomeworkView | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [accepted, setAccepted] = useState<{ submittedAt: string; revision: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      const loaded = await rest<HomeworkView>("GET", `/api/homework/${encodeURIComponent(homeworkId)}`);
      setView(loaded);
      setAnswers(loaded.mySubmission?.answers ?? {});
      if (loaded.mySubmission) setAccepted({ submittedAt: loaded.mySubmission.submittedAt, revision: loaded.mySubmission.revision });
    } catch (failure) {
      setError(failure);
    }
  }
  useEffect(() => { void load(); }, [homeworkId]);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const given = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== null && value !== undefined));
    try {
      setAccepted(await rest<{ submittedAt: string; revision: number }>("PUT", `/api/homework/${encodeURIComponent(homeworkId)}/submission`,
        { answers: given, ...nextCommand() }));
    } catch (failure) {
      setError(failure);
      // Past due the server now sends the keys and the score: show the homework as it stands.
      if (failure instanceof ApiError && failure.code === "deadline_passed") {
        const closed = await rest<HomeworkView>("GET", `/api/homework/${encodeURIComponent(homeworkId)}`).catch(() => null);
        if (closed) setView({ ...closed, status: "closed" });
      }
    } finally {
      setBusy(false);
    }
  }

  const back = <a class="link" href="/" onClick={go("/")}>← {hw("back")}</a>;
  if (!view) return <section class="card">{back}{error ? <Refusal error={error} /> : <p class="muted">{hw("loading")}</p>}</section>;
  const closed = view.status !== "open";
  const teacher = view.role === "teacher";
  return (
    <section class="card wide" data-testid="homework-take" data-role={view.role} data-status={view.status}>
      {back}
      <h1>{view.title}</h1>
      <p class="muted">
        {view.subject} · {view.setterName} · {hw("due", { time: new Date(view.dueAt).toLocaleString() })} · {hw("maxScore", { n: view.maxScore })} ·{" "}
        <span data-testid="homework-status">{closed ? hw("statusClosed") : hw("statusOpen")}</span>
      </p>
      {teacher && (
        <nav class="exam-links">
          <a href={homeworkPath(view.id, "/marking")} onClick={go(homeworkPath(view.id, "/marking"))} data-link="marking">{hw("marking")}</a>
          <a href={homeworkPath(view.id, "/results")} onClick={go(homeworkPath(view.id, "/results"))} data-link="results">{hw("results")}</a>
        </nav>
      )}
      {closed && !teacher && <p class="banner info" role="status" data-testid="homework-closed">{hw("closedNotice")}</p>}
      {view.myResult && (
        <p class="banner ok" data-testid="my-score" data-score={view.myResult.score}>
          {hw("yourScore", { score: view.myResult.score, max: view.myResult.maxScore })}
          {view.myResult.pendingMarking > 0 ? hw("pendingMarks", { n: view.myResult.pendingMarking }) : ""}
        </p>
      )}
      <form class="form" onSubmit={submit}>
        {view.questions.map((q, i) => {
          const key = teacher ? (q.kind === "short" ? q.reference : q.answer) : view.keys?.[q.id];
          return (
            <div class="hw-question" data-question={q.id} data-kind={q.kind}>
              <p>
                <strong>{i + 1}.</strong> {q.stem} <span class="muted">（{q.points}）</span>
              </p>
              {teacher ? (
                q.options?.length > 0 && <ul class="plain">{q.options.map((o) => <li>{o.id}. {o.text}</li>)}</ul>
              ) : (
                <QuestionInput question={{ ...q, options: q.options ?? [], blanks: q.blanks ?? 0 }} n={i + 1} value={answers[q.id] ?? null} disabled={closed}
                  onChange={(value) => setAnswers((current) => ({ ...current, [q.id]: value }))} />
              )}
              {key !== undefined && key !== null && (
                <p class="muted" data-testid={`key-${q.id}`}>{hw("key", { a: keyText(key, t("trueLabel"), t("falseLabel")) })}</p>
              )}
            </div>
          );
        })}
        {!teacher && (
          <div class="author-bar">
            <button type="submit" class="primary" data-testid="homework-submit" disabled={busy || closed}>{accepted ? hw("resubmit") : hw("submit")}</button>
          </div>
        )}
      </form>
      {accepted && !teacher && (
        <p class="muted" role="status" data-testid="homework-accepted" data-revision={accepted.revision} data-at={accepted.submittedAt}>
          {hw("acceptedAt", { time: new Date(accepted.submittedAt).toLocaleString(), n: accepted.revision })}
        </p>
      )}
      <Refusal error={error} />
    </section>
  );
}
