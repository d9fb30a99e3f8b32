/** What the host types for one question; turned into a question of PROTOCOL §5 with its key. */
export interface QuestionDraft {
  kind: "single" | "multiple" | "truefalse" | "fill";
  stem: string;
  options: string;
  key: string;
}

export interface PushableQuestion {
  id: string;
  kind: string;
  stem: string;
  options?: { id: string; text: string }[];
  answer: unknown;
}

const letters = "abcdefghij";

/** Option ids are a, b, c… in the order written; the server checks the key against them and refuses what does not fit. */
export function toQuestion(draft: QuestionDraft, id: string): PushableQuestion {
  const question: PushableQuestion = { id, kind: draft.kind, stem: draft.stem.trim(), answer: null };
  const key = draft.key.trim();
  if (draft.kind === "single" || draft.kind === "multiple") {
    question.options = draft.options
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((text, index) => ({ id: letters[index] ?? `o${index}`, text }));
  }
  if (key.length === 0) return question;
  switch (draft.kind) {
    case "single":
      question.answer = key.toLowerCase();
      break;
    case "multiple":
      question.answer = key.toLowerCase().split(/[,，\s]+/).filter((k) => k.length > 0);
      break;
    case "truefalse":
      question.answer = /^(true|t|对|是|√|yes)$/i.test(key);
      break;
    case "fill":
      question.answer = key.split(/[;；]/).map((blank) => blank.split("|").map((a) => a.trim()).filter((a) => a.length > 0));
      break;
  }
  return question;
}

/** A question without a key is sent as it is: the server refuses it with invalid_argument, which the screen shows. */
export function withoutEmptyKey(question: PushableQuestion): Omit<PushableQuestion, "answer"> & { answer?: unknown } {
  if (question.answer !== null) return question;
  const { answer: _, ...rest } = question;
  return rest;
}
