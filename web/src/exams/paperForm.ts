/**
 * The authoring form's model of an exam and its conversion to and from the wire shape of PROTOCOL §5. Numbers stay
 * text while being typed; the server validates everything and its refusal is mapped back to the field it names.
 */
export type Kind = "single" | "multiple" | "truefalse" | "fill" | "short";
export const kinds: Kind[] = ["single", "multiple", "truefalse", "fill", "short"];

export interface OptionDraft { id: string; text: string; correct: boolean }
export interface QuestionDraft {
  id: string;
  kind: Kind;
  points: string;
  stem: string;
  options: OptionDraft[];
  partialPoints: string;
  truth: boolean;
  blanks: string[];
  reference: string;
}
export interface ExamDraft {
  title: string;
  subject: string;
  opensAt: string;
  durationMinutes: string;
  lateJoinMinutes: string;
  roster: string;
  /** Classes of the directory whose students join the roster when the exam is published. */
  rosterClasses: string[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  doubleMarking: boolean;
  tolerance: string;
  markers: string;
  /** Rooms with their proctors (PROTOCOL §7); ids are typed one a line. */
  rooms: RoomDraft[];
  questions: QuestionDraft[];
}

export interface RoomDraft {
  id: string;
  name: string;
  proctorIds: string;
  classIds: string;
  studentIds: string;
}

/** A room as GET /api/exams/{id} returns it. */
export interface WireRoom {
  id: string;
  name: string;
  proctorIds: string[];
  classIds: string[];
  studentIds: string[];
}

/** The author's view of an exam from GET /api/exams/{id}. */
export interface WireQuestion {
  id: string;
  kind: Kind;
  points: number;
  stem: string;
  options?: { id: string; text: string }[];
  answer?: unknown;
  partialPoints?: number | null;
  reference?: string | null;
}
export interface ExamView {
  id: string;
  status: string;
  title: string;
  subject: string;
  questions: WireQuestion[];
  opensAt: string;
  durationMinutes: number;
  lateJoinMinutes: number;
  roster: string[];
  rosterClasses?: string[] | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  marking: { mode: "single" | "double"; tolerance: number };
  markers: string[];
  rooms?: WireRoom[] | null;
  maxScore: number;
}

const letters = "abcdefghij";

export function nextOptionId(options: OptionDraft[]): string {
  return [...letters].find((l) => !options.some((o) => o.id === l)) ?? `o${options.length + 1}`;
}

export function newQuestion(kind: Kind, existing: QuestionDraft[]): QuestionDraft {
  let n = existing.length + 1;
  while (existing.some((q) => q.id === `q${n}`)) n++;
  const choice = kind === "single" || kind === "multiple";
  return {
    id: `q${n}`,
    kind,
    points: kind === "short" ? "10" : "2",
    stem: "",
    options: choice ? [...letters.slice(0, 4)].map((id) => ({ id, text: "", correct: false })) : [],
    partialPoints: "",
    truth: true,
    blanks: kind === "fill" ? [""] : [],
    reference: "",
  };
}

/** Tomorrow at 09:00 local time, as a datetime-local value. */
export function emptyExam(): ExamDraft {
  const opens = new Date();
  opens.setDate(opens.getDate() + 1);
  opens.setHours(9, 0, 0, 0);
  return {
    title: "",
    subject: "",
    opensAt: localInput(opens.toISOString()),
    durationMinutes: "60",
    lateJoinMinutes: "15",
    roster: "",
    rosterClasses: [],
    shuffleQuestions: false,
    shuffleOptions: false,
    doubleMarking: false,
    tolerance: "2",
    markers: "",
    rooms: [],
    questions: [],
  };
}

export function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Ids pasted one a line or separated by commas (either width), semicolons or spaces. */
export function rosterIds(text: string): string[] {
  return text.split(/[\s,，;；]+/).map((s) => s.trim()).filter(Boolean);
}

const accepted = (blank: string) => blank.split("|").map((s) => s.trim()).filter(Boolean);

/** A number typed by the author; blank is sent as absent so the server names the missing field. */
const num = (text: string) => (text.trim() === "" ? undefined : Number(text));

export function toWire(draft: ExamDraft): object {
  const opens = new Date(draft.opensAt);
  return {
    title: draft.title,
    subject: draft.subject,
    opensAt: Number.isNaN(opens.getTime()) ? undefined : opens.toISOString(),
    durationMinutes: num(draft.durationMinutes),
    lateJoinMinutes: num(draft.lateJoinMinutes),
    roster: rosterIds(draft.roster),
    rosterClasses: draft.rosterClasses,
    shuffleQuestions: draft.shuffleQuestions,
    shuffleOptions: draft.shuffleOptions,
    marking: draft.doubleMarking ? { mode: "double", tolerance: num(draft.tolerance) } : { mode: "single" },
    markers: rosterIds(draft.markers),
    rooms: draft.rooms.length === 0 ? undefined : draft.rooms.map((room) => ({
      id: room.id.trim(),
      name: room.name,
      proctorIds: rosterIds(room.proctorIds),
      classIds: rosterIds(room.classIds),
      studentIds: rosterIds(room.studentIds),
    })),
    questions: draft.questions.map(questionToWire),
  };
}

export function questionToWire(q: QuestionDraft): object {
  const base = { id: q.id, kind: q.kind, points: num(q.points), stem: q.stem };
  const options = q.options.map(({ id, text }) => ({ id, text }));
  switch (q.kind) {
    case "single":
      return { ...base, options, answer: q.options.find((o) => o.correct)?.id };
    case "multiple":
      return { ...base, options, answer: q.options.filter((o) => o.correct).map((o) => o.id), partialPoints: num(q.partialPoints) };
    case "truefalse":
      return { ...base, answer: q.truth };
    case "fill":
      return { ...base, answer: q.blanks.map(accepted) };
    case "short":
      return { ...base, reference: q.reference.trim() || undefined };
  }
}

export function fromWire(view: ExamView): ExamDraft {
  return {
    title: view.title,
    subject: view.subject,
    opensAt: localInput(view.opensAt),
    durationMinutes: String(view.durationMinutes),
    lateJoinMinutes: String(view.lateJoinMinutes),
    roster: view.roster.join("\n"),
    rosterClasses: view.rosterClasses ?? [],
    shuffleQuestions: view.shuffleQuestions,
    shuffleOptions: view.shuffleOptions,
    doubleMarking: view.marking.mode === "double",
    tolerance: String(view.marking.tolerance),
    markers: view.markers.join("\n"),
    rooms: (view.rooms ?? []).map((room) => ({
      id: room.id,
      name: room.name,
      proctorIds: room.proctorIds.join("\n"),
      classIds: room.classIds.join("\n"),
      studentIds: room.studentIds.join("\n"),
    })),
    questions: view.questions.map(questionFromWire),
  };
}

function questionFromWire(q: WireQuestion): QuestionDraft {
  const keyed = new Set(Array.isArray(q.answer) ? (q.answer as string[]) : [q.answer as string]);
  return {
    id: q.id,
    kind: q.kind,
    points: String(q.points),
    stem: q.stem,
    options: (q.options ?? []).map((o) => ({ ...o, correct: (q.kind === "single" || q.kind === "multiple") && keyed.has(o.id) })),
    partialPoints: q.partialPoints == null ? "" : String(q.partialPoints),
    truth: q.answer === true,
    blanks: q.kind === "fill" ? (q.answer as string[][]).map((b) => b.join(" | ")) : [],
    reference: q.reference ?? "",
  };
}

/** Where a refusal belongs: a question's field, an exam field, or (null) the form as a whole. */
export interface FieldRef { question?: string; field: string }

const examFields = ["title", "subject", "opensAt", "durationMinutes", "lateJoinMinutes", "roster", "rosterClasses", "questions", "marking", "markers", "rooms"];

/**
 * The server's refusals name their field in a fixed form ("stem of question q2 must not be empty",
 * "id of questions[3] ...", "durationMinutes must be ..."); this reads that name back so the message can stand
 * next to the input it is about.
 */
export function fieldOf(detail: string, questions: QuestionDraft[]): FieldRef | null {
  let m = /^(\w+)(?:\[\d+\])?(?:\.\w+)? of question (\S+?)(?=\s|$)/.exec(detail);
  if (m) return { question: m[2], field: m[1] };
  m = /^id of questions\[(\d+)\]/.exec(detail);
  if (m) return { question: questions[Number(m[1])]?.id, field: "id" };
  m = /^question id (\S+) is used/.exec(detail);
  if (m) return { question: m[1], field: "id" };
  m = /^questions\[(\d+)\]/.exec(detail);
  if (m) return { question: questions[Number(m[1])]?.id, field: "stem" };
  m = /^(\w+)/.exec(detail);
  if (m && examFields.includes(m[1])) return { field: m[1] };
  if (/ questions$/.test(detail)) return { field: "questions" };
  return null;
}

export function answerText(q: WireQuestion, trueText: string, falseText: string): string {
  switch (q.kind) {
    case "single":
      return String(q.answer);
    case "multiple":
      return (q.answer as string[]).join(", ");
    case "truefalse":
      return q.answer ? trueText : falseText;
    case "fill":
      return (q.answer as string[][]).map((b) => b.join(" / ")).join("；");
    case "short":
      return q.reference ?? "";
  }
}
