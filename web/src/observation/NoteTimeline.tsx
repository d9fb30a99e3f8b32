import { useState } from "preact/hooks";
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

  async function send(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft("");
    setError(null);
    try {
      await addNote(text, isPrivate ? "private" : "public");
    } catch (failure) {
      setDraft(text);
      setError(failure);
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
