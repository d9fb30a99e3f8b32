import { useState } from "preact/hooks";
import { strings, t } from "../i18n";
import type { CandidateProgress } from "../live/events.generated";
import { Act, ProctorActions } from "./ProctorActions";
import { countsOf, shownLines, statuses } from "./proctorView";
import { r } from "./roomStrings";

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "—");

/**
 * The candidates the proctor oversees (already limited to the room picked), counted by status, with a filter by
 * status and a search by id or name; each line shows its room, its accommodation and deadline, and its actions.
 */
export function ProctorRoster({ lines, rooms, act }: { lines: CandidateProgress[]; rooms: Map<string, string>; act: Act }) {
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const names = strings().statusNames;
  const counts = countsOf(lines);
  const shown = shownLines(lines, "", status, search);
  return (
    <>
      <p class="counts" data-testid="counts">
        {statuses.map((k) => (
          <span class={`count ${k}`} data-count={k}>{names[k]} {counts[k]}</span>
        ))}
      </p>
      <div class="roster-filter">
        <label>{r("filterStatus")}
          <select name="status" data-testid="status-filter" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            <option value="">{r("allStatuses")}</option>
            {statuses.map((k) => <option value={k}>{names[k]}</option>)}
          </select>
        </label>
        <label>{r("search")}
          <input name="search" type="search" data-testid="roster-search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        </label>
        <span class="muted" data-testid="shown">{r("shown", { n: shown.length, total: lines.length })}</span>
      </div>
      <table class="roster" data-testid="roster">
        <thead>
          <tr>
            <th>{t("studentId")}</th><th>{t("name")}</th>{rooms.size > 0 && <th>{r("room")}</th>}<th>{t("status")}</th>
            <th>{t("answered")}</th><th>{t("focusLosses")}</th><th>{r("accommodation")}</th><th>{r("deadline")}</th>
            <th>{t("lastSeen")}</th><th />
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.studentId} data-student={s.studentId} data-status={s.status} data-room={s.roomId ?? ""}>
              <td>{s.studentId}</td>
              <td>{s.name}</td>
              {rooms.size > 0 && <td>{s.roomId ? rooms.get(s.roomId) ?? s.roomId : "—"}</td>}
              <td><span class={`status ${s.status}`}>{names[s.status] ?? s.status}</span></td>
              <td data-answered>{s.answered}</td>
              <td>{s.focusLosses}</td>
              <td data-accommodation={s.accommodationMinutes}>{s.accommodationMinutes ? r("accommodationMinutes", { n: s.accommodationMinutes }) : "—"}</td>
              <td data-deadline={s.deadline ?? ""}>{time(s.deadline)}</td>
              <td>{time(s.lastSeenAt)}</td>
              <td><ProctorActions line={s} act={act} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
