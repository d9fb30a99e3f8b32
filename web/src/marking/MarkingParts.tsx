/** The short-answer questions to mark, as chips; the chosen one pressed. */
export function QuestionPicker({ questions, current, label, onPick }: {
  questions: { id: string; stem: string }[]; current: string | null; label: string; onPick: (id: string) => void;
}) {
  if (questions.length === 0) return null;
  return (
    <div class="pick" role="group" aria-label={label}>
      <span class="muted">{label}</span>
      {questions.map((q) => (
        <button type="button" class={q.id === current ? "chip active" : "chip"} data-pick={q.id} aria-pressed={q.id === current} onClick={() => onPick(q.id)}>
          {q.id} · {q.stem.slice(0, 24)}
        </button>
      ))}
    </div>
  );
}

/** The points field of a marking task, with the out-of-range message the queue raises. */
export function PointsField({ label, outOfRange, points, invalid, onInput }: {
  label: string; outOfRange: string; points: string; invalid: boolean; onInput: (text: string) => void;
}) {
  return (
    <>
      <label>
        {label}
        <input name="points" inputMode="decimal" autoFocus value={points} aria-invalid={invalid}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
      </label>
      {invalid && <p class="error" role="alert" data-testid="points-invalid">{outOfRange}</p>}
    </>
  );
}
