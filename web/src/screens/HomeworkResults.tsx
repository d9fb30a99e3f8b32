import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { ClassComparison } from "../homework/ClassComparison";
import { homeworkPath, HomeworkResults as Results, HomeworkView } from "../homework/homeworkWire";
import { Refusal } from "../homework/Refusal";
import { hw } from "../homework/strings";
import "../homework/homework.css";

/**
 * A homework's results (GET /api/homework/{id}/results): every class's figures side by side for each of its teachers
 * (the master teacher compares her class with the rural ones), and the lines of the students the caller may read,
 * narrowed to one class on request.
 */
export function HomeworkResults({ homeworkId }: { homeworkId: string }) {
  const id = encodeURIComponent(homeworkId);
  const [results, setResults] = useState<Results | null>(null);
  const [view, setView] = useState<HomeworkView | null>(null);
  const [classId, setClassId] = useState("");
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    rest<HomeworkView>("GET", `/api/homework/${id}`).then(setView, setError);
  }, [id]);
  useEffect(() => {
    setError(null);
    rest<Results>("GET", `/api/homework/${id}/results${classId ? `?classId=${encodeURIComponent(classId)}` : ""}`).then(setResults, setError);
  }, [id, classId]);

  const classes = view?.classes ?? [];
  const questionIds = view?.questions.map((q) => q.id) ?? [];
  return (
    <section class="card wide" data-testid="homework-results">
      <a class="link" href={homeworkPath(homeworkId)} onClick={(e) => { e.preventDefault(); navigate(homeworkPath(homeworkId)); }}>← {hw("back")}</a>
      <h1>{hw("results")}{results ? ` · ${results.title}` : ""}</h1>
      {results && (
        <>
          <p class="muted">{hw("maxScore", { n: results.maxScore })}{results.pendingMarking > 0 ? hw("pendingMarks", { n: results.pendingMarking }) : ""}</p>
          <h2>{hw("perClass")}</h2>
          <ClassComparison figures={results.classes} classes={classes} maxScore={results.maxScore} />
          <h2>{hw("perStudent")}</h2>
          <label>
            {hw("className")}{" "}
            <select name="classId" data-testid="results-class" value={classId} onChange={(e) => setClassId((e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {classes.map((c) => <option value={c.classId}>{c.schoolName} · {c.name}</option>)}
            </select>
          </label>
          <table class="hw-table" data-testid="student-table">
            <thead>
              <tr>
                <th>{hw("student")}</th><th>{hw("className")}</th><th>{hw("status")}</th>
                {questionIds.map((q) => <th class="num">{q}</th>)}
                <th class="num">{hw("score")}</th><th class="num">{hw("pending")}</th>
              </tr>
            </thead>
            <tbody>
              {results.students.map((s) => (
                <tr data-student={s.studentId} data-class={s.classId ?? ""} data-score={s.score} data-status={s.status}>
                  <td>{s.name}</td>
                  <td>{classes.find((c) => c.classId === s.classId)?.name ?? s.classId}</td>
                  <td>{hw(s.status === "submitted" ? "status_submitted" : "status_absent")}</td>
                  {questionIds.map((q) => <td class="num">{s.perQuestion[q] ?? "—"}</td>)}
                  <td class="num">{s.score}</td>
                  <td class="num">{s.pendingMarking}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Refusal error={error} />
    </section>
  );
}
