import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { AccessLost } from "../live/AccessLost";
import { LiveConnection } from "../live/liveConnection";
import { typed } from "../live/typedEvent";
import { Joined, StreamFollower } from "../live/streamFollower";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { nextCommand, session } from "../session";
import { useSignal } from "../signal";
import { AggregateChart } from "./AggregateChart";
import type { LessonTimes, MyRating, Note, Report, Rubric, Snapshot } from "./model";
import { applyEvent, clock, observationEventTypes, presence, withNote, withTimes } from "./model";
import { NoteTimeline } from "./NoteTimeline";
import { RatingForm } from "./RatingForm";
import { ReportPanel } from "./ReportPanel";
import { RubricEditor } from "./RubricEditor";
import { ot } from "./strings";
import "./observation.css";

interface JoinedAt<S> extends Joined<S> { serverNow: string }

/**
 * One observed lesson over /hubs/observation (PROTOCOL §3): its state, start and end, the notes timeline, the rating
 * form, the live aggregate chart and, after the lesson, the report.
 */
export function ObservationScreen({ observationId }: { observationId: string }) {
  const me = useSignal(session)!.user;
  const [state, setState] = useState<Snapshot | null>(null);
  const [isLeader, setLeader] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [revoked, setRevoked] = useState(false);
  const [skew, setSkew] = useState(0);
  const live = useRef<LiveConnection | null>(null);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/observation");
    live.current = connection;
    const follower = new StreamFollower<Snapshot>(connection, `observations/${observationId}`, observationId, "Sync", {
      snapshot: setState,
      event: (e) => {
        const event = typed(e, ...observationEventTypes);
        if (event) setState((s) => (s ? applyEvent(s, event) : s));
      },
      ephemeral: (e) => {
        const event = typed(e, "access.revoked", "presence.changed");
        if (event?.type === "access.revoked") {
          setRevoked(true);
          void connection.stop();
        } else if (event?.type === "presence.changed") {
          const { userId, online } = event.data;
          setState((s) => (s ? presence(s, userId, online) : s));
        }
      },
    });
    const join = async () => {
      const joined = await connection.call<JoinedAt<Snapshot>>("Join", observationId);
      // The server's clock runs the lesson timer; this tab's clock may be off by any amount.
      setSkew(Date.parse(joined.serverNow) - Date.now());
      follower.joined(joined);
    };
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [observationId]);

  // Start, End and Finalize belong to the observed teacher and the group leader; the group says who leads it.
  const groupId = state?.groupId;
  useEffect(() => {
    if (!groupId) return;
    rest<{ myRole: string | null }>("GET", `/api/groups/${encodeURIComponent(groupId)}`)
      .then((group) => setLeader(group.myRole === "leader"))
      .catch(() => setLeader(false));
  }, [groupId]);

  async function command<T>(run: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await run();
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  }

  const hub = () => live.current!;
  const changeLesson = (method: "Start" | "End") =>
    command(async () => {
      const times = await hub().invoke<LessonTimes>(method, observationId);
      setState((s) => (s ? withTimes(s, times) : s));
    });

  async function addNote(text: string, visibility: "public" | "private") {
    const answer = await hub().invoke<{ noteId: string; at: string; offsetSeconds: number }>(
      "AddNote", observationId, { ...nextCommand(), text, visibility });
    const note: Note = { id: answer.noteId, userId: me.userId, name: me.name, text, at: answer.at, offsetSeconds: answer.offsetSeconds, visibility };
    setState((s) => (s ? { ...s, notes: withNote(s.notes, note) } : s));
  }

  async function rate(scores: Record<string, number>, comment: string) {
    const answer = await hub().invoke<{ ratedAt: string; weightedTotal: number }>(
      "Rate", observationId, { ...nextCommand(), scores, comment: comment || undefined });
    const mine: MyRating = { scores, comment, ratedAt: answer.ratedAt, weightedTotal: answer.weightedTotal };
    setState((s) => (s ? { ...s, myRating: mine } : s));
  }

  async function saveRubric(rubric: Rubric) {
    const saved = await hub().invoke<{ rubric: Rubric }>("SetRubric", observationId, rubric);
    setState((s) => (s ? { ...s, rubric: saved.rubric } : s));
  }

  const finalize = () => hub().invoke<Report>("FinalizeReport", observationId);

  if (revoked) return <AccessLost message={t("accessRevoked")} />;
  if (!state) {
    return (
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
        {error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}
      </section>
    );
  }

  const isObservedTeacher = state.teacherId === me.userId;
  const canManage = isObservedTeacher || isLeader || me.role === "admin";
  return (
    <div class="ob-screen" data-testid="observation" data-status={state.status}>
      <section class="card ob-head">
        <button class="link" onClick={() => navigate(`/groups/${encodeURIComponent(state.groupId)}`)}>← {ot("backToGroup")}</button>
        <h1 data-testid="observation-title">{state.title}</h1>
        <p class="muted">
          {state.subject} · {state.grade} · {ot("observedTeacher")}：{state.teacherName} · {ot("online", { n: state.online.length })}
        </p>
        <div class="ob-status-line">
          <span class={`ob-status ${state.status}`} data-testid="status">{ot(`status_${state.status}`)}</span>
          {state.status === "scheduled" && <span class="muted">{ot("startsAtLine", { time: new Date(state.startsAt).toLocaleString() })}</span>}
          {state.status === "live" && state.startedAt && <LessonClock startedAt={state.startedAt} skew={skew} />}
          {state.status !== "scheduled" && state.status !== "live" && state.startedAt && state.endedAt && (
            <span class="muted">{clock((Date.parse(state.endedAt) - Date.parse(state.startedAt)) / 1000)}</span>
          )}
          {canManage && state.status === "scheduled" && (
            <button class="primary" data-action="start" onClick={() => changeLesson("Start")}>{ot("start")}</button>
          )}
          {canManage && state.status === "live" && (
            <button data-action="end" onClick={() => changeLesson("End")}>{ot("end")}</button>
          )}
        </div>
        {canManage && state.status === "scheduled" && <RubricEditor rubric={state.rubric} save={saveRubric} />}
        <ErrorLine error={error} />
      </section>
      <section class="card ob-timeline">
        <h2>{ot("notes")}</h2>
        <NoteTimeline notes={state.notes} status={state.status} myUserId={me.userId} addNote={addNote} />
      </section>
      <section class="card ob-aggregate">
        <h2>{ot("aggregate")}</h2>
        <AggregateChart dimensions={state.rubric.dimensions} aggregate={state.aggregate} />
      </section>
      <section class="card ob-rate">
        <h2>{ot("rate")}</h2>
        <RatingForm rubric={state.rubric} status={state.status} isObservedTeacher={isObservedTeacher} myRating={state.myRating} rate={rate} />
      </section>
      <section class="card ob-report-card">
        <h2>{ot("report")}</h2>
        <ReportPanel observationId={observationId} status={state.status} aggregate={state.aggregate} canFinalize={canManage} finalize={finalize} />
      </section>
    </div>
  );
}

function LessonClock({ startedAt, skew }: { startedAt: string; skew: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span class="ob-clock" data-testid="lesson-clock">{ot("elapsed", { time: clock((now + skew - Date.parse(startedAt)) / 1000) })}</span>;
}
