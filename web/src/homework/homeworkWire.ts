import type { Kind } from "../exams/paperForm";

/** The shapes of PROTOCOL §8's homework endpoints, as the server writes them. */
export interface HomeworkClass {
  classId: string;
  name: string;
  schoolCode: string;
  schoolName: string;
  teacherIds: string[];
  studentCount: number;
}

/** A line of GET /api/me/homework; `status` is closed as soon as the server's clock passes the due time. */
export interface HomeworkSummary {
  id: string;
  title: string;
  subject: string;
  dueAt: string;
  status: "open" | "closed";
  setterId: string;
  setterName: string;
  classes: HomeworkClass[];
  questionCount: number;
  maxScore: number;
  submittedAt: string | null;
  myClassIds: string[];
  serverNow: string;
}

export interface HomeworkQuestion {
  id: string;
  kind: Kind;
  points: number;
  stem: string;
  options: { id: string; text: string }[];
  blanks: number;
  answer?: unknown;
  reference?: string | null;
}

/** GET /api/homework/{id}: a student sees no keys before the due time; its teachers see them always. */
export interface HomeworkView {
  id: string;
  title: string;
  subject: string;
  dueAt: string;
  status: "open" | "closed";
  setterName: string;
  maxScore: number;
  myClassIds: string[];
  serverNow: string;
  role: "student" | "teacher";
  classes?: HomeworkClass[];
  questions: HomeworkQuestion[];
  keys?: Record<string, unknown> | null;
  mySubmission?: { submittedAt: string; revision: number; answers: Record<string, unknown> } | null;
  myResult?: StudentLine | null;
}

export interface StudentLine {
  studentId: string;
  name: string;
  status: "submitted" | "absent";
  score: number;
  maxScore: number;
  pendingMarking: number;
  perQuestion: Record<string, number>;
  classId: string | null;
}

export interface ClassFigures {
  key: string;
  name: string;
  count: number;
  submitted: number;
  mean: number | null;
  median: number | null;
  max: number | null;
  min: number | null;
}

export interface HomeworkResults {
  id: string;
  title: string;
  status: string;
  maxScore: number;
  classes: ClassFigures[];
  students: StudentLine[];
  pendingMarking: number;
}

export interface MarkingTask {
  studentId: string;
  name: string;
  classId: string;
  questionId: string;
  stem: string;
  answer: string;
  reference: string | null;
  points: number;
  remaining: number;
}

export const homeworkPath = (id: string, rest = "") => `/homework/${encodeURIComponent(id)}${rest}`;
