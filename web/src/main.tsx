import { render } from "preact";
import { ObservationScreen } from "./observation/ObservationScreen";
import { ConnectionBanner } from "./screens/ConnectionBanner";
import { ExamProctor } from "./screens/ExamProctor";
import { ExamTake } from "./screens/ExamTake";
import { GroupSpace } from "./screens/GroupSpace";
import { Header } from "./screens/Header";
import { Home } from "./screens/Home";
import { LessonPrepEditor } from "./screens/LessonPrepEditor";
import { SignIn } from "./screens/SignIn";
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
  if ((params = match(/^\/groups\/([^/]+)$/, current))) return <GroupSpace key={params[0]} groupId={params[0]} />;
  if ((params = match(/^\/lessonpreps\/([^/]+)$/, current))) return <LessonPrepEditor key={params[0]} prepId={params[0]} />;
  if ((params = match(/^\/observations\/([^/]+)$/, current))) return <ObservationScreen key={params[0]} observationId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)\/proctor$/, current))) return <ExamProctor key={params[0]} examId={params[0]} />;
  if ((params = match(/^\/exams\/([^/]+)$/, current))) return <ExamTake key={params[0]} examId={params[0]} />;
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
