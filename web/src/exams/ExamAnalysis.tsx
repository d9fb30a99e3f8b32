import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { ErrorLine } from "../screens/ErrorLine";
import { a } from "./analysisStrings";
import type { StudentResult } from "./ExamResults";
import { fetchFile } from "./fetchFile";
import { KeyChangeForm, Regrade } from "./KeyChangeForm";
import { ExamView } from "./paperForm";
import { ScoreChart } from "./ScoreChart";
import { x } from "./strings";

const dimensions = ["school", "county", "class", "room"] as const;
type Dimension = (typeof dimensions)[number];

interface Group { key: string; name: string; count: number; submitted: number; mean: number | null; median: number | null; max: number | null; min: number | null }
interface Item {
  questionId: string; kind: string; maxPoints: number; answered: number;
  difficulty: number | null; discrimination: number | null; optionCounts: Record<string, number> | null;
}

const figure = (n: number | null) => (n === null ? a("none") : String(n));

/** The ten-bucket distribution the server draws for the whole exam, here for one school's submitted scores. */
function distribution(scores: number[], maxScore: number): number[] {
  const buckets = new Array<number>(10).fill(0);
  for (const score of scores) {
    const bucket = maxScore <= 0 ? 0 : Math.floor((score * 10) / maxScore);
    buckets[Math.min(9, Math.max(0, bucket))]++;
  }
  return buckets;
}

/**
 * The analysis tab of the results screen (PROTOCOL §7): results by a chosen dimension, a score distribution per
 * school, the item analysis, the downloads, and the author's key-change form. A key change reloads everything.
 */
export function ExamAnalysis({ exam, students, onRegraded }: { exam: ExamView; students: StudentResult[]; onRegraded: (regrade: Regrade) => void }) {
  const id = encodeURIComponent(exam.id);
  const [dimension, setDimension] = useState<Dimension>("school");
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [schools, setSchools] = useState<Group[]>([]);
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setGroups(null);
    rest<{ groups: Group[] }>("GET", `/api/exams/${id}/results/by?dimension=${dimension}`).then((r) => setGroups(r.groups), setError);
  }, [id, dimension, students]);

  useEffect(() => {
    rest<{ groups: Group[] }>("GET", `/api/exams/${id}/results/by?dimension=school`).then((r) => setSchools(r.groups), setError);
    rest<{ questions: Item[] }>("GET", `/api/exams/${id}/item-analysis`).then((r) => setItems(r.questions), setError);
  }, [id, students]);

  async function download(path: string, name: string, open = false) {
    setError(null);
    try {
      await fetchFile(`/api/exams/${id}/${path}`, name, open);
    } catch (failure) {
      setError(failure);
    }
  }

  const submittedBySchool = (code: string) =>
    students.filter((s) => s.status === "submitted" && (s.schoolCode ?? "") === code).map((s) => s.score);

  return (
    <div class="exam-analysis" data-testid="analysis">
      <div class="author-bar" data-testid="analysis-downloads">
        <span>{a("downloads")}:</span>
        <button type="button" data-testid="download-groups-csv" onClick={() => download(`analysis.csv?dimension=${dimension}`, `${exam.id}-${dimension}.csv`)}>{a("downloadGroupsCsv")}</button>
        <button type="button" data-testid="download-xlsx" onClick={() => download("analysis.xlsx", `${exam.id}-analysis.xlsx`)}>{a("downloadXlsx")}</button>
        <button type="button" data-testid="printable-report" onClick={() => download("analysis.html", `${exam.id}-analysis.html`, true)}>{a("printableReport")}</button>
      </div>
      <ErrorLine error={error} />

      <h2>{a("byDimension")}</h2>
      <label>{a("dimension")}{" "}
        <select name="dimension" data-testid="dimension" value={dimension} onChange={(e) => setDimension((e.target as HTMLSelectElement).value as Dimension)}>
          {dimensions.map((d) => <option value={d}>{a(`dimension_${d}`)}</option>)}
        </select>
      </label>
      <div class="table-scroll">
        <table class="roster" data-testid="groups" data-dimension={dimension} aria-busy={groups === null}>
          <thead><tr><th>{a("groupName")}</th><th>{a("count")}</th><th>{a("submitted")}</th><th>{a("mean")}</th><th>{a("median")}</th><th>{a("max")}</th><th>{a("min")}</th></tr></thead>
          <tbody>
            {(groups ?? []).map((g) => (
              <tr data-group={g.key}>
                <td>{g.key === "" ? a("unplaced") : g.name}</td><td>{g.count}</td><td>{g.submitted}</td>
                <td data-mean>{figure(g.mean)}</td><td>{figure(g.median)}</td><td>{figure(g.max)}</td><td>{figure(g.min)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{a("perSchool")}</h2>
      <div class="school-charts">
        {schools.map((school) => (
          <section data-school-chart={school.key}>
            <h3>{school.key === "" ? a("unplaced") : school.name}</h3>
            <ScoreChart distribution={distribution(submittedBySchool(school.key), exam.maxScore)} maxScore={exam.maxScore} />
          </section>
        ))}
      </div>

      <h2>{a("itemAnalysis")}</h2>
      <div class="table-scroll">
        <table class="roster" data-testid="item-analysis" aria-busy={items === null}>
          <thead><tr><th>{a("question")}</th><th>{a("kind")}</th><th>{a("maxPoints")}</th><th>{a("answered")}</th><th>{a("difficulty")}</th><th>{a("discrimination")}</th><th>{a("optionCounts")}</th></tr></thead>
          <tbody>
            {(items ?? []).map((item) => (
              <tr data-item={item.questionId}>
                <td>{item.questionId}</td><td>{x(`kind_${item.kind}` as Parameters<typeof x>[0])}</td><td>{item.maxPoints}</td><td data-answered>{item.answered}</td>
                <td data-difficulty>{figure(item.difficulty)}</td><td data-discrimination>{figure(item.discrimination)}</td>
                <td data-options>{item.optionCounts ? Object.entries(item.optionCounts).map(([option, n]) => `${option}: ${n}`).join("  ") : a("none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <KeyChangeForm examId={exam.id} questions={exam.questions} onChanged={onRegraded} />
    </div>
  );
}
