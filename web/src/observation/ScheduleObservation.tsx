import { useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import { useSignal } from "../signal";
import { ot } from "./strings";
import "./observation.css";

interface Member { userId: string; name: string; county: string }
interface Props { groupId: string; subject: string; grade: string; members: Member[]; isLeader: boolean }

/**
 * Schedules a lesson observation in the group space (default rubric). The leader may schedule anyone's lesson; any
 * other member only their own, which is all the teacher list then offers (the grain decides either way).
 */
export function ScheduleObservation({ groupId, subject, grade, members, isLeader }: Props) {
  const me = useSignal(session)!.user;
  const choices = isLeader ? members : members.filter((m) => m.userId === me.userId);
  const [form, setForm] = useState({ title: "", teacherId: "", subject, grade, startsAt: inAnHour() });
  const [error, setError] = useState<unknown>(null);
  const field = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const teacherId = form.teacherId || choices[0]?.userId || "";

  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", `/api/groups/${encodeURIComponent(groupId)}/observations`, {
        title: form.title,
        teacherId,
        subject: form.subject,
        grade: form.grade,
        startsAt: new Date(form.startsAt).toISOString(),
      });
      navigate(`/observations/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <details>
      <summary>{ot("schedule")}</summary>
      <form class="form" onSubmit={create} data-testid="schedule-observation">
        <label>{ot("title")}<input name="observationTitle" required maxLength={100} value={form.title} onInput={field("title")} /></label>
        <label>
          {ot("observedTeacher")}
          <select name="teacherId" value={teacherId} onChange={field("teacherId")}>
            {choices.map((m) => <option key={m.userId} value={m.userId}>{m.name}（{m.county}）</option>)}
          </select>
        </label>
        <label>{ot("startsAt")}<input name="startsAt" type="datetime-local" required value={form.startsAt} onInput={field("startsAt")} /></label>
        <div class="ob-pair">
          <label>{t("subject")}<input name="observationSubject" required maxLength={50} value={form.subject} onInput={field("subject")} /></label>
          <label>{t("grade")}<input name="observationGrade" required maxLength={50} value={form.grade} onInput={field("grade")} /></label>
        </div>
        <button type="submit">{ot("create")}</button>
      </form>
      <ErrorLine error={error} />
    </details>
  );
}

/** The local time an hour from now, in the format a datetime-local input takes. */
function inAnHour(): string {
  const at = new Date(Date.now() + 3_600_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
