import { useEffect, useRef, useState } from "preact/hooks";
import { LiveConnection } from "../live/liveConnection";
import { Joined, StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session as currentSession } from "../session";
import { useSignal } from "../signal";
import { AssistantPanel } from "./AssistantPanel";
import { applyClassPresence, applyClassroomEvent, classroomEventTypes, ClassroomView } from "./classroomState";
import { HostPanel } from "./HostPanel";
import { ct } from "./strings";
import { StudentPanel } from "./StudentPanel";
import "./classroom.css";

export type Run = (method: string, ...args: unknown[]) => Promise<boolean>;

/** A 1+X classroom over /hubs/classroom (PROTOCOL §8): the host's screen, a class teacher's, or a student's phone. */
export function ClassroomScreen({ classroomId }: { classroomId: string }) {
  const me = useSignal(currentSession)!.user;
  const [view, setView] = useState<ClassroomView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const live = useRef<LiveConnection | null>(null);
  const isHost = useRef(false);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/classroom");
    live.current = connection;
    const follower = new StreamFollower<ClassroomView>(connection, `classroom/${classroomId}`, classroomId, "Sync", {
      snapshot: (snapshot) => setView(snapshot),
      event: (e) => {
        const event = typed(e, ...classroomEventTypes);
        if (!event) return;
        setView((v) => (v ? applyClassroomEvent(v, event) : v));
        // The pushed event carries no key, not even to the host: the host's own snapshot does.
        if (event.type === "question.pushed" && isHost.current) void join().catch(setError);
      },
      ephemeral: (e) => {
        const event = typed(e, "class.presence");
        if (event) setView((v) => (v ? applyClassPresence(v, event.data.classId, event.data.online) : v));
      },
    }, true); // answers and tallies go to one student or the staff: the lesson's steps are chained by prev (PROTOCOL §8)
    const join = async () => {
      const joined = await connection.call<Joined<ClassroomView>>("Join", classroomId);
      isHost.current = joined.snapshot.role === "host";
      follower.joined(joined);
    };
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [classroomId]);

  const run: Run = async (method, ...args) => {
    setError(null);
    try {
      await live.current!.invoke(method, classroomId, ...args);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

  if (!view) {
    return (
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {ct("back")}</button>
        {error ? <ErrorLine error={error} /> : <p class="muted">{ct("loading")}</p>}
      </section>
    );
  }

  return (
    <div class="classroom" data-testid="classroom" data-role={view.role}>
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {ct("back")}</button>
        <h1 data-testid="classroom-title">{view.title}</h1>
        <p class="muted">
          {view.subject} · {view.hostName} ·{" "}
          <span class="status" data-testid="classroom-status" data-status={view.status}>
            {ct(`status_${view.status}` as Parameters<typeof ct>[0])}
          </span>
        </p>
        {view.role === "host" && view.status === "scheduled" && (
          <button type="button" class="primary" data-testid="start" onClick={() => run("Start")}>{ct("start")}</button>
        )}
        {view.role === "host" && view.status === "live" && (
          <button type="button" data-testid="end" onClick={() => run("End")}>{ct("end")}</button>
        )}
        <ErrorLine error={error} />
      </section>
      {view.role === "host" && <HostPanel classroomId={classroomId} view={view} run={run} />}
      {(view.role === "teacher" || view.role === "admin") && <AssistantPanel view={view} me={me.userId} run={run} />}
      {view.role === "student" && <StudentPanel view={view} run={run} />}
    </div>
  );
}
