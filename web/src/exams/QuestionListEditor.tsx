import type { AttachmentOwner } from "../attachments/uploadAttachment";
import { Refusal } from "./FieldError";
import { Kind, kinds, newQuestion, QuestionDraft } from "./paperForm";
import { QuestionEditor } from "./QuestionEditor";
import { x } from "./strings";

interface Props {
  questions: QuestionDraft[];
  refusal: Refusal | null;
  onChange: (questions: QuestionDraft[]) => void;
  /** Where a stem's images are stored (an exam's files); without it stems take no images (homework). */
  imageOwner?: AttachmentOwner;
}

/**
 * A paper's questions in order, each editable, movable and removable, with a button to add one of every kind: exams and
 * homework write their questions with it.
 */
export function QuestionListEditor({ questions, refusal, imageOwner, onChange }: Props) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...questions];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <>
      <ol class="q-list">
        {questions.map((q, i) => (
          <QuestionEditor
            key={q.id}
            question={q}
            index={i}
            count={questions.length}
            refusal={refusal}
            imageOwner={imageOwner}
            onChange={(changed) => onChange(questions.map((p, j) => (j === i ? changed : p)))}
            onMove={(by) => move(i, by)}
            onRemove={() => onChange(questions.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div class="add-questions">
        {kinds.map((kind: Kind) => (
          <button type="button" data-add={kind} onClick={() => onChange([...questions, newQuestion(kind, questions)])}>
            + {x("addQuestion", { kind: x(`kind_${kind}`) })}
          </button>
        ))}
      </div>
    </>
  );
}
