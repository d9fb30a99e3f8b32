import { useState } from "preact/hooks";
import { nextCommand } from "../session";
import type { ClassroomView } from "./classroomState";
import type { Run } from "./ClassroomScreen";
import { QuestionCard } from "./QuestionCard";
import { PushableQuestion, QuestionDraft, toQuestion, withoutEmptyKey } from "./questionDraft";
import { ct } from "./strings";
import { TallyBars } from "./TallyBars";

interface Prepared {
  question: PushableQuestion;
  pushed: boolean;
}

const storageKey = (classroomId: string) => `collab.classroom.prepared.${classroomId}`;

/** Prepared questions live in this browser: they are the host's notes until pushed, and nobody else's business. */
function loadPrepared(classroomId: string): Prepared[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey(classroomId)) ?? "[]") as Prepared[];
  } catch {
    return [];
  }
}

const emptyDraft: QuestionDraft = { kind: "single", stem: "", options: "", key: "" };

/** The host's screen: the current question with its key, close and reveal, the live bars per class, the prepared list and a composer. */
export function HostPanel({ classroomId, view, run }: { classroomId: string; view: ClassroomView; run: Run }) {
  const [prepared, setPrepared] = useState<Prepared[]>(() => loadPrepared(classroomId));
  const [draft, setDraft] = useState<QuestionDraft>(emptyDraft);
  const question = view.question;
  const live = view.status === "live";

  const save = (list: Prepared[]) => {
    setPrepared(list);
    localStorage.setItem(storageKey(classroomId), JSON.stringify(list));
  };

  async function push(item: PushableQuestion): Promise<boolean> {
    const ok = await run("PushQuestion", { ...nextCommand(), question: withoutEmptyKey(item) });
    if (ok) save(loadPrepared(classroomId).map((p) => (p.question.id === item.id ? { ...p, pushed: true } : p)));
    return ok;
  }

  const newQuestion = () => toQuestion(draft, `q-${Date.now().toString(36)}`);
  const nextPrepared = prepared.find((p) => !p.pushed);
  const field = (key: keyof QuestionDraft) => (e: Event) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value });

  return (
    <>
      <section class="card">
        <h2>{ct("current")}</h2>
        {question ? <QuestionCard question={question} /> : <p class="muted">{ct("noQuestion")}</p>}
        {question && (
          <div class="actions">
            {question.status === "open" && <button type="button" data-testid="close-question" onClick={() => run("CloseQuestion", question.id)}>{ct("close")}</button>}
            {question.status !== "revealed" && <button type="button" data-testid="reveal" onClick={() => run("RevealAnswer", question.id)}>{ct("reveal")}</button>}
            {nextPrepared && live && <button type="button" class="primary" data-testid="next" onClick={() => push(nextPrepared.question)}>{ct("next")}</button>}
          </div>
        )}
        {view.tally?.perClass && (
          <>
            <TallyBars classes={view.classes} perClass={view.tally.perClass} />
            <p data-testid="tally-total">{ct("total", { answered: view.tally.total.answered, correct: view.tally.total.correct })}</p>
          </>
        )}
      </section>
      <section class="card">
        <h2>{ct("classes")}</h2>
        <ul class="list" data-testid="class-presence">
          {view.classes.map((c) => (
            <li key={c.classId} data-testid={`presence-${c.classId}`} data-online={c.online}>
              {c.schoolName} · {c.name} — {ct("online", { n: c.online, total: c.studentCount })}
            </li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{ct("preparedQuestions")}</h2>
        {prepared.length === 0 ? (
          <p class="muted">{ct("noPrepared")}</p>
        ) : (
          <ul class="prepared" data-testid="prepared">
            {prepared.map((p) => (
              <li key={p.question.id}>
                <span>{p.question.stem}</span>
                {p.pushed ? <span class="muted">{ct("pushed")}</span> : <button type="button" disabled={!live} onClick={() => push(p.question)}>{ct("push")}</button>}
              </li>
            ))}
          </ul>
        )}
        <h3>{ct("writeQuestion")}</h3>
        <form class="stack" onSubmit={(e) => e.preventDefault()}>
          <label>
            {ct("kind")}
            <select data-testid="draft-kind" value={draft.kind} onChange={field("kind")}>
              {(["single", "multiple", "truefalse", "fill"] as const).map((k) => <option key={k} value={k}>{ct(`kind_${k}`)}</option>)}
            </select>
          </label>
          <label>
            {ct("stem")}
            <input data-testid="draft-stem" value={draft.stem} onInput={field("stem")} />
          </label>
          {(draft.kind === "single" || draft.kind === "multiple") && (
            <label>
              {ct("options")}
              <textarea data-testid="draft-options" rows={4} value={draft.options} onInput={field("options")} />
            </label>
          )}
          <label>
            {ct("key")}
            <input data-testid="draft-key" value={draft.key} onInput={field("key")} />
            <small class="muted">{ct("keyHint")}</small>
          </label>
          <div class="actions">
            <button type="button" data-testid="add-prepared" onClick={() => { save([...prepared, { question: newQuestion(), pushed: false }]); setDraft(emptyDraft); }}>
              {ct("addToList")}
            </button>
            <button type="button" class="primary" data-testid="push-now" disabled={!live} onClick={async () => { if (await push(newQuestion())) setDraft(emptyDraft); }}>
              {ct("pushNow")}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
