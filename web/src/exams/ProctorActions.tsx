import { useState } from "preact/hooks";
import { t } from "../i18n";
import type { CandidateProgress } from "../live/events.generated";
import { ErrorLine } from "../screens/ErrorLine";
import { r } from "./roomStrings";

/** A proctor's call on one candidate (PROTOCOL §7); it resolves to the candidate's new line or throws the refusal. */
export type Act = (method: "Pause" | "Resume" | "ExtendTime" | "ForceSubmit", studentId: string, extra?: { minutes?: number; reason?: string }) => Promise<void>;

type Open = null | "pause" | "extend" | "submit";

/**
 * The actions on one candidate's roster line: pause (with a reason), resume, extra time (minutes and a reason),
 * collecting the paper (confirmed, with a reason the student is shown if one is given). A pause or extra time without
 * a reason is refused here, before it is sent: the server would refuse it too (invalid_argument), and the reason is
 * what an appeal reads later.
 */
export function ProctorActions({ line, act }: { line: CandidateProgress; act: Act }) {
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState("5");
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const writing = line.status === "active" || line.status === "paused";
  if (!writing) return null;

  function show(next: Open) {
    setOpen(next);
    setReason("");
    setMissing(false);
    setError(null);
  }

  async function run(call: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      show(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function confirm(e: Event) {
    e.preventDefault();
    if (open === "submit") return void run(() => act("ForceSubmit", line.studentId, reason.trim() ? { reason } : {}));
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    void run(() => open === "pause"
      ? act("Pause", line.studentId, { reason })
      : act("ExtendTime", line.studentId, { minutes: Number(minutes), reason }));
  }

  return (
    <div class="proctor-actions" data-actions={line.studentId}>
      {open === null ? (
        <>
          {line.status === "active" && <button type="button" data-action="pause" onClick={() => show("pause")}>{r("pause")}</button>}
          {line.status === "paused" && (
            <button type="button" data-action="resume" disabled={busy} onClick={() => run(() => act("Resume", line.studentId))}>{r("resume")}</button>
          )}
          <button type="button" data-action="extend" onClick={() => show("extend")}>{r("extend")}</button>
          <button type="button" data-action="force-submit" onClick={() => show("submit")}>{t("forceSubmit")}</button>
        </>
      ) : (
        <form class="action-form" data-open={open} onSubmit={confirm}>
          {open === "extend" && (
            <label>{r("minutes")}<input name="minutes" type="number" min={1} max={120} value={minutes}
              onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} /></label>
          )}
          <label>{open === "submit" ? r("reasonOptional") : r("reason")}<input name="reason" maxLength={500} value={reason}
            onInput={(e) => { setReason((e.target as HTMLInputElement).value); setMissing(false); }} /></label>
          <button type="submit" class="primary" data-action={`confirm-${open === "submit" ? "force-submit" : open}`} disabled={busy}>
            {open === "submit" ? t("forceSubmit") : r("confirm")}
          </button>
          <button type="button" onClick={() => show(null)}>{r("cancel")}</button>
          {missing && <p class="error" role="alert" data-refusal="reason">{r("reasonRequired")}</p>}
        </form>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
