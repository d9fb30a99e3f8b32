import { useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { Refusal as FieldRefusal } from "../exams/FieldError";
import { fieldOf, localInput, QuestionDraft, questionToWire } from "../exams/paperForm";
import { QuestionListEditor } from "../exams/QuestionListEditor";
import { ClassPicker } from "../homework/ClassPicker";
import { homeworkPath } from "../homework/homeworkWire";
import { Refusal } from "../homework/Refusal";
import { hw } from "../homework/strings";
import { navigate } from "../router";
import "../exams/exams.css";
import "../homework/homework.css";

/** Tomorrow at 20:00 local time: an evening's homework. */
function defaultDue(): string {
  const due = new Date();
  due.setDate(due.getDate() + 1);
  due.setHours(20, 0, 0, 0);
  return localInput(due.toISOString());
}

/**
 * Setting one homework for several classes at once (PROTOCOL §8): the classes, title, subject, due time and questions
 * of the exam kinds, written with the exam editor's own question editor. The server checks everything; a refusal of
 * a question's field stands beside it, any other with its code under the form.
 */
export function HomeworkSet() {
  const [title, setTitle] = useState("");
  const [subject, setSubject] = useState("");
  const [dueAt, setDueAt] = useState(defaultDue);
  const [classIds, setClassIds] = useState<string[]>([]);
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setRefusal(null);
    setBusy(true);
    const due = new Date(dueAt);
    try {
      const { id } = await rest<{ id: string }>("POST", "/api/homework", {
        title,
        subject,
        classIds,
        dueAt: Number.isNaN(due.getTime()) ? undefined : due.toISOString(),
        questions: questions.map(questionToWire),
      });
      navigate(homeworkPath(id));
    } catch (error) {
      setRefusal({ at: error instanceof ApiError ? fieldOf(error.detail, questions) : null, error });
    } finally {
      setBusy(false);
    }
  }

  const questionRefusal = refusal?.at?.question ? refusal : null;
  return (
    <section class="card wide exam-author" data-testid="homework-set">
      <a class="link" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>← {hw("back")}</a>
      <h1>{hw("newHomework")}</h1>
      <form class="form" onSubmit={submit}>
        <div class="exam-meta">
          <label>{hw("title")}<input name="title" maxLength={100} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} /></label>
          <label>{hw("subject")}<input name="subject" maxLength={50} value={subject} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} /></label>
          <label>{hw("dueAt")}<input type="datetime-local" name="dueAt" value={dueAt} onInput={(e) => setDueAt((e.target as HTMLInputElement).value)} /></label>
        </div>
        <ClassPicker chosen={classIds} onChange={setClassIds} />
        <h2>{hw("questions")}</h2>
        <QuestionListEditor questions={questions} refusal={questionRefusal} onChange={setQuestions} />
        {refusal && !questionRefusal && <Refusal error={refusal.error} />}
        {questionRefusal && <div data-testid="refusal" data-code={questionRefusal.error instanceof ApiError ? questionRefusal.error.code : "client"} />}
        <div class="author-bar">
          <button type="submit" class="primary" data-testid="homework-submit-set" disabled={busy}>{hw("submitSet")}</button>
        </div>
      </form>
    </section>
  );
}
