import { useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { token } from "../session";
import { s } from "./strings";

const phases = ["drafting", "discussion", "finalized"] as const;

interface Props {
  prepId: string;
  title: string;
  phase: string;
  canLead: boolean;
  canFork: boolean;
  setPhase: (phase: string) => void;
  onError: (error: unknown) => void;
}

/** The plan's phase switch (lead preparer or group leader), export downloads and, once finalized, the fork. */
export function PlanTools(props: Props) {
  const [busy, setBusy] = useState(false);

  // A plain link cannot carry the bearer token, so the file is fetched and handed to the browser as a download.
  async function download(format: "markdown" | "html" | "docx") {
    props.onError(null);
    try {
      const response = await fetch(`/api/lessonpreps/${encodeURIComponent(props.prepId)}/export?format=${format}`, {
        headers: { Authorization: `Bearer ${token()}` },
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new ApiError(problem.code ?? String(response.status), problem.detail ?? response.statusText);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `${props.title}.${{ markdown: "md", html: "html", docx: "docx" }[format]}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      props.onError(failure instanceof ApiError ? failure : new ApiError("network", String(failure)));
    }
  }

  async function fork() {
    setBusy(true);
    props.onError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", `/api/lessonpreps/${encodeURIComponent(props.prepId)}/fork`);
      navigate(`/lessonpreps/${encodeURIComponent(id)}`);
    } catch (failure) {
      props.onError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="plan-tools">
      {props.canLead && (
        <label class="inline-field">
          {s("setPhase")}
          <select name="phase" value={props.phase} onChange={(e) => props.setPhase((e.target as HTMLSelectElement).value)}>
            {phases.map((p) => <option value={p}>{t(`phase_${p}` as any)}</option>)}
          </select>
        </label>
      )}
      <button type="button" data-testid="export-markdown" onClick={() => void download("markdown")}>{s("exportMarkdown")}</button>
      <button type="button" data-testid="export-html" onClick={() => void download("html")}>{s("exportHtml")}</button>
      <button type="button" data-testid="export-docx" onClick={() => void download("docx")}>{s("exportDocx")}</button>
      {props.canFork && (
        <button type="button" class="primary" data-testid="fork" disabled={busy} onClick={() => void fork()}>{s("fork")}</button>
      )}
    </div>
  );
}
