import { StemText } from "../attachments/StemText";
import { navigate } from "../router";
import { answerText, ExamView } from "./paperForm";
import { statusText, x } from "./strings";

const link = (to: string) => (e: Event) => { e.preventDefault(); navigate(to); };

/** A published exam, read-only: its schedule and paper with keys, and the way on to proctoring, marking and results. */
export function PaperView({ view }: { view: ExamView }) {
  const id = encodeURIComponent(view.id);
  return (
    <div data-testid="paper-view" data-status={view.status}>
      <h1>{view.title}</h1>
      <p class="banner info" role="status">{x("published")} <span class="status-tag">{statusText("status_", view.status)}</span></p>
      <p class="muted">
        {view.subject} · {x("opensAt")} {new Date(view.opensAt).toLocaleString()} · {view.durationMinutes} min ·{" "}
        {x("candidatesCount", { n: view.roster.length })} · {x("maxScore", { n: view.maxScore })}
      </p>
      <p class="muted" data-testid="marking-line">
        {x("markersLine", {
          mode: view.marking.mode === "double" ? `${x("doubleMarking")} ±${view.marking.tolerance}` : x("singleMarking"),
          markers: view.markers.length ? ` · ${view.markers.join(", ")}` : "",
        })}
      </p>
      <nav class="exam-links">
        <a href={`/exams/${id}/proctor`} onClick={link(`/exams/${id}/proctor`)} data-link="proctor">{x("proctor")}</a>
        <a href={`/exams/${id}/marking`} onClick={link(`/exams/${id}/marking`)} data-link="marking">{x("marking")}</a>
        <a href={`/exams/${id}/results`} onClick={link(`/exams/${id}/results`)} data-link="results">{x("results")}</a>
      </nav>
      <ol class="q-list read-only">
        {view.questions.map((q, i) => (
          <li class="q-edit" data-question={q.id}>
            <header>
              <strong>{x("questionN", { n: i + 1 })}</strong>
              <span class="kind-tag">{x(`kind_${q.kind}`)}</span>
              <span class="muted">{x("points")} {q.points} · {q.id}</span>
            </header>
            <p class="stem"><StemText stem={q.stem} /></p>
            {q.options && q.options.length > 0 && (
              <ul class="plain">{q.options.map((o) => <li>{o.id}. {o.text}</li>)}</ul>
            )}
            <p class="muted">
              {q.kind === "short" ? x("referenceAnswer") + "：" + (q.reference ?? "—") : x("readOnlyAnswer", { answer: answerText(q, x("answerTrue"), x("answerFalse")) })}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
