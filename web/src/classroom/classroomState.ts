import type { ClassTally, ClassroomQuestionView, TallyTotal } from "../live/events.generated";
import type { TypedEvent } from "../live/typedEvent";

export interface ClassView {
  classId: string;
  name: string;
  schoolName: string;
  teacherId: string | null;
  studentCount: number;
  online: number;
}

export type QuestionView = ClassroomQuestionView & { answer?: unknown };

export interface TallyView {
  questionId: string;
  perClass?: ClassTally[];
  total: TallyTotal;
}

/** The Join snapshot of /hubs/classroom (PROTOCOL §8), as this caller may see it. */
export interface ClassroomView {
  title: string;
  subject: string;
  status: string;
  hostId: string;
  hostName: string;
  role: "host" | "teacher" | "student" | "admin";
  myClassId: string | null;
  classes: ClassView[];
  question: QuestionView | null;
  myAnswer: unknown;
  tally: TallyView | null;
}

export const classroomEventTypes = [
  "classroom.started",
  "classroom.ended",
  "question.pushed",
  "question.closed",
  "answer.revealed",
  "answer.recorded",
  "tally.updated",
  "tally.submitted",
] as const;

export type ClassroomEvent = TypedEvent<(typeof classroomEventTypes)[number]>;

/** The view after one durable event, the same way the server's snapshot would show it. */
export function applyClassroomEvent(view: ClassroomView, event: ClassroomEvent): ClassroomView {
  switch (event.type) {
    case "classroom.started":
      return { ...view, status: "live" };
    case "classroom.ended":
      return { ...view, status: "ended" };
    case "question.pushed":
      return { ...view, question: event.data.question, myAnswer: null, tally: null };
    case "question.closed":
      return view.question?.id === event.data.questionId ? { ...view, question: { ...view.question, status: "closed" } } : view;
    case "answer.revealed":
      if (view.question?.id !== event.data.questionId) return view;
      return {
        ...view,
        question: { ...view.question, status: "revealed", answer: event.data.answer },
        tally: view.tally?.perClass ? { ...view.tally, total: event.data.total } : { questionId: event.data.questionId, total: event.data.total },
      };
    case "answer.recorded":
      return view.question?.id === event.data.questionId ? { ...view, myAnswer: event.data.answer } : view;
    case "tally.updated":
      return view.question?.id === event.data.questionId ? { ...view, tally: event.data } : view;
    case "tally.submitted":
      return view;
  }
}

export function applyClassPresence(view: ClassroomView, classId: string, online: number): ClassroomView {
  return { ...view, classes: view.classes.map((c) => (c.classId === classId ? { ...c, online } : c)) };
}

/** An answer or key in words: option ids, 对/错, the blanks. */
export function answerText(kind: string, value: unknown, truth: (v: boolean) => string): string {
  if (value === null || value === undefined) return "";
  if (kind === "truefalse") return truth(Boolean(value));
  if (kind === "fill" && Array.isArray(value)) return value.map((blank) => (Array.isArray(blank) ? blank.join(" / ") : String(blank))).join("；");
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}
