import { useState } from "preact/hooks";
import { imageMarkup } from "../attachments/StemText";
import { AttachmentOwner, uploadAttachment } from "../attachments/uploadAttachment";
import { ErrorLine } from "../screens/ErrorLine";
import { FieldError, Refusal } from "./FieldError";
import { nextOptionId, QuestionDraft } from "./paperForm";
import { x } from "./strings";

interface Props {
  question: QuestionDraft;
  index: number;
  count: number;
  refusal: Refusal | null;
  imageOwner?: AttachmentOwner;
  onChange: (q: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One question of the paper being written: its stem, points and, by kind, options and key, blanks or reference. */
export function QuestionEditor({ question: q, index, count, refusal, imageOwner, onChange, onMove, onRemove }: Props) {
  const [uploading, setUploading] = useState(false);
  const [imageError, setImageError] = useState<unknown>(null);
  const n = index + 1;
  const name = (field: string) => `${q.id}-${field}`;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...q, ...patch });
  const text = (field: "stem" | "points" | "partialPoints" | "reference") => (e: Event) =>
    set({ [field]: (e.target as HTMLInputElement).value });
  const err = (field: string) => <FieldError refusal={refusal} field={field} question={q.id} />;
  const choice = q.kind === "single" || q.kind === "multiple";

  /** Uploads the image to the exam's files and adds its line to the stem, which the paper shows as the image. */
  async function insertImage(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file || !imageOwner) return;
    setUploading(true);
    setImageError(null);
    try {
      const stored = await uploadAttachment(file, imageOwner);
      const line = imageMarkup(stored.name, stored.url);
      set({ stem: q.stem && !q.stem.endsWith("\n") ? `${q.stem}\n${line}` : `${q.stem}${line}` });
    } catch (failure) {
      setImageError(failure);
    } finally {
      setUploading(false);
      input.value = "";
    }
  }

  return (
    <li class="q-edit" data-question={q.id} data-kind={q.kind}>
      <header>
        <strong>{x("questionN", { n })}</strong>
        <span class="kind-tag">{x(`kind_${q.kind}`)}</span>
        <span class="muted">{q.id}</span>
        <label class="points">
          {x("points")}
          <input name={name("points")} inputMode="decimal" value={q.points} onInput={text("points")} />
        </label>
        <span class="q-tools">
          <button type="button" aria-label={x("moveUp", { n })} disabled={index === 0} onClick={() => onMove(-1)}>↑</button>
          <button type="button" aria-label={x("moveDown", { n })} disabled={index === count - 1} onClick={() => onMove(1)}>↓</button>
          <button type="button" aria-label={x("removeQuestion", { n })} data-action="remove-question" onClick={onRemove}>✕</button>
        </span>
      </header>
      {err("id")}
      {err("kind")}
      {err("points")}
      <label>
        {x("stem")}
        <textarea name={name("stem")} rows={2} maxLength={4000} value={q.stem} onInput={text("stem")} />
      </label>
      {imageOwner && (
        <label class="stem-image-upload">
          {uploading ? x("insertingImage") : x("insertImage")}
          <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" name={name("image")} disabled={uploading}
            onChange={(e) => void insertImage(e.target as HTMLInputElement)} />
        </label>
      )}
      <ErrorLine error={imageError} />
      {err("stem")}

      {choice && (
        <fieldset class="q-options">
          <legend>{x("options")} · {x("correct")}</legend>
          {q.options.map((o, i) => (
            <div class="q-option" key={o.id}>
              <input
                type={q.kind === "single" ? "radio" : "checkbox"}
                name={name("correct")}
                value={o.id}
                aria-label={`${x("correct")} ${o.id}`}
                checked={o.correct}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  set({ options: q.options.map((p, j) => (q.kind === "single" ? { ...p, correct: j === i } : j === i ? { ...p, correct: on } : p)) });
                }}
              />
              <span class="option-id">{o.id}</span>
              <input
                name={name(`option-${o.id}`)}
                aria-label={x("optionN", { id: o.id })}
                maxLength={500}
                value={o.text}
                onInput={(e) => set({ options: q.options.map((p, j) => (j === i ? { ...p, text: (e.target as HTMLInputElement).value } : p)) })}
              />
              <button type="button" aria-label={x("removeOption", { id: o.id })} disabled={q.options.length <= 2}
                onClick={() => set({ options: q.options.filter((_, j) => j !== i) })}>✕</button>
            </div>
          ))}
          {q.options.length < 10 && (
            <button type="button" class="link" onClick={() => set({ options: [...q.options, { id: nextOptionId(q.options), text: "", correct: false }] })}>
              + {x("addOption")}
            </button>
          )}
          {err("options")}
          {err("answer")}
        </fieldset>
      )}
      {q.kind === "multiple" && (
        <label>
          {x("partialPoints")}
          <input name={name("partialPoints")} inputMode="decimal" value={q.partialPoints} onInput={text("partialPoints")} />
        </label>
      )}
      {err("partialPoints")}

      {q.kind === "truefalse" && (
        <fieldset class="q-options">
          <legend>{x("correct")}</legend>
          {[true, false].map((value) => (
            <label class="option">
              <input type="radio" name={name("truth")} value={String(value)} checked={q.truth === value} onChange={() => set({ truth: value })} />
              {value ? x("answerTrue") : x("answerFalse")}
            </label>
          ))}
          {err("answer")}
        </fieldset>
      )}

      {q.kind === "fill" && (
        <fieldset class="q-options">
          <legend>{x("blanks")}</legend>
          {q.blanks.map((blank, i) => (
            <div class="q-option">
              <label class="grow">
                {x("blankN", { n: i + 1 })}
                <input name={name(`blank-${i}`)} value={blank}
                  onInput={(e) => set({ blanks: q.blanks.map((b, j) => (j === i ? (e.target as HTMLInputElement).value : b)) })} />
              </label>
              <button type="button" aria-label={x("removeBlank", { n: i + 1 })} disabled={q.blanks.length <= 1}
                onClick={() => set({ blanks: q.blanks.filter((_, j) => j !== i) })}>✕</button>
            </div>
          ))}
          {q.blanks.length < 20 && (
            <button type="button" class="link" onClick={() => set({ blanks: [...q.blanks, ""] })}>+ {x("addBlank")}</button>
          )}
          {err("answer")}
        </fieldset>
      )}

      {q.kind === "short" && (
        <label>
          {x("reference")}
          <textarea name={name("reference")} rows={2} value={q.reference} onInput={text("reference")} />
        </label>
      )}
      {err("reference")}
    </li>
  );
}
