import { useState } from "preact/hooks";
import { rest } from "../api";
import { ErrorLine } from "../screens/ErrorLine";
import { a } from "./analysisStrings";
import { WireQuestion } from "./paperForm";
import { x } from "./strings";

export interface Regrade { at: string; questionId: string; by: string; reason: string }

/** The key of a choice, true/false or fill question as the protocol takes it, from the form's fields. */
function keyOf(question: WireQuestion, choice: string, choices: string[], truth: boolean, blanks: string[]): unknown {
  switch (question.kind) {
    case "single": return choice;
    case "multiple": return choices;
    case "truefalse": return truth;
    default: return blanks.map((blank) => blank.split("|").map((s) => s.trim()).filter((s) => s.length > 0));
  }
}

/** The author's form to correct an objective question's key after publishing (PROTOCOL §7); the server regrades. */
export function KeyChangeForm({ examId, questions, onChanged }: { examId: string; questions: WireQuestion[]; onChanged: (regrade: Regrade) => void }) {
  const objective = questions.filter((q) => q.kind !== "short");
  const [questionId, setQuestionId] = useState(objective[0]?.id ?? "");
  const [choice, setChoice] = useState("");
  const [choices, setChoices] = useState<string[]>([]);
  const [truth, setTruth] = useState(true);
  const [blanks, setBlanks] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const question = objective.find((q) => q.id === questionId);
  if (!question) return null;
  const blankCount = Array.isArray(question.answer) && question.kind === "fill" ? question.answer.length : 0;

  function pick(id: string) {
    setQuestionId(id);
    setChoice("");
    setChoices([]);
    setBlanks([]);
    setDone(null);
  }

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const answer = keyOf(question!, choice, choices, truth, Array.from({ length: blankCount }, (_, i) => blanks[i] ?? ""));
      const regrade = await rest<Regrade>("PUT", `/api/exams/${encodeURIComponent(examId)}/questions/${encodeURIComponent(questionId)}/key`, { answer, reason });
      setReason("");
      setDone(questionId);
      onChanged(regrade);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="key-change" data-testid="key-change" onSubmit={submit}>
      <h2>{a("keyChange")}</h2>
      <label>{a("keyQuestion")}
        <select name="questionId" value={questionId} onChange={(e) => pick((e.target as HTMLSelectElement).value)}>
          {objective.map((q) => <option value={q.id}>{q.id} · {x(`kind_${q.kind}`)} · {q.stem.slice(0, 30)}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{a("newKey")}</legend>
        {question.kind === "single" && (question.options ?? []).map((o) => (
          <label class="inline"><input type="radio" name="keyChoice" value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> {o.id}. {o.text}</label>
        ))}
        {question.kind === "multiple" && (question.options ?? []).map((o) => (
          <label class="inline">
            <input type="checkbox" name="keyChoices" value={o.id} checked={choices.includes(o.id)}
              onChange={(e) => setChoices((e.target as HTMLInputElement).checked ? [...choices, o.id] : choices.filter((c) => c !== o.id))} /> {o.id}. {o.text}
          </label>
        ))}
        {question.kind === "truefalse" && (
          <select name="keyTruth" value={String(truth)} onChange={(e) => setTruth((e.target as HTMLSelectElement).value === "true")}>
            <option value="true">{a("truthTrue")}</option>
            <option value="false">{a("truthFalse")}</option>
          </select>
        )}
        {question.kind === "fill" && Array.from({ length: blankCount }, (_, i) => (
          <label>{a("blankN", { n: i + 1 })}
            <input name={`keyBlank${i + 1}`} value={blanks[i] ?? ""}
              onInput={(e) => { const next = [...blanks]; next[i] = (e.target as HTMLInputElement).value; setBlanks(next); }} />
          </label>
        ))}
      </fieldset>
      <label>{a("reason")}
        <textarea name="reason" required maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="primary" data-testid="apply-key" disabled={busy}>{a("applyKey")}</button>
      {done && <p class="banner ok" role="status" data-testid="key-changed">{a("keyChanged", { q: done })}</p>}
      <ErrorLine error={error} />
    </form>
  );
}
