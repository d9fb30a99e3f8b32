import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import type { AnnouncementEvent, CandidateProgress } from "../live/events.generated";
import { LiveConnection } from "../live/liveConnection";
import { Joined, StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { navigate } from "../router";
import { AccommodationForm } from "../exams/AccommodationForm";
import { IrregularityLog } from "../exams/IrregularityLog";
import type { Act } from "../exams/ProctorActions";
import { ProctorAnnouncements } from "../exams/ProctorAnnouncements";
import { ProctorRoster } from "../exams/ProctorRoster";
import { ProctorSnapshot, withLines } from "../exams/proctorView";
import { r } from "../exams/roomStrings";
import { ErrorLine } from "./ErrorLine";
import "../exams/exams.css";

/**
 * The proctor's live screen (PROTOCOL §5 and §7): Join's snapshot, then throttled progress.updated lines. The server
 * sends only the rooms the caller oversees (a room's proctor their rooms, the author and admins all); with several,
 * a picker narrows the roster, the log and the announcement's default room to one.
 */
export function ExamProctor({ examId }: { examId: string }) {
  const [state, setState] = useState<ProctorSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [roomId, setRoomId] = useState("");
  const [logChanged, setLogChanged] = useState(0);
  const live = useRef<LiveConnection | null>(null);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/exam");
    live.current = connection;
    const follower = new StreamFollower<ProctorSnapshot>(connection, `exams/${examId}`, examId, "Sync", {
      snapshot: setState,
      event: (e) => {
        const event = typed(e, "announcement", "irregularity.recorded");
        if (event?.type === "announcement") setState((s) => (s ? { ...s, announcements: [...s.announcements, event.data] } : s));
        if (event?.type === "irregularity.recorded") setLogChanged((n) => n + 1);
      },
      ephemeral: (e) => {
        const event = typed(e, "progress.updated");
        if (event) setState((s) => (s ? withLines(s, event.data.students) : s));
      },
    });
    const join = async () => follower.joined(await connection.call<Joined<ProctorSnapshot>>("Join", examId));
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [examId]);

  const put = (line: CandidateProgress) => setState((s) => (s ? withLines(s, [line]) : s));

  const act: Act = async (method, studentId, extra) => {
    const hub = live.current!;
    put(await hub.invoke<CandidateProgress>(method, examId, { studentId, ...extra }));
  };

  /** The announcement comes back on the exam stream like everyone's, and is shown from there. */
  async function announce(text: string, room: string | null) {
    await live.current!.invoke<AnnouncementEvent>("Announce", examId, room ? { text, roomId: room } : { text });
  }

  const back = <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>;
  if (!state) {
    return <section class="card">{back}{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;
  }
  const rooms = state.rooms ?? [];
  const everyone = state.allRooms ?? true;
  const roomNames = new Map(rooms.map((room) => [room.id, room.name]));
  const lines = roomId ? state.students.filter((line) => line.roomId === roomId) : state.students;
  const inView = new Set(lines.map((line) => line.studentId));
  const announcements = roomId ? state.announcements.filter((a) => a.roomId === null || a.roomId === roomId) : state.announcements;
  return (
    <section class="card wide proctor" data-testid="proctor">
      {back}
      <h1>{state.exam.title}</h1>
      {rooms.length > 1 ? (
        <label class="room-picker">{r("room")}
          <select name="room" data-testid="room-picker" value={roomId} onChange={(e) => setRoomId((e.target as HTMLSelectElement).value)}>
            <option value="">{r("allRooms")}</option>
            {rooms.map((room) => <option value={room.id}>{room.name}</option>)}
          </select>
        </label>
      ) : rooms.length === 1 && <p class="room-name" data-testid="room-name">{r("room")}: {rooms[0].name}</p>}
      <ErrorLine error={error} />
      <h2>{t("roster")}</h2>
      <ProctorRoster lines={lines} rooms={roomNames} act={act} />
      <ProctorAnnouncements announcements={announcements} rooms={rooms} everyone={everyone} defaultRoom={roomId} announce={announce} />
      {everyone && <AccommodationForm examId={examId} studentIds={lines.map((line) => line.studentId)} onSet={put} />}
      <IrregularityLog examId={examId} changed={logChanged} inView={(studentId) => inView.has(studentId)} />
    </section>
  );
}
