import { useEffect, useRef, useState } from "preact/hooks";
import { strings, t } from "../i18n";
import type { AnnouncementEvent, CandidateProgress, StatusCounts } from "../live/events.generated";
import { LiveConnection } from "../live/liveConnection";
import { Joined, StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { navigate } from "../router";
import { ErrorLine } from "./ErrorLine";

/** The proctor's snapshot: its lines and counts are the shapes progress.updated carries. */
interface Snapshot {
  exam: { id: string; title: string; subject: string; status: string; opensAt: string; durationMinutes: number };
  announcements: AnnouncementEvent[];
  students: CandidateProgress[];
  counts: StatusCounts;
}

/** The proctor's live roster (PROTOCOL §5): Join's snapshot, then throttled progress.updated lines. */
export function ExamProctor({ examId }: { examId: string }) {
  const [state, setState] = useState<Snapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const live = useRef<LiveConnection | null>(null);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/exam");
    live.current = connection;
    const follower = new StreamFollower<Snapshot>(connection, `exams/${examId}`, examId, "Sync", {
      snapshot: setState,
      event: (e) => {
        const event = typed(e, "announcement");
        if (event) setState((s) => (s ? { ...s, announcements: [...s.announcements, event.data] } : s));
      },
      ephemeral: (e) => {
        const event = typed(e, "progress.updated");
        if (event) setState((s) => (s ? progress(s, event.data.students, event.data.counts) : s));
      },
    });
    const join = async () => follower.joined(await connection.call<Joined<Snapshot>>("Join", examId));
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [examId]);

  async function forceSubmit(studentId: string) {
    setConfirming(null);
    setError(null);
    try {
      const line = await live.current!.invoke<CandidateProgress>("ForceSubmit", examId, studentId);
      setState((s) => (s ? { ...s, students: s.students.map((x) => (x.studentId === studentId ? line : x)) } : s));
    } catch (failure) {
      setError(failure);
    }
  }

  if (!state) {
    return (
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
        {error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}
      </section>
    );
  }
  const names = strings().statusNames;
  return (
    <section class="card wide">
      <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
      <h1>{state.exam.title}</h1>
      <p class="counts" data-testid="counts">
        {(["absent", "active", "paused", "submitted"] as const).map((k) => (
          <span class={`count ${k}`} data-count={k}>{names[k]} {state.counts[k]}</span>
        ))}
      </p>
      <ErrorLine error={error} />
      <h2>{t("roster")}</h2>
      <table class="roster" data-testid="roster">
        <thead>
          <tr><th>{t("studentId")}</th><th>{t("name")}</th><th>{t("status")}</th><th>{t("answered")}</th><th>{t("focusLosses")}</th><th>{t("lastSeen")}</th><th /></tr>
        </thead>
        <tbody>
          {state.students.map((s) => (
            <tr key={s.studentId} data-student={s.studentId} data-status={s.status}>
              <td>{s.studentId}</td>
              <td>{s.name}</td>
              <td><span class={`status ${s.status}`}>{names[s.status] ?? s.status}</span></td>
              <td data-answered>{s.answered}</td>
              <td>{s.focusLosses}</td>
              <td>{s.lastSeenAt ? new Date(s.lastSeenAt).toLocaleTimeString() : "—"}</td>
              <td>
                {(s.status === "active" || s.status === "paused") &&
                  (confirming === s.studentId ? (
                    <>
                      <button class="primary" data-action="confirm-force-submit" onClick={() => forceSubmit(s.studentId)}>{t("forceSubmit")}</button>
                      <button onClick={() => setConfirming(null)}>{t("back")}</button>
                    </>
                  ) : (
                    <button data-action="force-submit" onClick={() => setConfirming(s.studentId)}>{t("forceSubmit")}</button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function progress(s: Snapshot, changed: CandidateProgress[], counts: StatusCounts): Snapshot {
  const byId = new Map(changed.map((line) => [line.studentId, line]));
  const students = s.students.map((line) => byId.get(line.studentId) ?? line);
  for (const line of changed) if (!s.students.some((x) => x.studentId === line.studentId)) students.push(line);
  return { ...s, students, counts };
}
