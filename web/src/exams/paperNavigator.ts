/**
 * The question navigator of a student's paper: per question whether it is answered, flagged for review and saved on
 * the server, and what the confirmation before submitting lists. Pure; the screen renders it.
 */
export type SaveMark = "saved" | "saving" | "pending" | "error" | "none";

export interface QuestionMark {
  id: string;
  /** 1-based, in the student's order. */
  n: number;
  answered: boolean;
  flagged: boolean;
  save: SaveMark;
}

export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.some((v) => v !== "");
  return true;
}

/** An answer is unsaved while the server has not acknowledged it: on its way, waiting for the connection, or refused. */
export const isUnsaved = (save: SaveMark) => save === "saving" || save === "pending" || save === "error";

export function questionMarks(
  paper: readonly { id: string }[],
  answers: Record<string, unknown>,
  flagged: ReadonlySet<string>,
  saves: Record<string, SaveMark | undefined>,
): QuestionMark[] {
  return paper.map((q, i) => ({
    id: q.id,
    n: i + 1,
    answered: isAnswered(answers[q.id]),
    flagged: flagged.has(q.id),
    save: saves[q.id] ?? "none",
  }));
}

/** Flags one more question, or unflags it; kept in paper order so the stored list is stable. */
export function toggleFlag(flagged: readonly string[], questionId: string, paper: readonly { id: string }[]): string[] {
  const next = new Set(flagged);
  if (next.has(questionId)) next.delete(questionId);
  else next.add(questionId);
  return paper.map((q) => q.id).filter((id) => next.has(id));
}

/** What the confirmation before submitting names, by question number. */
export interface SubmitSummary {
  unanswered: number[];
  flagged: number[];
  unsaved: number[];
}

export function submitSummary(marks: readonly QuestionMark[]): SubmitSummary {
  return {
    unanswered: marks.filter((m) => !m.answered).map((m) => m.n),
    flagged: marks.filter((m) => m.flagged).map((m) => m.n),
    unsaved: marks.filter((m) => isUnsaved(m.save)).map((m) => m.n),
  };
}

/** The question after or before `current` (wrapping), for the navigator's arrow keys. */
export function step(marks: readonly QuestionMark[], current: string | null, by: 1 | -1): string | null {
  if (!marks.length) return null;
  const at = marks.findIndex((m) => m.id === current);
  if (at < 0) return marks[by === 1 ? 0 : marks.length - 1].id;
  return marks[(at + by + marks.length) % marks.length].id;
}
