import { useEffect, useState } from "preact/hooks";
import { nextCommand } from "../session";
import { answerText, ClassroomView } from "./classroomState";
import type { Run } from "./ClassroomScreen";
import { truth } from "./QuestionCard";
import { ct } from "./strings";

/** The answer being chosen, in the wire shape of its kind (PROTOCOL §5). */
type Choice = string | string[] | boolean | null;

/** A student's phone: the question, one answer (changeable until answers stop), and the key and total once revealed. */
export function StudentPanel({ view, run }: { view: ClassroomView; run: Run }) {
  const question = view.question;
  const [choice, setChoice] = useState<Choice>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    setChoice(question?.kind === "fill" ? Array.from({ length: question.blanks }, () => "") : null);
    setSent(false);
  }, [question?.id]);

  if (view.status === "ended" && !question) return <section class="card"><p class="muted">{ct("lessonEnded")}</p></section>;
  if (!question) return <section class="card"><p class="muted" data-testid="waiting">{view.status === "live" ? ct("noQuestion") : ct("notLive")}</p></section>;

  const open = question.status === "open";
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run("Answer", { ...nextCommand(), questionId: question.id, answer: choice })) setSent(true);
  };
  const toggle = (id: string) => {
    const chosen = Array.isArray(choice) ? choice : [];
    setChoice(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  };

  return (
    <section class="card classroom-question" data-testid="student-question" data-question-id={question.id} data-status={question.status}>
      <p class="stem" data-testid="question-stem">{question.stem}</p>
      <form onSubmit={submit}>
        <div class="answer-options">
          {question.kind === "single" &&
            question.options.map((o) => (
              <label key={o.id}>
                <input type="radio" name="answer" data-testid={`option-${o.id}`} disabled={!open} checked={choice === o.id} onChange={() => setChoice(o.id)} />
                {o.id.toUpperCase()}. {o.text}
              </label>
            ))}
          {question.kind === "multiple" &&
            question.options.map((o) => (
              <label key={o.id}>
                <input type="checkbox" data-testid={`option-${o.id}`} disabled={!open} checked={Array.isArray(choice) && choice.includes(o.id)} onChange={() => toggle(o.id)} />
                {o.id.toUpperCase()}. {o.text}
              </label>
            ))}
          {question.kind === "truefalse" &&
            [true, false].map((value) => (
              <label key={String(value)}>
                <input type="radio" name="answer" data-testid={`option-${value}`} disabled={!open} checked={choice === value} onChange={() => setChoice(value)} />
                {truth(value)}
              </label>
            ))}
          {question.kind === "fill" &&
            Array.from({ length: question.blanks }, (_, index) => (
              <label key={index}>
                {ct("blank", { n: index + 1 })}
                <input data-testid={`blank-${index}`} disabled={!open} value={Array.isArray(choice) ? choice[index] ?? "" : ""}
                  onInput={(e) => {
                    const blanks = Array.isArray(choice) ? [...choice] : [];
                    blanks[index] = (e.target as HTMLInputElement).value;
                    setChoice(blanks);
                  }} />
              </label>
            ))}
        </div>
        {open && <button type="submit" class="primary" data-testid="submit-answer">{view.myAnswer != null ? ct("changeAnswer") : ct("answer")}</button>}
      </form>
      {view.myAnswer != null && <p data-testid="my-answer">{ct("yourAnswer", { a: answerText(question.kind, view.myAnswer, truth) })}</p>}
      {sent && open && <p class="muted">{ct("answerSaved")}</p>}
      {!open && <p class="muted" data-testid="question-closed">{ct("questionClosed")}</p>}
      {question.status === "revealed" && (
        <div data-testid="revealed">
          <p><strong>{ct("theAnswer", { a: answerText(question.kind, question.answer, truth) })}</strong></p>
          {view.tally && <p data-testid="reveal-total">{ct("total", { answered: view.tally.total.answered, correct: view.tally.total.correct })}</p>}
        </div>
      )}
    </section>
  );
}
