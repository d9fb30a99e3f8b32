import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { ErrorLine } from "../screens/ErrorLine";
import { kindText, r } from "./roomStrings";

/** One line of GET /api/exams/{id}/irregularities (PROTOCOL §7). */
export interface Irregularity { at: string; studentId: string; kind: string; by: string; reason: string; minutes: number }

/**
 * The irregularity log of the rooms the proctor oversees (the server limits it): pauses, resumes, extra time,
 * collected papers and focus losses. It is read again whenever `changed` moves (an irregularity.recorded arrived)
 * and on Refresh, which is how focus losses, never pushed one by one, come in. `inView` keeps the students shown.
 */
export function IrregularityLog({ examId, changed, inView }: { examId: string; changed: number; inView: (studentId: string) => boolean }) {
  const [entries, setEntries] = useState<Irregularity[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    rest<{ entries: Irregularity[] }>("GET", `/api/exams/${encodeURIComponent(examId)}/irregularities`).then(
      (log) => { if (current) { setEntries(log.entries); setError(null); } },
      (failure) => current && setError(failure),
    );
    return () => { current = false; };
  }, [examId, changed, asked]);

  const shown = (entries ?? []).filter((entry) => inView(entry.studentId));
  return (
    <section class="irregularities" data-testid="irregularities">
      <h2>{r("irregularities")} <button type="button" data-action="refresh-log" onClick={() => setAsked((n) => n + 1)}>{r("refresh")}</button></h2>
      <ErrorLine error={error} />
      {entries && shown.length === 0 && <p class="muted">{r("noIrregularities")}</p>}
      {shown.length > 0 && (
        <table class="roster">
          <thead>
            <tr><th>{r("at")}</th><th>{t("studentId")}</th><th>{r("kind")}</th><th>{r("minutes")}</th><th>{r("reasonColumn")}</th><th>{r("by")}</th></tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr data-kind={entry.kind} data-student={entry.studentId}>
                <td>{new Date(entry.at).toLocaleTimeString()}</td>
                <td>{entry.studentId}</td>
                <td>{kindText(entry.kind)}</td>
                <td>{entry.minutes || ""}</td>
                <td>{entry.reason}</td>
                <td>{entry.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
