import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import "./home.css";
import { s } from "./strings";

interface Session { kind: string; id: string; title: string; startsAt: string }
interface Upcoming extends Session { groupId: string; groupName: string }

/** A session stays listed for this long after it started, since it is then under way rather than past. */
const underWayMs = 60 * 60 * 1000;
const shown = 10;

/** The sessions coming up across the teacher's groups (PROTOCOL §1 group views), soonest first. */
export function UpcomingSessions() {
  const [items, setItems] = useState<Upcoming[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    (async () => {
      const groups = await rest<{ id: string; name: string }[]>("GET", "/api/me/groups");
      const views = await Promise.all(
        groups.map((g) => rest<{ sessions: Session[] }>("GET", `/api/groups/${encodeURIComponent(g.id)}`).then((v) => ({ g, v }))),
      );
      const from = Date.now() - underWayMs;
      const all = views.flatMap(({ g, v }) => v.sessions.map((x) => ({ ...x, groupId: g.id, groupName: g.name })));
      setItems(all.filter((x) => Date.parse(x.startsAt) >= from).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)).slice(0, shown));
    })().catch(setError);
  }, []);

  const open = (item: Upcoming) => (e: Event) => {
    e.preventDefault();
    navigate(item.kind === "lessonprep" ? `/lessonpreps/${encodeURIComponent(item.id)}` : `/groups/${encodeURIComponent(item.groupId)}`);
  };
  const kind = (k: string) => (["observation", "lessonprep", "exam", "tutoring"].includes(k) ? s(`kind_${k}` as "kind_exam") : k);

  return (
    <section class="card upcoming" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{s("upcoming")}</h2>
      <ErrorLine error={error} />
      {items === null ? (
        !error && <p class="muted">{t("loading")}</p>
      ) : items.length === 0 ? (
        <p class="muted">{s("noUpcoming")}</p>
      ) : (
        <ul class="list" data-testid="upcoming">
          {items.map((item) => (
            <li key={`${item.kind}/${item.id}`}>
              <span class="when">{new Date(item.startsAt).toLocaleString([], { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" })}</span>
              <span class="kind">{kind(item.kind)}</span>
              <a href={item.kind === "lessonprep" ? `/lessonpreps/${encodeURIComponent(item.id)}` : `/groups/${encodeURIComponent(item.groupId)}`} onClick={open(item)}>
                {item.title}
              </a>
              <span class="muted"> · {item.groupName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
