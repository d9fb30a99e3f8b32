import { navigate } from "../router";
import { fs } from "./forkStrings";

interface CopyPlan { forkedFrom: string | null; originTitle?: string | null; title: string }

/** On a personal copy: the plan it was forked from, by its title, as a link; nothing on a group's plan. */
export function ForkOrigin({ plan }: { plan: CopyPlan }) {
  if (!plan.forkedFrom) return null;
  const href = `/lessonpreps/${encodeURIComponent(plan.forkedFrom)}`;
  return (
    <p class="muted" data-testid="fork-origin">
      {fs("copyOf")}{" "}
      <a href={href} data-testid="fork-origin-link" onClick={(e) => { e.preventDefault(); navigate(href); }}>
        {plan.originTitle ?? plan.title}
      </a>
    </p>
  );
}
