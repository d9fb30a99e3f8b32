import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { session } from "../session";
import { useSignal } from "../signal";
import { MyExamsCard } from "../exams/MyExamsCard";
import { d } from "../directory/strings";
import { g } from "../groups/strings";
import { ErrorLine } from "./ErrorLine";
import { UpcomingSessions } from "../home/UpcomingSessions";
import { TutoringCard } from "../tutoring/TutoringCard";
import { ClassroomCard } from "../classroom/ClassroomCard";
import { HomeworkCard } from "../homework/HomeworkCard";
import { MyCopiesCard } from "../home/MyCopiesCard";

interface MyGroup {
  id: string;
  name: string;
  subject: string;
  grade: string;
  role: string;
  memberCount: number;
}

/** A teacher's groups, the way to find more and a form to create one; an admin's directory import; for everyone, a box to open an exam by its id. */
export function Home() {
  const user = useSignal(session)!.user;
  return (
    <div class="columns">
      {user.role === "admin" && <DirectoryCard />}
      {user.role !== "student" && <Groups />}
      {user.role !== "student" && <UpcomingSessions />}
      {user.role === "teacher" && <MyCopiesCard />}
      <ExamEntry canProctor={user.role !== "student"} />
      <MyExamsCard />
      <TutoringCard />
      <ClassroomCard />
      <HomeworkCard />
    </div>
  );
}

function Groups() {
  const [groups, setGroups] = useState<MyGroup[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ name: "", subject: "", grade: "", county: "", description: "" });

  useEffect(() => {
    rest<MyGroup[]>("GET", "/api/me/groups").then(setGroups, setError);
  }, []);

  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", "/api/groups", {
        ...form,
        description: form.description || undefined,
        county: form.county.trim() || undefined,
      });
      navigate(`/groups/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure);
    }
  }
  const field = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });

  return (
    <section class="card">
      <h2>{t("myGroups")}</h2>
      {groups === null ? (
        <p class="muted">{t("loading")}</p>
      ) : groups.length === 0 ? (
        <p class="muted">{t("noGroups")}</p>
      ) : (
        <ul class="list" data-testid="my-groups">
          {groups.map((g) => (
            <li>
              <a href={`/groups/${encodeURIComponent(g.id)}`} onClick={(e) => { e.preventDefault(); navigate(`/groups/${encodeURIComponent(g.id)}`); }}>
                {g.name}
              </a>
              <span class="muted"> {g.subject} · {g.grade} · {g.memberCount} {t("memberCount")} · {t(g.role === "leader" ? "leader" : "member")}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/find-groups" data-testid="find-groups" onClick={(e) => { e.preventDefault(); navigate("/find-groups"); }}>{g("findGroups")}</a>
      </p>
      <h3>{t("createGroup")}</h3>
      <form class="form" onSubmit={create} data-testid="create-group">
        <label>{t("groupName")}<input name="name" required maxLength={100} value={form.name} onInput={field("name")} /></label>
        <label>{t("subject")}<input name="subject" required maxLength={50} value={form.subject} onInput={field("subject")} /></label>
        <label>{t("grade")}<input name="grade" required maxLength={50} value={form.grade} onInput={field("grade")} /></label>
        <label>{t("county")}<input name="county" maxLength={50} placeholder={g("cityWide")} value={form.county} onInput={field("county")} /></label>
        <label>{t("description")}<textarea name="description" maxLength={2000} value={form.description} onInput={field("description")} /></label>
        <button type="submit" class="primary">{t("create")}</button>
      </form>
      <ErrorLine error={error} />
    </section>
  );
}

function DirectoryCard() {
  return (
    <section class="card">
      <h2>{d("importCard")}</h2>
      <p class="muted">{d("importIntro")}</p>
      <button type="button" class="primary" data-testid="open-directory-import" onClick={() => navigate("/directory/import")}>{d("openImport")}</button>
    </section>
  );
}

function ExamEntry({ canProctor }: { canProctor: boolean }) {
  const [examId, setExamId] = useState("");
  const go = (suffix: string) => (e: Event) => {
    e.preventDefault();
    if (examId.trim()) navigate(`/exams/${encodeURIComponent(examId.trim())}${suffix}`);
  };
  return (
    <section class="card">
      <h2>{t("exams")}</h2>
      <form class="form inline" onSubmit={go(canProctor ? "/proctor" : "")}>
        <label>{t("examId")}<input name="examId" value={examId} onInput={(e) => setExamId((e.target as HTMLInputElement).value)} /></label>
        {canProctor ? (
          <button type="submit" class="primary">{t("proctorExam")}</button>
        ) : (
          <button type="submit" class="primary">{t("openExam")}</button>
        )}
      </form>
    </section>
  );
}
