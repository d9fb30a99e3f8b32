import { useState } from "preact/hooks";
import type { AnnouncementEvent } from "../live/events.generated";
import { ErrorLine } from "../screens/ErrorLine";
import type { ProctorRoom } from "./proctorView";
import { r } from "./roomStrings";

/**
 * The announcements the proctor's candidates heard, and a form for a new one (PROTOCOL §7): the author or an admin
 * announces to everyone or to one room; a room's proctor to their room, naming it when they have several.
 */
export function ProctorAnnouncements({ announcements, rooms, everyone, defaultRoom, announce }: {
  announcements: AnnouncementEvent[];
  rooms: ProctorRoom[];
  everyone: boolean;
  defaultRoom: string;
  announce: (text: string, roomId: string | null) => Promise<void>;
}) {
  const [text, setText] = useState("");
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const target = to ?? (everyone ? defaultRoom : defaultRoom || rooms[0]?.id || "");
  const roomName = (id: string | null) => (id ? rooms.find((room) => room.id === id)?.name ?? id : r("toEveryone"));

  async function send(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await announce(text, target || null);
      setText("");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="announcements" data-testid="announcements">
      <h2>{r("announce")}</h2>
      <ul class="plain">
        {announcements.map((a) => (
          <li data-announcement={a.roomId ?? ""}><span class="muted">{new Date(a.at).toLocaleTimeString()} · {roomName(a.roomId)}</span> {a.text}</li>
        ))}
      </ul>
      <form class="form inline" onSubmit={send}>
        {(everyone || rooms.length > 1) && (
          <label>{r("announceTo")}
            <select name="announceTo" value={target} onChange={(e) => setTo((e.target as HTMLSelectElement).value)}>
              {everyone && <option value="">{r("toEveryone")}</option>}
              {rooms.map((room) => <option value={room.id}>{room.name}</option>)}
            </select>
          </label>
        )}
        <label>{r("announcementText")}
          <input name="announcement" maxLength={500} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" data-action="announce" disabled={busy || !text.trim()}>{r("announce")}</button>
      </form>
      <ErrorLine error={error} />
    </section>
  );
}
