import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import type { LiveConnection, LiveEvent } from "../live/liveConnection";
import { ErrorLine } from "../screens/ErrorLine";
import { fs } from "./forkStrings";

export interface ForkRecord {
  forkId: string;
  userId: string;
  name: string;
  at: string;
  reflected: boolean;
  reflection?: string | null;
  reflectedAt?: string | null;
}

const when = (iso: string) => new Date(iso).toLocaleString([], { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * On a group's plan: the personal copies teachers made of it, each with the latest after-class reflection its copy
 * reported (PROTOCOL §2). It reads the plan's view, and reads it again on the plan's fork events and after a re-join,
 * over the editor's own connection, so it never shows less than the server kept.
 */
export function ReflectionsPanel({ plan, live }: { plan: { id: string; forkedFrom: string | null }; live: LiveConnection | null }) {
  const [forks, setForks] = useState<ForkRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isOriginal = !plan.forkedFrom;

  useEffect(() => {
    if (!isOriginal || !live) return;
    const stream = `lessonprep/${plan.id}`;
    const read = () =>
      rest<{ forks?: ForkRecord[] }>("GET", `/api/lessonpreps/${encodeURIComponent(plan.id)}`)
        .then((view) => setForks(view.forks ?? []), setError);
    const onEvent = (event: LiveEvent) => {
      if (event.stream === stream && (event.type === "plan.forked" || event.type === "fork.reflected")) void read();
    };
    live.hub.on("Event", onEvent);
    const stopRejoin = live.onRejoin(read);
    void read();
    return () => {
      live.hub.off("Event", onEvent);
      stopRejoin();
    };
  }, [plan.id, isOriginal, live]);

  if (!isOriginal || forks === null) return error ? <ErrorLine error={error} /> : null;
  return (
    <section class="card wide" data-testid="fork-reflections">
      <h2>{fs("copies")}</h2>
      {forks.length === 0 ? (
        <p class="muted">{fs("noCopies")}</p>
      ) : (
        <ul class="list">
          {forks.map((f) => (
            <li key={f.forkId} data-testid={`fork-${f.forkId}`}>
              <p class="muted">{fs("forkedAt", { name: f.name, at: when(f.at) })}</p>
              {f.reflection ? (
                <blockquote data-testid="fork-reflection" style={{ whiteSpace: "pre-wrap" }}>
                  {f.reflection}
                  <footer class="muted">{fs("reflectedAt", { name: f.name, at: when(f.reflectedAt ?? f.at) })}</footer>
                </blockquote>
              ) : (
                <p class="muted">{fs("noReflection")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
