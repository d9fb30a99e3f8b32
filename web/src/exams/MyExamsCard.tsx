import type { ComponentChildren, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import { useSignal } from "../signal";
import { statusText, x } from "./strings";
import "./exams.css";

interface ExamSummary {
  id: string;
  title: string;
  subject: string;
  status: string;
  opensAt: string;
  durationMinutes: number;
  questions: number;
  candidates: number;
}

/** A student's line (GET /api/me/exams as a student): the status is theirs, "open" while they may still start. */
interface CandidateExam {
  id: string;
  title: string;
  subject: string;
  status: string;
  opensAt: string;
  durationMinutes: number;
  joinClosesAt: string;
}

const go = (to: string) => (e: Event) => { e.preventDefault(); navigate(to); };

/** Home card: a teacher's own exams (GET /api/me/exams) with the way to each screen; a student's exams to sit and their results. */
export function MyExamsCard() {
  const role = useSignal(session)!.user.role;
  return role === "student" ? (
    <>
      <StudentExams />
      <MyResultEntry />
    </>
  ) : (
    <AuthoredExams />
  );
}

/** GET /api/me/exams (its lines are the caller's role's) as a card: loading, the error, the empty note or the list. */
function MyExamList<T>({ title, empty, list, children }: {
  title: string;
  empty: JSX.Element;
  list: (exams: T[]) => JSX.Element;
  children?: ComponentChildren;
}) {
  const [exams, setExams] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    rest<T[]>("GET", "/api/me/exams").then(setExams, setError);
  }, []);

  return (
    <section class="card my-exams">
      <h2>{title}</h2>
      <ErrorLine error={error} />
      {exams === null ? !error && <p class="muted">{t("loading")}</p> : exams.length === 0 ? empty : list(exams)}
      {children}
    </section>
  );
}

function StudentExams() {
  return (
    <MyExamList<CandidateExam>
      title={x("mySittings")}
      empty={<p class="muted" data-testid="no-sittings">{x("noSittings")}</p>}
      list={(exams) => (
        <ul class="list exam-list" data-testid="my-sittings">
          {exams.map((e) => {
            const base = `/exams/${encodeURIComponent(e.id)}`;
            return (
              <li data-exam={e.id} data-status={e.status}>
                <strong>{e.title}</strong>
                <span class="status-tag">{x(`sitting_${e.status}` as "sitting_open")}</span>
                <div class="muted">
                  {e.subject} · {new Date(e.opensAt).toLocaleString()} · {e.durationMinutes} min
                  {e.status === "open" && <> · {x("joinUntil", { time: new Date(e.joinClosesAt).toLocaleTimeString() })}</>}
                </div>
                {e.status === "open" && (
                  <a class="button primary" href={base} data-action="take" onClick={go(base)}>{x("takeExam")}</a>
                )}
                {e.status === "results_published" && (
                  <a href={`${base}/my-result`} data-action="result" onClick={go(`${base}/my-result`)}>{x("myResultOpen")}</a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    />
  );
}

function AuthoredExams() {
  return (
    <MyExamList<ExamSummary>
      title={x("myExams")}
      empty={<p class="muted">{x("noExams")}</p>}
      list={(exams) => (
        <ul class="list exam-list" data-testid="my-exams">
          {exams.map((e) => {
            const base = `/exams/${encodeURIComponent(e.id)}`;
            return (
              <li data-exam={e.id} data-status={e.status}>
                <a href={`${base}/edit`} onClick={go(`${base}/edit`)}>{e.title}</a>
                <span class="status-tag">{statusText("status_", e.status)}</span>
                <div class="muted">
                  {e.subject} · {new Date(e.opensAt).toLocaleString()} · {e.durationMinutes} min · {x("questionsCount", { n: e.questions })} ·{" "}
                  {x("candidatesCount", { n: e.candidates })}
                </div>
                {e.status !== "draft" && (
                  <div class="exam-links">
                    <a href={`${base}/proctor`} onClick={go(`${base}/proctor`)}>{x("proctor")}</a>
                    <a href={`${base}/marking`} onClick={go(`${base}/marking`)}>{x("marking")}</a>
                    <a href={`${base}/results`} onClick={go(`${base}/results`)}>{x("results")}</a>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    >
      <button type="button" class="primary" data-testid="new-exam" onClick={() => navigate("/exams/new")}>+ {x("newExam")}</button>
    </MyExamList>
  );
}

function MyResultEntry() {
  const [examId, setExamId] = useState("");
  return (
    <section class="card">
      <h2>{x("myResultEntry")}</h2>
      <form class="form inline" data-testid="my-result-entry"
        onSubmit={(e) => { e.preventDefault(); if (examId.trim()) navigate(`/exams/${encodeURIComponent(examId.trim())}/my-result`); }}>
        <label>{t("examId")}<input name="resultExamId" value={examId} onInput={(e) => setExamId((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">{x("myResultOpen")}</button>
      </form>
    </section>
  );
}
