import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import type { StudentResult } from "./ExamResults";
import { statusText, x } from "./strings";
import "./exams.css";

/** A student's own results line, once the author has published the results. */
export function MyResult({ examId }: { examId: string }) {
  const [result, setResult] = useState<StudentResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    rest<StudentResult>("GET", `/api/exams/${encodeURIComponent(examId)}/my-result`).then(setResult, setError);
  }, [examId]);

  const back = <a class="link" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>← {t("back")}</a>;
  const notYet = error instanceof ApiError && error.code === "not_open";
  return (
    <section class="card narrow my-result" data-testid="my-result">
      {back}
      <h1>{x("myResult")}</h1>
      {notYet ? (
        <p class="banner info" data-testid="not-published">{x("notPublishedYet")}</p>
      ) : error ? (
        <ErrorLine error={error} />
      ) : !result ? (
        <p class="muted">{t("loading")}</p>
      ) : (
        <>
          <p class="big-score" data-testid="my-score">{x("myScore", { score: result.score, max: result.maxScore })}</p>
          <p class="muted">{result.name} · {result.studentId} · {statusText("attemptStatus_", result.status)}</p>
          {result.pendingMarking > 0 && <p class="banner info">{x("pendingMarkingNote", { n: result.pendingMarking })}</p>}
          <h2>{x("perQuestion")}</h2>
          <table class="roster" data-testid="my-per-question">
            <thead><tr><th>{x("questionCol")}</th><th>{x("yourPoints")}</th></tr></thead>
            <tbody>
              {Object.entries(result.perQuestion).map(([qid, points]) => (
                <tr data-question={qid}><td>{qid}</td><td>{points}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
