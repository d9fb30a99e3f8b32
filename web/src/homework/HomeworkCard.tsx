import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import { useSignal } from "../signal";
import { homeworkPath, HomeworkSummary } from "./homeworkWire";
import { hw } from "./strings";
import "./homework.css";

const go = (to: string) => (e: Event) => { e.preventDefault(); navigate(to); };

/**
 * The home page's homework (GET /api/me/homework): a student's open and past homework, whether they submitted; a
 * teacher's homework they set or whose class they teach, with its marking and results, and the way to set more.
 */
export function HomeworkCard() {
  const user = useSignal(session)!.user;
  const [list, setList] = useState<HomeworkSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    rest<HomeworkSummary[]>("GET", "/api/me/homework").then(setList, setError);
  }, []);
  const student = user.role === "student";
  const line = (h: HomeworkSummary) => (
    <li key={h.id} data-testid={`homework-${h.id}`} data-status={h.status} data-submitted={h.submittedAt ? "yes" : "no"}>
      <a href={homeworkPath(h.id)} onClick={go(homeworkPath(h.id))}>{h.title}</a>{" "}
      <span class="muted">
        {h.subject} · {hw("due", { time: new Date(h.dueAt).toLocaleString() })} · {hw("questionCount", { n: h.questionCount })}
        {student ? ` · ${h.submittedAt ? hw("submitted", { time: new Date(h.submittedAt).toLocaleString() }) : hw("notSubmitted")}` : ""}
      </span>
      {!student && (
        <span class="hw-links">
          {" "}<a href={homeworkPath(h.id, "/marking")} onClick={go(homeworkPath(h.id, "/marking"))} data-link="marking">{hw("marking")}</a>
          {" "}<a href={homeworkPath(h.id, "/results")} onClick={go(homeworkPath(h.id, "/results"))} data-link="results">{hw("results")}</a>
        </span>
      )}
    </li>
  );
  const open = list?.filter((h) => h.status === "open") ?? [];
  const past = list?.filter((h) => h.status !== "open") ?? [];
  return (
    <section class="card" data-testid="homework-card">
      <h2>{hw("homework")}</h2>
      {list === null ? (
        error ? null : <p class="muted">{hw("loading")}</p>
      ) : list.length === 0 ? (
        <p class="muted">{hw("noHomework")}</p>
      ) : student ? (
        <>
          <h3>{hw("open")}</h3>
          <ul class="list" data-testid="homework-open">{open.map(line)}</ul>
          {past.length > 0 && (<><h3>{hw("past")}</h3><ul class="list" data-testid="homework-past">{past.map(line)}</ul></>)}
        </>
      ) : (
        <>
          <h3>{hw("setByMe")}</h3>
          <ul class="list" data-testid="homework-staff">{list.map(line)}</ul>
        </>
      )}
      <ErrorLine error={error} />
      {user.role === "teacher" && (
        <p><button type="button" class="primary" data-testid="set-homework" onClick={() => navigate("/homework/new")}>{hw("setHomework")}</button></p>
      )}
    </section>
  );
}
