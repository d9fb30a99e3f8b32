import { answerText, QuestionView } from "./classroomState";
import { ct } from "./strings";

const truth = (value: boolean) => ct(value ? "true" : "false");

/** The current question as text; its key only when this caller's view carries it (the host's, or after the reveal). */
export function QuestionCard({ question }: { question: QuestionView }) {
  return (
    <div class="classroom-question" data-testid="question" data-question-id={question.id} data-status={question.status}>
      <p class="muted">{ct(`kind_${question.kind}` as Parameters<typeof ct>[0])}</p>
      <p class="stem" data-testid="question-stem">{question.stem}</p>
      {question.options.length > 0 && (
        <ol type="a">
          {question.options.map((o) => <li key={o.id}>{o.text}</li>)}
        </ol>
      )}
      {question.answer !== undefined && question.answer !== null && (
        <p data-testid="question-key"><strong>{ct("theAnswer", { a: answerText(question.kind, question.answer, truth) })}</strong></p>
      )}
      {question.status !== "open" && <p class="muted" data-testid="question-closed">{ct("questionClosed")}</p>}
    </div>
  );
}

export { truth };
