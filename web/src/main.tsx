import { render } from "preact";
import { ClassroomScreen } from "./classroom/ClassroomScreen";
import { DirectoryImport } from "./directory/DirectoryImport";
import { ExamEditor } from "./exams/ExamEditor";
import { ExamMarking } from "./exams/ExamMarking";
import { ExamResults } from "./exams/ExamResults";
import { MyResult } from "./exams/MyResult";
import { ObservationScreen } from "./observation/ObservationScreen";
import { ConnectionBanner } from "./screens/ConnectionBanner";
import { ExamProctor } from "./screens/ExamProctor";
import { ExamTake } from "./screens/ExamTake";
import { FindGroups } from "./groups/FindGroups";
import { GroupSpace } from "./screens/GroupSpace";
import { Header } from "./screens/Header";
import { Home } from "./screens/Home";
import { HomeworkMarking } from "./screens/HomeworkMarking";
import { HomeworkResults } from "./screens/HomeworkResults";
import { HomeworkSet } from "./screens/HomeworkSet";
import { HomeworkTake } from "./screens/HomeworkTake";
import { LessonPrepEditor } from "./lessonprep/LessonPrepEditor";
import { SignIn } from "./screens/SignIn";
import { resumeOidcSession } from "./auth/oidc";
import { TutoringRoom } from "./tutoring/TutoringRoom";
import { lang } from "./i18n";
import { match, path } from "./router";
import { session } from "./session";
import { useSignal } from "./signal";
import "./styles.css";

function Screen() {
  const current = useSignal(path);
  const user = useSignal(session);
  if (!user) return <SignIn />;
  let params: string[] | null;
  if (current === "/directory/import") return <DirectoryImport />;
  if (current === "/find-groups") return <FindGroups />;
  if ((params = match(/^\/groups\/([^/]+)$/, current))) return <GroupSpace key={params[0]} groupId={params[0]} />;
  if ((params = match(/^\/lessonpreps\/([^/]+)$/, current))) return <LessonPrepEditor key={params[0]} prepId={params[0]} />;
  if (current === "/exams/new") return <ExamEditor key="new" examId={null} />;
  if ((params = match(/^\/exams\/([^/]+)\/edit$/, current))) return <ExamEditor key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)\/marking$/, current))) return <ExamMarking key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)\/results$/, current))) return <ExamResults key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)\/my-result$/, current))) return <MyResult key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/observations\/([^/]+)$/, current))) return <ObservationScreen key={params[0]} observationId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)\/proctor$/, current))) return <ExamProctor key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)$/, current))) return <ExamTake key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/tutoring\/([^/]+)$/, current))) return <TutoringRoom key={params[0]} roomId={params[0]} />;
  if ((params = match(/^\/classrooms\/([^/]+)$/, current))) return <ClassroomScreen key={params[0]} classroomId={params[0]} />;
  if (current === "/homework/new") return <HomeworkSet />;
  if ((params = match(/^\/homework\/([^/]+)\/marking$/, current))) return <HomeworkMarking key={params[0]} homeworkId={params[0]} />;
  if ((params = match(/^\/homework\/([^/]+)\/results$/, current))) return <HomeworkResults key={params[0]} homeworkId={params[0]} />;
  if ((params = match(/^\/homework\/([^/]+)$/, current))) return <HomeworkTake key={params[0]} homeworkId={params[0]} />;
  return <Home />;
}

function App() {
  useSignal(lang);
  return (
    <>
      <Header />
      <ConnectionBanner />
      <main>
        <Screen />
      </main>
    </>
  );
}

document.documentElement.lang = lang.get() === "zh" ? "zh-CN" : "en";
render(<App />, document.getElementById("app")!);
// Without the config (the server away) a stored token just lasts until it expires; the next sign-in renews again.
void resumeOidcSession().catch(() => undefined);
