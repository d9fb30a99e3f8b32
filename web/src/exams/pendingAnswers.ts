/**
 * The answers of an attempt the server has not yet acknowledged (PROTOCOL §5, resend contract): the latest save per
 * question with its command id, kept in the browser so that a reload or a crashed tab sends them again with the SAME
 * clientId/clientSeq. Pure: the screen keeps the list, answerStore.ts keeps it in IndexedDB.
 */
export interface PendingAnswer {
  /** Whose attempt: `${userId}/${examId}`, so one shared computer never resends another student's answers. */
  attempt: string;
  questionId: string;
  answer: unknown;
  clientId: string;
  clientSeq: number;
  /** Set when the server refused the save for good; such an entry is shown with its error and not resent. */
  failure?: { code: string; message: string };
}

export const attemptKey = (userId: string, examId: string) => `${userId}/${examId}`;

/** A new save replaces the question's earlier unsent one: only the newest answer of a question is ever resent. */
export function enqueue(queue: readonly PendingAnswer[], entry: PendingAnswer): PendingAnswer[] {
  return [...queue.filter((p) => p.questionId !== entry.questionId), entry];
}

/** The server stored (or already had) this save; a newer one typed since stays queued. */
export function acknowledge(queue: readonly PendingAnswer[], questionId: string, clientSeq: number): PendingAnswer[] {
  return queue.filter((p) => !(p.questionId === questionId && p.clientSeq === clientSeq));
}

/** The server refused this save for a reason a resend cannot change; it stays, with the error, until the next answer. */
export function refuse(queue: readonly PendingAnswer[], questionId: string, clientSeq: number, failure: { code: string; message: string }): PendingAnswer[] {
  return queue.map((p) => (p.questionId === questionId && p.clientSeq === clientSeq ? { ...p, failure } : p));
}

/**
 * What to send again, oldest command first: one client's commands reach the attempt in the order it issued them, so
 * the server's rule that a client's older save never replaces its newer one holds for resends too.
 */
export function toResend(queue: readonly PendingAnswer[]): PendingAnswer[] {
  return queue.filter((p) => !p.failure).sort((a, b) => a.clientId.localeCompare(b.clientId) || a.clientSeq - b.clientSeq);
}

/** What a refused save means for the queue. */
export type Outcome = "retry" | "failed" | "over";

/**
 * A lost connection, a storage hiccup and a pause (the clock stops, answers wait) are sent again; a submitted attempt
 * (also by the deadline) ends the queue; anything else is the answer's own fault and shown with it.
 */
export function outcomeOf(code: string): Outcome {
  switch (code) {
    case "network":
    case "unavailable":
    case "internal":
    case "rate_limited":
    case "conflict":
      return "retry";
    case "deadline_passed":
    case "closed":
      return "over";
    default:
      return "failed";
  }
}

/** The attempt has ended on the server's clock (`serverNow`, ms) at a known deadline: unsent answers are too late. */
export function tooLate(deadline: number, serverNow: number): boolean {
  return deadline > 0 && serverNow >= deadline;
}

/** The answers to show on a (re)start: the server's, and over them every unsent one, typed since it could be reached. */
export function overlay(serverAnswers: Record<string, unknown>, queue: readonly PendingAnswer[]): Record<string, unknown> {
  const merged = { ...serverAnswers };
  for (const p of queue) merged[p.questionId] = p.answer;
  return merged;
}
