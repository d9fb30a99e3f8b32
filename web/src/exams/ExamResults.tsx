import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { token } from "../session";
import { ExamView } from "./paperForm";
import { a } from "./analysisStrings";
import { ExamAnalysis } from "./ExamAnalysis";
import { Regrade } from "./KeyChangeForm";
import { ScoreChart } from "./ScoreChart";
import { statusText, x } from "./strings";
import "./exams.css";

export interface StudentResult {
  studentId: string;
  name: string;
  status: string;
  score: number;
  maxScore: number;
  pendingMarking: number;
  perQuestion: Record<string, number>;
  /** The directory's school, county and class of the student at publishing (PROTOCOL §7). */
  schoolCode?: string | null;
  county?: string | null;
  classId?: string | null;
}
interface Results {
  students: StudentResult[];
  stats: { mean: number; median: number; perQuestionCorrectRate: Record<string, number>; distribution: number[] };
  regrades?: Regrade[];
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The author's results (PROTOCOL §5): every rostered student, the statistics and distribution, CSV, and publishing them. */
export function ExamResults({ examId }: { examId: string }) {
  const id = encodeURIComponent(examId);
  const [exam, setExam] = useState<ExamView | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [tab, setTab] = useState<"results" | "analysis">("results");
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    Promise.all([rest<ExamView>("GET", `/api/exams/${id}`), rest<Results>("GET", `/api/exams/${id}/results`)]).then(
      ([v, r]) => { setExam(v); setResults(r); },
      setError,
    );
  }, [id, loads]);

  async function publish() {
    setConfirming(false);
    setError(null);
    try {
      setExam(await rest<ExamView>("POST", `/api/exams/${id}/results/publish`));
    } catch (failure) {
      setError(failure);
    }
  }

  /** The CSV needs the bearer token, so it is fetched and handed to the browser as a file rather than linked. */
  async function download() {
    setError(null);
    try {
      const response = await fetch(`/api/exams/${id}/results.csv`, { headers: { Authorization: `Bearer ${token()}` } });
      if (!response.ok) throw new Error(`${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = `${examId}-results.csv`;
      a.click();
      // Revoked later, not at once: the browser reads the blob after the click has returned.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      setError(failure);
    }
  }

  const back = <a class="link" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>← {t("back")}</a>;
  if (!exam || !results) {
    return <section class="card">{back}{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;
  }
  const submitted = results.students.filter((s) => s.status === "submitted").length;
  const pending = results.students.reduce((sum, s) => sum + s.pendingMarking, 0);
  const published = exam.status === "results_published";
  return (
    <section class="card wide exam-author" data-testid="results">
      {back}
      <h1>{x("results")} · {exam.title}</h1>
      {(results.regrades ?? []).map((r) => (
        <p class="banner info" role="status" data-testid="regrade-notice" data-question={r.questionId}>
          {a("regraded", { at: new Date(r.at).toLocaleString(), by: r.by, q: r.questionId, reason: r.reason })}
        </p>
      ))}
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "results"} data-testid="tab-results" onClick={() => setTab("results")}>{a("tabResults")}</button>
        <button type="button" role="tab" aria-selected={tab === "analysis"} data-testid="tab-analysis" onClick={() => setTab("analysis")}>{a("tabAnalysis")}</button>
      </div>
      {tab === "analysis" ? (
        <ExamAnalysis exam={exam} students={results.students} onRegraded={() => setLoads((n) => n + 1)} />
      ) : (
        <>
          <div class="stats" data-testid="stats">
            <span class="stat"><small>{x("submittedCount")}</small><b data-stat="submitted">{submitted} / {results.students.length}</b></span>
            <span class="stat"><small>{x("mean")}</small><b data-stat="mean">{results.stats.mean}</b></span>
            <span class="stat"><small>{x("median")}</small><b data-stat="median">{results.stats.median}</b></span>
            <span class="stat"><small>{x("maxScore", { n: exam.maxScore })}</small></span>
          </div>
          {pending > 0 && <p class="banner info" data-testid="pending-note">{x("pendingMarkingNote", { n: pending })}</p>}
          <div class="results-grid">
            <ScoreChart distribution={results.stats.distribution} maxScore={exam.maxScore} />
            <div>
              <h2>{x("correctRate")}</h2>
              <table class="roster" data-testid="correct-rates">
                <thead><tr><th>{x("questionCol")}</th><th>{x("kind")}</th><th>%</th></tr></thead>
                <tbody>
                  {exam.questions.map((q, i) => {
                    const rate = results.stats.perQuestionCorrectRate[q.id] ?? 0;
                    return (
                      <tr data-question={q.id}>
                        <td>{x("questionN", { n: i + 1 })}</td>
                        <td>{x(`kind_${q.kind}`)}</td>
                        <td><span class="rate"><span style={{ width: percent(rate) }} /></span> {percent(rate)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
          <div class="author-bar">
            <button type="button" data-testid="download-csv" onClick={download}>{x("downloadCsv")}</button>
            {published ? (
              <span class="banner ok" role="status" data-testid="results-published">{x("resultsPublished")}</span>
            ) : confirming ? (
              <span class="confirm">
                {x("confirmPublishResults")}
                <button type="button" class="primary" data-testid="confirm-publish-results" onClick={publish}>{x("publishResults")}</button>
                <button type="button" onClick={() => setConfirming(false)}>{t("back")}</button>
              </span>
            ) : (
              <button type="button" class="primary" data-testid="publish-results" onClick={() => setConfirming(true)}>{x("publishResults")}</button>
            )}
          </div>
          <ErrorLine error={error} />
          <div class="table-scroll">
            <table class="roster" data-testid="result-table">
              <thead>
                <tr>
                  <th>{x("student")}</th><th>{x("name")}</th><th>{x("status")}</th><th>{x("score")}</th><th>{x("pending")}</th>
                  {exam.questions.map((q) => <th>{q.id}</th>)}
                </tr>
              </thead>
              <tbody>
                {results.students.map((s) => (
                  <tr data-student={s.studentId} data-status={s.status}>
                    <td>{s.studentId}</td>
                    <td>{s.name}</td>
                    <td><span class={`status ${s.status}`}>{statusText("attemptStatus_", s.status)}</span></td>
                    <td data-score>{s.status === "absent" ? "—" : `${s.score} / ${s.maxScore}`}</td>
                    <td data-pending>{s.pendingMarking || ""}</td>
                    {exam.questions.map((q) => <td>{s.perQuestion[q.id] ?? ""}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
