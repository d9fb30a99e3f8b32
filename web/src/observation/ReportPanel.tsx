import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { ErrorLine } from "../screens/ErrorLine";
import { token } from "../session";
import type { Aggregate, Report, Status } from "./model";
import { clock, score } from "./model";
import { ot } from "./strings";

interface Props {
  observationId: string;
  status: Status;
  aggregate: Aggregate;
  canFinalize: boolean;
  finalize: () => Promise<Report>;
}

/**
 * The report once the lesson has ended: a summary from its JSON, and the printable page. That page needs the bearer
 * token, which a plain link would not send, so it is fetched and offered as a same-origin blob link.
 */
export function ReportPanel({ observationId, status, aggregate, canFinalize, finalize }: Props) {
  const [report, setReport] = useState<Report | null>(null);
  const [printable, setPrintable] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = status === "ended" || status === "finalized";
  const path = `/api/observations/${encodeURIComponent(observationId)}/report`;

  // Reloaded whenever the aggregate moves or the lesson changes state, so the summary never lags the live numbers.
  useEffect(() => {
    if (!open) return;
    let current = true;
    let url: string | null = null;
    Promise.all([rest<Report>("GET", path), printablePage(`${path}?format=html`)])
      .then(([json, html]) => {
        if (!current) return;
        url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
        setReport(json);
        setPrintable(url);
        setError(null);
      })
      .catch((failure) => current && setError(failure));
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [open, status, aggregate.count, aggregate.weightedTotal, observationId]);

  if (!open) return <p class="muted">{ot("reportAfterEnd")}</p>;

  async function onFinalize() {
    setBusy(true);
    setError(null);
    try {
      setReport(await finalize());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="ob-report" data-testid="report" data-final={report?.final ? "true" : "false"}>
      <ErrorLine error={error} />
      {report && (
        <>
          <p>
            <strong class="ob-total" data-testid="report-total">{report.ratingCount ? score(report.weightedTotal) : "—"}</strong>
            <span class="muted"> / 100 · {ot("ratingCount", { n: report.ratingCount })} · {ot("observers", { n: report.observerCount })}</span>
          </p>
          <p class={report.final ? "ob-final" : "muted"} data-testid="report-state">{report.final ? ot("final") : ot("notFinal")}</p>
          <table class="ob-table">
            <thead>
              <tr><th>{ot("dimension")}</th><th>{ot("mean")}</th><th>{ot("min")}</th><th>{ot("max")}</th><th>{ot("stdDev")}</th></tr>
            </thead>
            <tbody>
              {report.dimensions.map((d) => (
                <tr key={d.key} data-dimension={d.key}>
                  <td>{d.name} <span class="muted">×{d.weight}</span></td>
                  <td>{score(d.mean)}</td><td>{score(d.min)}</td><td>{score(d.max)}</td><td>{score(d.stdDev)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(report.observersByCounty).length > 0 && (
            <p class="muted" data-testid="by-county">
              {ot("byCounty")}：{Object.entries(report.observersByCounty).map(([county, n]) => `${county} ${n}`).join("，")}
            </p>
          )}
          <h3>{ot("comments")}</h3>
          {report.comments.length === 0 ? (
            <p class="muted">{ot("noComments")}</p>
          ) : (
            <ul class="ob-comments" data-testid="report-comments">
              {report.comments.map((c) => <li key={c.userId}><span class="author">{c.name}</span> <span class="muted">{c.county}</span><p>{c.text}</p></li>)}
            </ul>
          )}
          {report.notes.length > 0 && <h3>{ot("notes")}</h3>}
          {report.notes.length > 0 && (
            <ul class="list ob-report-notes">
              {report.notes.map((n) => <li key={n.id}><time class="ob-offset">{clock(n.offsetSeconds)}</time> {n.name}：{n.text}</li>)}
            </ul>
          )}
        </>
      )}
      <p class="ob-report-actions">
        {printable && <a href={printable} target="_blank" data-testid="printable-report">{ot("printable")}</a>}
        {canFinalize && status === "ended" && (
          <button class="primary" data-action="finalize" disabled={busy} onClick={onFinalize}>{ot("finalize")}</button>
        )}
      </p>
    </div>
  );
}

async function printablePage(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  } catch (error) {
    throw new ApiError("network", String(error));
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(problem?.code ?? String(response.status), problem?.detail ?? response.statusText);
  }
  return response.text();
}
