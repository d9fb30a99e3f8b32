import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import { useSignal } from "../signal";
import { ct } from "./strings";
import "./classroom.css";

interface ClassroomInfo {
  id: string;
  title: string;
  subject: string;
  startsAt: string;
  hostName: string;
  status: string;
  classes: { classId: string; name: string; schoolName: string }[];
}

interface Me {
  classes: { id: string; name: string }[];
}

/** The home page's classroom card: the classrooms this user hosts, assists or sits in; teachers set up a new one. */
export function ClassroomCard() {
  const user = useSignal(session)!.user;
  const [classrooms, setClassrooms] = useState<ClassroomInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    rest<ClassroomInfo[]>("GET", "/api/me/classrooms").then(setClassrooms, setError);
  }, []);
  return (
    <section class="card" data-testid="classroom-card">
      <h2>{ct("classrooms")}</h2>
      <h3>{ct("myClassrooms")}</h3>
      {classrooms === null ? (
        <p class="muted">{ct("loading")}</p>
      ) : classrooms.length === 0 ? (
        <p class="muted">{ct("noClassrooms")}</p>
      ) : (
        <ul class="list" data-testid="my-classrooms">
          {classrooms.map((c) => (
            <li key={c.id}>
              <a href={`/classrooms/${encodeURIComponent(c.id)}`} data-testid={`classroom-${c.id}`}
                onClick={(e) => { e.preventDefault(); navigate(`/classrooms/${encodeURIComponent(c.id)}`); }}>
                {c.title}
              </a>{" "}
              <span class="muted">{c.subject} · {c.hostName} · {ct(`status_${c.status}` as Parameters<typeof ct>[0])} · {c.classes.length} {ct("classes")}</span>
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
      {user.role === "teacher" && <CreateClassroom />}
    </section>
  );
}

function CreateClassroom() {
  const [mine, setMine] = useState<Me["classes"]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ title: "", subject: "", grade: "", startsAt: "", hostClassId: "", linked: "" });
  useEffect(() => {
    rest<Me>("GET", "/api/me").then((me) => {
      setMine(me.classes);
      if (me.classes.length > 0) setForm((f) => ({ ...f, hostClassId: f.hostClassId || me.classes[0].id }));
    }, setError);
  }, []);
  const field = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", "/api/classrooms", {
        title: form.title,
        subject: form.subject,
        grade: form.grade,
        startsAt: form.startsAt ? new Date(form.startsAt).toISOString() : new Date().toISOString(),
        hostClassId: form.hostClassId,
        linkedClassIds: form.linked.split(/[,，\s]+/).filter((id) => id.length > 0),
      });
      navigate(`/classrooms/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form class="stack" data-testid="create-classroom" onSubmit={create}>
      <h3>{ct("createClassroom")}</h3>
      <label>{ct("title")}<input data-testid="classroom-title-input" value={form.title} onInput={field("title")} required /></label>
      <label>{ct("subject")}<input data-testid="classroom-subject" value={form.subject} onInput={field("subject")} required /></label>
      <label>{ct("grade")}<input value={form.grade} onInput={field("grade")} /></label>
      <label>{ct("startsAt")}<input type="datetime-local" value={form.startsAt} onInput={field("startsAt")} /></label>
      <label>
        {ct("hostClass")}
        <select data-testid="classroom-host-class" value={form.hostClassId} onChange={field("hostClassId")}>
          {mine.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.id})</option>)}
        </select>
      </label>
      <label>{ct("linkedClasses")}<input data-testid="classroom-linked" value={form.linked} onInput={field("linked")} /></label>
      <button type="submit" class="primary" data-testid="create-classroom-submit">{ct("create")}</button>
      <ErrorLine error={error} />
    </form>
  );
}
