import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import { useSignal } from "../signal";
import type { RoomInfo } from "./roomState";
import { tt } from "./strings";
import "./tutoring.css";

interface SessionRecord { sessionId: string; roomId: string; roomTitle: string; tutorName: string; topic: string; startedAt: string; notes: string | null }
interface Listing { roomId: string; title: string; subject: string; tutorName: string; slotMinutes: number; queueLength: number; inSession: boolean }

const refreshMs = 5000;

const go = (roomId: string) => (e: Event) => {
  e.preventDefault();
  navigate(`/tutoring/${encodeURIComponent(roomId)}`);
};

/** The home page's tutoring card: a teacher's rooms and a form for a new one; for students, open rooms by subject. */
export function TutoringCard() {
  const user = useSignal(session)!.user;
  return (
    <section class="card" data-testid="tutoring-card">
      <h2>{tt("tutoring")}</h2>
      {user.role === "student" ? <><FindRooms /><MySessions /></> : <MyRooms />}
    </section>
  );
}

function MyRooms() {
  const [rooms, setRooms] = useState<RoomInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ title: "", subject: "", slotMinutes: "20" });
  useEffect(() => {
    rest<RoomInfo[]>("GET", "/api/me/tutoring/rooms").then(setRooms, setError);
  }, []);
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", "/api/tutoring/rooms", { title: form.title, subject: form.subject, slotMinutes: Number(form.slotMinutes) });
      navigate(`/tutoring/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure);
    }
  }
  const field = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  return (
    <>
      <h3>{tt("myRooms")}</h3>
      {rooms === null ? (
        <p class="muted">{tt("loading")}</p>
      ) : rooms.length === 0 ? (
        <p class="muted">{tt("noRooms")}</p>
      ) : (
        <ul class="list" data-testid="my-rooms">
          {rooms.map((r) => (
            <li key={r.id}>
              <a href={`/tutoring/${encodeURIComponent(r.id)}`} onClick={go(r.id)}>{r.title}</a>
              <span class="muted"> {r.subject} · {tt("minutes", { n: r.slotMinutes })} · </span>
              <span class={r.open ? "status open" : "status"}>{r.open ? tt("open") : tt("closed")}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{tt("createRoom")}</h3>
      <form class="form" onSubmit={create} data-testid="create-room">
        <label>{tt("roomTitle")}<input name="title" required maxLength={100} value={form.title} onInput={field("title")} /></label>
        <label>{tt("subject")}<input name="subject" required maxLength={50} value={form.subject} onInput={field("subject")} /></label>
        <label>{tt("slotMinutes")}<input name="slotMinutes" type="number" required min={1} max={120} value={form.slotMinutes} onInput={field("slotMinutes")} /></label>
        <button type="submit" class="primary">{tt("create")}</button>
      </form>
      <ErrorLine error={error} />
    </>
  );
}

function FindRooms() {
  const [subject, setSubject] = useState("");
  const [rooms, setRooms] = useState<Listing[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const filter = useRef("");
  const search = (value: string) => {
    filter.current = value.trim();
    setError(null);
    rest<Listing[]>("GET", `/api/tutoring/rooms${filter.current ? `?subject=${encodeURIComponent(filter.current)}` : ""}`).then(setRooms, setError);
  };
  useEffect(() => {
    search("");
    // Queue lengths change all the time and the listing has no event stream: look again every few seconds.
    const refresh = setInterval(() => search(filter.current), refreshMs);
    return () => clearInterval(refresh);
  }, []);
  return (
    <>
      <form class="form inline" onSubmit={(e) => { e.preventDefault(); search(subject); }} data-testid="find-rooms">
        <label>{tt("subjectFilter")}<input name="subject" maxLength={50} value={subject} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">{tt("search")}</button>
      </form>
      {rooms === null ? (
        <p class="muted">{tt("loading")}</p>
      ) : rooms.length === 0 ? (
        <p class="muted">{tt("noOpenRooms")}</p>
      ) : (
        <ul class="rooms" data-testid="open-rooms">
          {rooms.map((r) => (
            <li key={r.roomId} data-room={r.roomId} data-queue={r.queueLength}>
              <div>
                <strong>{r.title}</strong>
                <div class="muted">{r.subject} · {r.tutorName} · {tt("minutes", { n: r.slotMinutes })}</div>
                <div class="muted">{tt("waiting", { n: r.queueLength })}{r.inSession ? ` · ${tt("inSession")}` : ""}</div>
              </div>
              <a class="button primary" href={`/tutoring/${encodeURIComponent(r.roomId)}`} onClick={go(r.roomId)}>{tt("enter")}</a>
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
    </>
  );
}

/** A student's own finished sessions, newest first, with what the tutor wrote for them. */
function MySessions() {
  const [sessions, setSessions] = useState<SessionRecord[]>([]);
  useEffect(() => {
    rest<SessionRecord[]>("GET", "/api/me/tutoring/sessions").then(setSessions, () => undefined);
  }, []);
  if (sessions.length === 0) return null;
  return (
    <>
      <h3>{tt("mySessions")}</h3>
      <ul class="list my-sessions" data-testid="my-sessions">
        {sessions.slice(0, 5).map((s) => (
          <li key={`${s.roomId}/${s.sessionId}`}>
            {s.roomTitle} · {s.tutorName} · {s.topic} <span class="muted">{new Date(s.startedAt).toLocaleString()}</span>
            {s.notes && <p class="note muted">{tt("tutorNotes", { notes: s.notes })}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
