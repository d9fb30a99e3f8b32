import { BrowserStore } from "../live/browserStore";
import type { RichSaved } from "./richSectionClient";

/** A rich section's unacknowledged edits as a tab left them, with the stream position they were last caught up at. */
export interface RichDraft {
  /** `${userId}/${planId}/${section}`: one shared computer never resends another teacher's edits. */
  key: string;
  /** The plan's stream seq when saved: a reload asks Sync for the ops since. */
  seq: number;
  saved: RichSaved;
}

export const draftKey = (userId: string, planId: string, section: string) => `${userId}/${planId}/${section}`;

const drafts = "drafts";
const store = new BrowserStore("collab-lessonprep", 1, (db) => void db.createObjectStore(drafts, { keyPath: "key" }));

export function loadDrafts(userId: string, planId: string): Promise<RichDraft[]> {
  const prefix = `${userId}/${planId}/`;
  return store
    .run<RichDraft[]>([drafts], "readonly", (tx) => tx.objectStore(drafts).getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))
    .then((r) => r ?? []);
}

export function putDraft(draft: RichDraft): Promise<unknown> {
  return store.run([drafts], "readwrite", (tx) => void tx.objectStore(drafts).put(draft));
}

export function removeDraft(key: string): Promise<unknown> {
  return store.run([drafts], "readwrite", (tx) => void tx.objectStore(drafts).delete(key));
}
