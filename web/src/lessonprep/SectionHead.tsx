import type { Member } from "./LessonPrepEditor";
import { s } from "./strings";

interface Props {
  section: { key: string; title: string; assignee: string | null };
  canAssign: boolean;
  members: Member[];
  nameOf: (userId: string) => string;
  assign: (userId: string | null) => void;
}

/** A section's title, who it is assigned to, and for the lead preparer the choice of assignee. */
export function SectionHead({ section, canAssign, members, nameOf, assign }: Props) {
  const assignee = section.assignee;
  return (
    <div class="section-head">
      <h2 id={`title-${section.key}`}>{section.title}</h2>
      <span class="assignee" data-testid={`assignee-${section.key}`}>
        {s("assignee")}: {assignee ? nameOf(assignee) : s("unassigned")}
      </span>
      {canAssign && (
        <label class="assign">
          <span class="sr-only">{s("assignTo")}</span>
          <select
            name={`assign-${section.key}`}
            aria-label={`${s("assignTo")}: ${section.title}`}
            value={assignee ?? ""}
            onChange={(e) => assign((e.target as HTMLSelectElement).value || null)}
          >
            <option value="">{s("unassigned")}</option>
            {members.map((m) => <option value={m.userId}>{m.name}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
