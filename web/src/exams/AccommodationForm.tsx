import { useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import type { CandidateProgress } from "../live/events.generated";
import { ErrorLine } from "../screens/ErrorLine";
import { r } from "./roomStrings";

/**
 * The author's (or an admin's) accommodation of one rostered student (POST /api/exams/{id}/accommodations, PROTOCOL
 * §7): extra minutes that set, not add to, what the student has; before they start they count from the start. A room's
 * proctor is refused by the server and uses extra time with a reason instead, so only overseers are shown this form.
 */
export function AccommodationForm({ examId, studentIds, onSet }: {
  examId: string;
  studentIds: string[];
  onSet?: (line: CandidateProgress) => void;
}) {
  const [studentId, setStudentId] = useState("");
  const [minutes, setMinutes] = useState("");
  const [done, setDone] = useState<CandidateProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const line = await rest<CandidateProgress>("POST", `/api/exams/${encodeURIComponent(examId)}/accommodations`,
        { studentId: studentId.trim(), extraMinutes: Number(minutes) });
      setDone(line);
      onSet?.(line);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="accommodations" data-testid="accommodations">
      <h2>{r("setAccommodation")}</h2>
      <p class="muted">{r("accommodationHint")}</p>
      <form class="form inline" onSubmit={save}>
        <label>{t("studentId")}
          <input name="accommodationStudent" list={`roster-${examId}`} value={studentId} onInput={(e) => setStudentId((e.target as HTMLInputElement).value)} />
        </label>
        <datalist id={`roster-${examId}`}>{studentIds.slice(0, 500).map((id) => <option value={id} />)}</datalist>
        <label>{r("extraMinutes")}
          <input name="extraMinutes" type="number" min={0} max={600} value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" data-action="set-accommodation" disabled={busy || !studentId.trim() || minutes === ""}>{r("setAccommodation")}</button>
      </form>
      {done && <p class="ok" role="status" data-testid="accommodation-set">{r("accommodationSet", { id: done.studentId, n: done.accommodationMinutes })}</p>}
      <ErrorLine error={error} />
    </section>
  );
}
