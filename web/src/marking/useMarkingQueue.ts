import { useState } from "preact/hooks";

/** What an area's marking queue calls: the next answer of a question to mark, and storing a mark of one. */
export interface MarkingCalls<T> {
  /** The next task of the question, or null when none is left. */
  next(questionId: string): Promise<T | null>;
  /** Stores the mark; the queue then fetches the next task of the same question. */
  mark(task: T, points: number): Promise<void>;
  maxPoints(task: T): number;
  questionOf(task: T): string;
}

/** Points as a marker types them: 0 up to the question's maximum, at most two decimals. */
export const pointsInBounds = (text: string, max: number) => /^\d+(\.\d{1,2})?$/.test(text.trim()) && Number(text) <= max;

/**
 * One short-answer marking queue (exams PROTOCOL §5, homework §8): pick a question, take its answers one at a time,
 * give points within bounds, move on until the server has none left. The server decides whose answers are offered.
 */
export function useMarkingQueue<T>(calls: MarkingCalls<T>) {
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [task, setTask] = useState<T | null | undefined>(undefined);
  const [points, setPointsText] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function next(qid: string) {
    setError(null);
    setBusy(true);
    try {
      setTask(await calls.next(qid));
      setPointsText("");
      setInvalid(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function pick(qid: string) {
    setQuestionId(qid);
    void next(qid);
  }

  async function mark(e: Event) {
    e.preventDefault();
    if (!task) return;
    if (!pointsInBounds(points, calls.maxPoints(task))) {
      setInvalid(true);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await calls.mark(task, Number(points));
      await next(calls.questionOf(task));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  function setPoints(text: string) {
    setPointsText(text);
    setInvalid(false);
  }

  return { questionId, task, points, setPoints, invalid, error, setError, busy, next, pick, mark };
}
