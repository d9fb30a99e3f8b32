import { useState } from "preact/hooks";
import { navigate } from "../router";
import { t } from "../i18n";
import { ErrorLine } from "../screens/ErrorLine";
import "./directory.css";
import { CsvKind, csvKinds, ImportResult, uploadImport } from "./importUpload";
import { d, kindText } from "./strings";

/** The header each CSV kind must start with (the server's ImportCsvReader), shown so a file can be made right first. */
const csvHeaders: Record<CsvKind, string> = {
  schools: "code,name,county",
  people: "userId,name,role,schoolCode,subjects",
  classes: "id,schoolCode,name,grade,teacherIds,studentIds",
  deactivate: "userId",
};

type Phase = "idle" | "sending" | "importing" | "done" | "failed";

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === "text/csv";

/** The admin's import of the city directory (PROTOCOL §6): upload, live progress, what was stored and the rows refused. */
export function DirectoryImport() {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<CsvKind>("people");
  const [phase, setPhase] = useState<Phase>("idle");
  const [bar, setBar] = useState({ value: 0, max: 1, kind: "" });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = phase === "sending" || phase === "importing";
  const csv = file !== null && isCsv(file);

  async function upload(e: Event) {
    e.preventDefault();
    if (!file || busy) return;
    setResult(null);
    setError(null);
    setPhase("sending");
    setBar({ value: 0, max: file.size || 1, kind: "" });
    let rows = 0;
    try {
      const summary = await uploadImport(file, csv ? kind : null, {
        sending: (loaded, total) => setBar({ value: loaded, max: total || 1, kind: "" }),
        importing: (progress) => {
          rows = progress.total;
          setPhase("importing");
          setBar({ value: progress.done, max: progress.total || 1, kind: progress.kind });
        },
      });
      // The result means every row was handled, also one the server could not read after its last progress line.
      setBar((b) => ({ value: rows || 1, max: rows || 1, kind: b.kind }));
      setResult(summary);
      setPhase("done");
    } catch (failure) {
      setError(failure);
      setPhase("failed");
    }
  }

  const status =
    phase === "sending" ? d("sending")
    : phase === "importing" ? d("importing", { kind: kindText(bar.kind) })
    : phase === "done" ? d("finished")
    : phase === "failed" ? d("failed")
    : "";

  return (
    <section class="card directory-import">
      <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
      <h1>{d("importTitle")}</h1>
      <p class="muted">{d("importIntro")}</p>
      <form class="form" onSubmit={upload} data-testid="import-form">
        <label>
          {d("file")}
          <input type="file" name="file" accept=".json,.csv,application/json,text/csv" disabled={busy}
            onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0] ?? null); setPhase("idle"); setResult(null); setError(null); }} />
        </label>
        {csv && (
          <label>
            {d("csvKind")}
            <select name="kind" value={kind} disabled={busy} onChange={(e) => setKind((e.target as HTMLSelectElement).value as CsvKind)}>
              {csvKinds.map((k) => <option value={k}>{kindText(k)}</option>)}
            </select>
            <span class="hint">{d("csvHeader", { header: csvHeaders[kind] })}</span>
          </label>
        )}
        <button type="submit" class="primary" disabled={!file || busy}>{d("upload")}</button>
      </form>
      {phase !== "idle" && (
        <div class="import-progress" aria-live="polite">
          <progress data-testid="import-progress" data-phase={phase} value={bar.value} max={bar.max} aria-label={status} />
          <span data-testid="import-status">{status}</span>
          {phase !== "sending" && bar.kind !== "" && <span class="muted" data-testid="import-rows"> {d("rows", { done: bar.value, total: bar.max })}</span>}
        </div>
      )}
      <ErrorLine error={error} />
      {result && <ImportSummary result={result} />}
    </section>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div data-testid="import-result">
      <h2>{d("summary")}</h2>
      <p class="counts" data-testid="import-counts">
        <span class="count" data-count="schools">{d("count_schools", { n: result.schools })}</span>
        <span class="count" data-count="people">{d("count_people", { n: result.people })}</span>
        <span class="count" data-count="classes">{d("count_classes", { n: result.classes })}</span>
        <span class="count" data-count="deactivated">{d("count_deactivated", { n: result.deactivated })}</span>
      </p>
      {result.errors.length === 0 ? (
        <p class="muted">{d("noRowErrors")}</p>
      ) : (
        <>
          <h3>{d("rowErrors")}</h3>
          <table class="roster import-errors" data-testid="import-errors">
            <thead>
              <tr><th>{d("errKind")}</th><th>{d("errRow")}</th><th>{d("errField")}</th><th>{d("errMessage")}</th></tr>
            </thead>
            <tbody>
              {result.errors.map((e) => (
                <tr key={`${e.kind}/${e.row}`} data-kind={e.kind} data-row={e.row}>
                  <td>{kindText(e.kind)}</td><td>{e.row}</td><td><code>{e.field}</code></td><td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result.moreErrors > 0 && <p class="muted" data-testid="more-errors">{d("moreErrors", { n: result.moreErrors })}</p>}
    </div>
  );
}
