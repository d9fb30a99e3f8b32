import type { PendingAnswer } from "./pendingAnswers";

/**
 * The browser's copy of an attempt's unsent answers and review flags, in IndexedDB so that they outlive a reload and a
 * crashed tab (sessionStorage does not outlive the tab). Where IndexedDB cannot be opened (a locked-down browser),
 * every call resolves without storing and the page keeps them in memory for as long as it lives.
 */
const dbName = "collab-exam-paper";
const pending = "pending";
const flags = "flags";

let opened: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    if (typeof indexedDB === "undefined") return resolve(null);
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(pending, { keyPath: ["attempt", "questionId"] }).createIndex("attempt", "attempt");
      db.createObjectStore(flags, { keyPath: "attempt" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opened;
}

/** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
async function run<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await database();
  if (!db) return undefined;
  return new Promise((resolve) => {
    const tx = db.transaction(stores, mode);
    const request = work(tx);
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => resolve(undefined);
    tx.onabort = () => resolve(undefined);
  });
}

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
