import { BrowserStore } from "../live/browserStore";
import type { PendingAnswer } from "./pendingAnswers";

/** The browser's copy of an attempt's unsent answers and review flags (see BrowserStore). */
const pending = "pending";
const flags = "flags";

const store = new BrowserStore("collab-exam-paper", 1, (db) => {
  db.createObjectStore(pending, { keyPath: ["attempt", "questionId"] }).createIndex("attempt", "attempt");
  db.createObjectStore(flags, { keyPath: "attempt" });
});
const run = store.run.bind(store);

export function loadPending(attempt: string): Promise<PendingAnswer[]> {
  return run<PendingAnswer[]>([pending], "readonly", (tx) => tx.objectStore(pending).index("attempt").getAll(attempt)).then((r) => r ?? []);
}

export function putPending(entry: PendingAnswer): Promise<unknown> {
  return run([pending], "readwrite", (tx) => void tx.objectStore(pending).put(entry));
}

/** Removes a question's entry only if it is still this save: a newer answer written meanwhile stays. */
export function removePending(attempt: string, questionId: string, clientSeq: number): Promise<unknown> {
  return run([pending], "readwrite", (tx) => {
    const store = tx.objectStore(pending);
    const read = store.get([attempt, questionId]);
    read.onsuccess = () => {
      if ((read.result as PendingAnswer | undefined)?.clientSeq === clientSeq) store.delete([attempt, questionId]);
    };
  });
}

export function loadFlags(attempt: string): Promise<string[]> {
  return run<{ attempt: string; questions: string[] } | undefined>([flags], "readonly", (tx) => tx.objectStore(flags).get(attempt)).then(
    (r) => r?.questions ?? [],
  );
}

export function saveFlags(attempt: string, questions: string[]): Promise<unknown> {
  return run([flags], "readwrite", (tx) => void tx.objectStore(flags).put({ attempt, questions }));
}

/** A submitted attempt keeps nothing in the browser: its answers are the server's now. */
export function clearAttempt(attempt: string): Promise<unknown> {
  return run([pending, flags], "readwrite", (tx) => {
    tx.objectStore(pending).delete(IDBKeyRange.bound([attempt, ""], [attempt, "\uffff"]));
    tx.objectStore(flags).delete(attempt);
  });
}
