import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { FieldError, Refusal } from "./FieldError";
import { PaperView } from "./PaperView";
import { QuestionListEditor } from "./QuestionListEditor";
import { AccommodationForm } from "./AccommodationForm";
import { RoomsForm } from "./RoomsForm";
import { PeoplePicker } from "../directory/PeoplePicker";
import { emptyExam, ExamDraft, ExamView, fieldOf, fromWire, rosterIds, toWire } from "./paperForm";
import { x } from "./strings";
import "./exams.css";

const go = (to: string) => (e: Event) => { e.preventDefault(); navigate(to); };

/**
 * Writing an exam (PROTOCOL §5): schedule, roster, rooms and their proctors (§7), switches and the questions of every
 * kind, saved as a draft with POST/PUT. The server validates; its refusal stands beside the field it names. A published
 * exam is read-only but for the accommodations (extra minutes per student) set before the students start.
 */
export function ExamEditor({ examId }: { examId: string | null }) {
  const [draft, setDraft] = useState<ExamDraft | null>(examId ? null : emptyExam());
  const [view, setView] = useState<ExamView | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (!examId) return;
    rest<ExamView>("GET", `/api/exams/${encodeURIComponent(examId)}`).then(
      (v) => { setView(v); setDraft(fromWire(v)); },
      (error) => setRefusal({ at: null, error }),
    );
  }, [examId]);

  function refuse(error: unknown) {
    const at = error instanceof ApiError && draft ? fieldOf(error.detail, draft.questions) : null;
    setRefusal({ at, error });
    if (at) requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-field-error]")?.scrollIntoView({ block: "center" }));
  }

  /** Saves the draft; resolves to the exam's id, or null when the server refused it. A new exam moves to its own address. */
  async function save(): Promise<string | null> {
    setRefusal(null);
    setBusy(true);
    try {
      if (!examId) {
        const { id } = await rest<{ id: string }>("POST", "/api/exams", toWire(draft!));
        navigate(`/exams/${encodeURIComponent(id)}/edit`);
        return id;
      }
      setView(await rest<ExamView>("PUT", `/api/exams/${encodeURIComponent(examId)}`, toWire(draft!)));
      setSavedAt(new Date());
      return examId;
    } catch (error) {
      refuse(error);
      return null;
    } finally {
      setBusy(false);
    }
  }

  /** Only a saved draft is published (the new-exam form saves first), so the edits on screen are what gets published. */
  async function publish() {
    setConfirming(false);
    const id = await save();
    if (!id) return;
    setBusy(true);
    try {
      setView(await rest<ExamView>("POST", `/api/exams/${encodeURIComponent(id)}/publish`));
    } catch (error) {
      refuse(error);
    } finally {
      setBusy(false);
    }
  }

  const back = <a class="link" href="/" onClick={go("/")}>← {t("back")}</a>;
  if (view && view.status !== "draft") {
    return (
      <section class="card wide exam-author">
        {back}
        <PaperView view={view} />
        {view.status !== "results_published" && <AccommodationForm examId={view.id} studentIds={view.roster} />}
      </section>
    );
  }
  if (!draft) {
    return <section class="card">{back}{refusal ? <ErrorLine error={refusal.error} /> : <p class="muted">{t("loading")}</p>}</section>;
  }

  const set = (patch: Partial<ExamDraft>) => setDraft({ ...draft, ...patch });
  const field = (key: "title" | "subject" | "opensAt" | "durationMinutes" | "lateJoinMinutes" | "roster") => (e: Event) =>
    set({ [key]: (e.target as HTMLInputElement).value });
  const err = (name: string) => <FieldError refusal={refusal} field={name} />;

  return (
    <section class="card wide exam-author" data-testid="exam-editor">
      {back}
      <h1>{examId ? x("authoring") : x("newExamTitle")}</h1>
      <form class="form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div class="exam-meta">
          <label>{x("title")}<input name="title" maxLength={200} value={draft.title} onInput={field("title")} /></label>
          <label>{x("subject")}<input name="subject" maxLength={50} value={draft.subject} onInput={field("subject")} /></label>
        </div>
        {err("title")}
        {err("subject")}
        <div class="exam-meta">
          <label>{x("opensAt")}<input type="datetime-local" name="opensAt" value={draft.opensAt} onInput={field("opensAt")} /></label>
          <label>{x("duration")}<input name="durationMinutes" inputMode="numeric" value={draft.durationMinutes} onInput={field("durationMinutes")} /></label>
          <label>{x("lateJoin")}<input name="lateJoinMinutes" inputMode="numeric" value={draft.lateJoinMinutes} onInput={field("lateJoinMinutes")} /></label>
        </div>
        {err("opensAt")}
        {err("durationMinutes")}
        {err("lateJoinMinutes")}
        <label>
          {x("roster")} <span class="muted">{x("rosterCount", { n: rosterIds(draft.roster).length })}</span>
          <textarea name="roster" rows={4} value={draft.roster} onInput={field("roster")} />
        </label>
        <PeoplePicker
          id="roster-picker"
          role="student"
          label={x("rosterPick")}
          exclude={new Set(rosterIds(draft.roster))}
          onPick={async (person) => set({ roster: [...rosterIds(draft.roster), person.userId].join("\n") })}
        />
        {err("roster")}
        <RosterClasses chosen={draft.rosterClasses} onChange={(rosterClasses) => set({ rosterClasses })} />
        {err("rosterClasses")}
        <RoomsForm rooms={draft.rooms} onChange={(rooms) => set({ rooms })} />
        {err("rooms")}
        <div class="switches">
          <label class="option"><input type="checkbox" name="shuffleQuestions" checked={draft.shuffleQuestions}
            onChange={(e) => set({ shuffleQuestions: (e.target as HTMLInputElement).checked })} />{x("shuffleQuestions")}</label>
          <label class="option"><input type="checkbox" name="shuffleOptions" checked={draft.shuffleOptions}
            onChange={(e) => set({ shuffleOptions: (e.target as HTMLInputElement).checked })} />{x("shuffleOptions")}</label>
        </div>
        <fieldset class="marking-policy">
          <legend>{x("markingPolicy")}</legend>
          <label class="option"><input type="radio" name="markingMode" value="single" checked={!draft.doubleMarking}
            onChange={() => set({ doubleMarking: false })} />{x("singleMarking")}</label>
          <label class="option"><input type="radio" name="markingMode" value="double" checked={draft.doubleMarking}
            onChange={() => set({ doubleMarking: true })} />{x("doubleMarking")}</label>
          {draft.doubleMarking && (
            <label>{x("tolerance")}<input name="tolerance" inputMode="decimal" value={draft.tolerance}
              onInput={(e) => set({ tolerance: (e.target as HTMLInputElement).value })} /></label>
          )}
          <label>{x("markers")}<textarea name="markers" rows={2} value={draft.markers}
            onInput={(e) => set({ markers: (e.target as HTMLTextAreaElement).value })} /></label>
        </fieldset>
        {err("marking")}
        {err("markers")}

        <h2>{x("questions")}</h2>
        {err("questions")}
        <QuestionListEditor questions={draft.questions} refusal={refusal} imageOwner={examId ? `exam/${examId}` : undefined} onChange={(questions) => set({ questions })} />

        {refusal && !refusal.at && <ErrorLine error={refusal.error} />}
        <div class="author-bar">
          <button type="submit" data-testid="save-draft" disabled={busy}>{x("saveDraft")}</button>
          {savedAt && <span class="muted" role="status" data-testid="saved-draft">{x("savedDraft", { time: savedAt.toLocaleTimeString() })}</span>}
          {!examId ? null : confirming ? (
            <span class="confirm">
              {x("confirmPublish")}
              <button type="button" class="primary" data-testid="confirm-publish" onClick={publish}>{x("publish")}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t("back")}</button>
            </span>
          ) : (
            <button type="button" class="primary" data-testid="publish" disabled={busy} onClick={() => setConfirming(true)}>{x("publish")}</button>
          )}
        </div>
      </form>
    </section>
  );
}

interface MyClass { id: string; name: string }

/**
 * The author's own classes from the directory (GET /api/me), to seat as a whole: their students join the roster when
 * the exam is published (PROTOCOL §6). A class chosen before but no longer the author's stays listed under its id.
 */
function RosterClasses({ chosen, onChange }: { chosen: string[]; onChange: (classes: string[]) => void }) {
  const [mine, setMine] = useState<MyClass[] | null>(null);
  useEffect(() => {
    rest<{ classes: MyClass[] }>("GET", "/api/me").then((me) => setMine(me.classes), () => setMine([]));
  }, []);
  if (mine === null) return null;
  const listed = [...mine, ...chosen.filter((id) => !mine.some((c) => c.id === id)).map((id) => ({ id, name: id }))];
  if (listed.length === 0) return null;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset class="roster-classes" data-roster-classes>
      <legend>{x("rosterClasses")}</legend>
      {listed.map((c) => (
        <label class="option" key={c.id}>
          <input type="checkbox" name="rosterClass" value={c.id} checked={chosen.includes(c.id)}
            onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)} />
          {c.name}
        </label>
      ))}
    </fieldset>
  );
}
