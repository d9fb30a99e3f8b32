import { useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { ErrorLine } from "../screens/ErrorLine";
import type { Note, Status } from "./model";
import { clock } from "./model";
import { ot } from "./strings";

interface Props {
  notes: Note[];
  status: Status;
  myUserId: string;
  addNote: (text: string, visibility: "public" | "private") => Promise<void>;
}

/** The lesson's timeline of notes at their lesson offsets (m:ss), and the box to add one while the lesson is live. */
export function NoteTimeline({ notes, status, myUserId, addNote }: Props) {
  const [draft, setDraft] = useState("");
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Notes on their way (a lost connection holds them until the re-join resends them); shown so nothing seems lost.
  const serial = useRef(0);
  const [sending, setSending] = useState<{ serial: number; text: string; visibility: "public" | "private" }[]>([]);

  async function send(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    const pending = { serial: ++serial.current, text, visibility: isPrivate ? "private" as const : "public" as const };
    setDraft("");
    setError(null);
    setSending((list) => [...list, pending]);
    try {
      await addNote(text, pending.visibility);
    } catch (failure) {
      setDraft(text);
      setError(failure);
    } finally {
      setSending((list) => list.filter((x) => x !== pending));
    }
  }

  return (
    <>
      <ol class="ob-notes" data-testid="notes">
        {notes.length === 0 && <li class="muted">{ot("noNotes")}</li>}
        {notes.map((n) => (
          <li key={n.id} data-note={n.id} data-visibility={n.visibility} class={n.userId === myUserId ? "mine" : ""}>
            <time class="ob-offset" dateTime={n.at} title={new Date(n.at).toLocaleTimeString()}>{clock(n.offsetSeconds)}</time>
            <span class="author">{n.name}</span>
            {n.visibility === "private" && <span class="ob-private">{ot("private")}</span>}
            <p>{n.text}</p>
          </li>
        ))}
        {sending.map((n) => (
          <li key={n.serial} class="mine pending" data-visibility={n.visibility}>
            <span class="ob-offset">…</span>
            <span class="author">{t("sending")}</span>
            <p>{n.text}</p>
          </li>
        ))}
      </ol>
      {status === "live" ? (
        <form class="post ob-note-form" data-testid="note-form" onSubmit={send}>
          <textarea
            name="note"
            rows={2}
            maxLength={2000}
            placeholder={ot("notePlaceholder")}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.isComposing) send(e);
            }}
          />
          <div class="ob-note-actions">
            <label class="ob-check">
              <input type="checkbox" name="private" checked={isPrivate} onChange={(e) => setPrivate((e.target as HTMLInputElement).checked)} />
              {ot("privateNote")}
            </label>
            <button type="submit" class="primary">{ot("send")}</button>
          </div>
        </form>
      ) : (
        <p class="muted">{status === "scheduled" ? ot("notesBeforeStart") : ot("notesClosed")}</p>
      )}
      <ErrorLine error={error} />
    </>
  );
}
