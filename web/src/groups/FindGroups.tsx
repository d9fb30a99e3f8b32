import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import "./groups.css";
import { g } from "./strings";

interface CatalogGroup {
  id: string;
  name: string;
  subject: string;
  grade: string;
  county: string | null;
  memberCount: number;
  leader: { userId: string; name: string };
}
interface Filters { county: string; subject: string; grade: string; q: string }
type Ask = { state: "asking" } | { state: "requested" } | { state: "failed"; error: unknown };

const pageSize = 20;
const empty: Filters = { county: "", subject: "", grade: "", q: "" };

function searchPath(filters: Filters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  if (cursor) params.set("cursor", cursor);
  return `/api/groups?${params}`;
}

/** The city-wide group catalog for teachers (GET /api/groups, PROTOCOL §1 and §6), paged by cursor, with a request to join each. */
export function FindGroups() {
  const [form, setForm] = useState<Filters>(empty);
  const [applied, setApplied] = useState<Filters>(empty);
  const [groups, setGroups] = useState<CatalogGroup[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mine, setMine] = useState<Set<string>>(new Set());
  const [asks, setAsks] = useState<Record<string, Ask>>({});
  const [counties, setCounties] = useState<string[]>([]);
  const latest = useRef(0);

  useEffect(() => {
    rest<{ id: string }[]>("GET", "/api/me/groups").then((list) => setMine(new Set(list.map((x) => x.id))), setError);
    // The directory's counties only suggest: a group's county is what its leader typed.
    rest<{ schools: { county: string }[] }>("GET", "/api/directory/schools").then(
      ({ schools }) => setCounties([...new Set(schools.map((s) => s.county))].sort()),
      () => undefined,
    );
    void load(empty, null);
  }, []);

  /** Only the latest search is shown: the first page's answer may come after a search typed while it ran. */
  async function load(filters: Filters, cursor: string | null) {
    const asked = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await rest<{ groups: CatalogGroup[]; nextCursor: string | null }>("GET", searchPath(filters, cursor));
      if (asked !== latest.current) return;
      setGroups((shown) => (cursor && shown ? [...shown, ...page.groups] : page.groups));
      setNext(page.nextCursor);
      setApplied(filters);
    } catch (failure) {
      if (asked === latest.current) setError(failure);
    } finally {
      if (asked === latest.current) setLoading(false);
    }
  }

  async function ask(groupId: string) {
    setAsks((a) => ({ ...a, [groupId]: { state: "asking" } }));
    try {
      await rest("POST", `/api/groups/${encodeURIComponent(groupId)}/join-requests`);
      setAsks((a) => ({ ...a, [groupId]: { state: "requested" } }));
    } catch (failure) {
      setAsks((a) => ({ ...a, [groupId]: { state: "failed", error: failure } }));
    }
  }

  const field = (key: keyof Filters) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const open = (id: string) => (e: Event) => { e.preventDefault(); navigate(`/groups/${encodeURIComponent(id)}`); };

  return (
    <section class="card find-groups">
      <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
      <h1>{g("findGroups")}</h1>
      <p class="muted">{g("findIntro")}</p>
      <form class="form filters" data-testid="group-filters" onSubmit={(e) => { e.preventDefault(); void load(form, null); }}>
        <label>{g("county")}<input name="county" list="county-suggestions" maxLength={50} placeholder={g("anyCounty")} value={form.county} onInput={field("county")} /></label>
        <datalist id="county-suggestions">{counties.map((c) => <option value={c} />)}</datalist>
        <label>{g("subject")}<input name="subject" maxLength={50} value={form.subject} onInput={field("subject")} /></label>
        <label>{g("grade")}<input name="grade" maxLength={50} value={form.grade} onInput={field("grade")} /></label>
        <label>{g("name")}<input name="q" maxLength={100} value={form.q} onInput={field("q")} /></label>
        <button type="submit" class="primary" disabled={loading}>{g("search")}</button>
      </form>
      <ErrorLine error={error} />
      {groups === null ? (
        !error && <p class="muted">{t("loading")}</p>
      ) : groups.length === 0 ? (
        <p class="muted" data-testid="no-groups-found">{g("noResults")}</p>
      ) : (
        <ul class="catalog" data-testid="group-results" data-county={applied.county}>
          {groups.map((group) => {
            const asked = asks[group.id];
            return (
              <li key={group.id} data-group={group.id}>
                <div class="title">
                  {mine.has(group.id) ? <a href={`/groups/${encodeURIComponent(group.id)}`} onClick={open(group.id)}>{group.name}</a> : <strong>{group.name}</strong>}
                </div>
                <div class="muted">
                  {group.subject} · {group.grade} · {group.county ?? g("cityWide")} · {g("members", { n: group.memberCount })} · {g("leaderIs", { name: group.leader.name })}
                </div>
                {mine.has(group.id) ? (
                  <span class="tag">{g("alreadyMember")}</span>
                ) : asked?.state === "requested" ? (
                  <span class="tag" data-testid="requested">{g("requested")}</span>
                ) : (
                  <button type="button" data-testid="ask-to-join" disabled={asked?.state === "asking"} onClick={() => ask(group.id)}>
                    {asked?.state === "asking" ? g("asking") : g("askToJoin")}
                  </button>
                )}
                {asked?.state === "failed" && <ErrorLine error={asked.error} />}
              </li>
            );
          })}
        </ul>
      )}
      {next && (
        <button type="button" data-testid="more-groups" disabled={loading} onClick={() => load(applied, next)}>{g("more")}</button>
      )}
    </section>
  );
}
