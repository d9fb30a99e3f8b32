import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import "./home.css";
import { s } from "./strings";

interface LessonCopy {
  id: string;
  title: string;
  originId: string;
  originTitle: string;
  phase: string;
  createdAt: string;
  changedAt: string;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** The teacher's personal copies of finalized plans (二次备课), newest first, each with the plan it came from. */
export function MyCopiesCard() {
  const [copies, setCopies] = useState<LessonCopy[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    rest<LessonCopy[]>("GET", "/api/me/lessonpreps/copies").then(setCopies, setError);
  }, []);
  const link = (id: string, text: string, testId: string) => {
    const href = `/lessonpreps/${encodeURIComponent(id)}`;
    return <a href={href} data-testid={testId} onClick={(e) => { e.preventDefault(); navigate(href); }}>{text}</a>;
  };
  return (
    <section class="card" aria-labelledby="my-copies-title">
      <h2 id="my-copies-title">{s("myCopies")}</h2>
      <ErrorLine error={error} />
      {copies === null ? (
        !error && <p class="muted">{t("loading")}</p>
      ) : copies.length === 0 ? (
        <p class="muted">{s("noCopies")}</p>
      ) : (
        <ul class="list" data-testid="my-copies">
          {copies.map((c) => (
            <li key={c.id} data-testid={`copy-${c.id}`}>
              {link(c.id, c.title, "copy-link")}
              <span class="muted">
                {" "}· {s("copyFrom")} {link(c.originId, c.originTitle, "copy-origin")} · {t(`phase_${c.phase}` as any) || c.phase} · {s("changedAt", { at: when(c.changedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
