import { useState } from "preact/hooks";
import type { PlanComment } from "./serverAnchors";
import { s } from "./strings";

interface Props {
  section: { key: string; title: string };
  comments: PlanComment[];
  /** The words a comment covers now, in this tab's text. */
  quote: (comment: PlanComment) => string;
  readOnly: boolean;
  /** Comments the section's current selection; false when nothing is selected. */
  addComment: (text: string) => Promise<boolean>;
  resolveComment: (commentId: string) => void;
  /** The comment whose range holds the caret, shown as the one being read. */
  active?: string | null;
  /** Shows a comment's range in the editor (a rich section selects it). */
  pick?: (comment: PlanComment) => void;
  /** The comment box took or lost focus: a rich section keeps the selection to comment visible meanwhile. */
  composing?: (focused: boolean) => void;
}

/** A section's comments (PROTOCOL §2): each with its quoted words, author and time, resolve, and a new one on the selection. */
export function SectionComments(props: Props) {
  const { section, readOnly } = props;
  const [draft, setDraft] = useState("");
  const [hint, setHint] = useState(false);
  const open = props.comments.filter((c) => !c.resolved);

  async function submit(e: Event) {
    e.preventDefault();
    if (!draft.trim()) return;
    try {
      const added = await props.addComment(draft.trim());
      setHint(!added);
      if (added) setDraft("");
    } catch {
      // the editor's error line says why
    }
  }

  return (
    <div class="comments">
      <h3 class="comments-title">{s("comments")} ({open.length})</h3>
      {props.comments.length === 0 ? (
        <p class="muted">{s("noComments")}</p>
      ) : (
        <ul class="comment-list" data-testid={`comments-${section.key}`}>
          {props.comments.map((c) => (
            <li
              class={`comment${c.resolved ? " resolved" : ""}${props.active === c.id ? " active" : ""}`}
              data-comment={c.id}
              onClick={props.pick && !c.resolved ? () => props.pick!(c) : undefined}
            >
              <q class="quote" data-testid="comment-quote">{props.quote(c)}</q>
              <span class="comment-text">{c.text}</span>
              <span class="muted comment-by">
                {" "}— {c.name} <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
              </span>
              {c.resolved ? (
                <span class="badge">{s("resolved")}</span>
              ) : (
                !readOnly && (
                  <button
                    type="button"
                    class="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      props.resolveComment(c.id);
                    }}
                  >
                    {s("resolve")}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form class="comment-form" onSubmit={submit}>
          <input
            name={`comment-${section.key}`}
            aria-label={`${s("comments")}: ${section.title}`}
            placeholder={s("commentPlaceholder")}
            maxLength={2000}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            onFocus={() => props.composing?.(true)}
            onBlur={() => props.composing?.(false)}
          />
          <button type="submit">{s("addComment")}</button>
        </form>
      )}
      {hint && <p class="error" role="alert">{s("selectFirst")}</p>}
    </div>
  );
}
