import { useLayoutEffect, useRef } from "preact/hooks";
import type { Member } from "./LessonPrepEditor";
import { PlanComment, RemoteCursor } from "./serverAnchors";
import { SectionComments } from "./SectionComments";
import { SectionHead } from "./SectionHead";
import { splitAt } from "./textOperation";

interface Props {
  section: { key: string; title: string; assignee: string | null };
  text: string;
  toLocal: (serverPosition: number, followInsert?: boolean) => number;
  cursors: RemoteCursor[];
  comments: PlanComment[];
  readOnly: boolean;
  canAssign: boolean;
  members: Member[];
  nameOf: (userId: string) => string;
  bindArea: (area: HTMLTextAreaElement) => void;
  onInput: (area: HTMLTextAreaElement) => void;
  onSelect: () => void;
  assign: (userId: string | null) => void;
  addComment: (text: string) => Promise<boolean>;
  resolveComment: (commentId: string) => void;
}

const palette = ["#d81b60", "#8e24aa", "#3949ab", "#00897b", "#f4511e", "#6d4c41", "#00838f", "#7cb342"];

/** A stable colour per user, so a colleague's caret keeps its colour in every section and every tab. */
export function colourOf(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.codePointAt(0)!) | 0;
  return palette[Math.abs(hash) % palette.length];
}

interface Span { from: number; to: number; colour?: string; comment?: boolean }

/**
 * The mirror behind the textarea: the same text, transparent, wrapped the same way, with colleagues' selections and
 * commented ranges as backgrounds and their carets as coloured bars carrying their names.
 */
function Mirror({ text, spans, carets }: { text: string; spans: Span[]; carets: { at: number; colour: string; name: string }[] }) {
  const points = [...text];
  const cuts = new Set<number>([0, points.length]);
  for (const span of spans) {
    cuts.add(Math.min(span.from, points.length));
    cuts.add(Math.min(span.to, points.length));
  }
  for (const caret of carets) cuts.add(Math.min(caret.at, points.length));
  const ordered = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < ordered.length; i++) {
    const at = ordered[i];
    for (const caret of carets.filter((c) => Math.min(c.at, points.length) === at)) {
      parts.push(
        <span class="remote-caret" style={{ borderColor: caret.colour }} data-testid="remote-caret" data-name={caret.name}>
          <span class="remote-name" style={{ background: caret.colour }}>{caret.name}</span>
        </span>,
      );
    }
    if (i + 1 === ordered.length) break;
    const next = ordered[i + 1];
    const covering = spans.filter((x) => x.from <= at && x.to >= next && x.from < x.to);
    const selection = covering.find((x) => x.colour);
    const commented = covering.some((x) => x.comment);
    parts.push(
      <span
        class={commented ? "commented" : undefined}
        style={selection ? { background: `${selection.colour}33` } : undefined}
      >
        {points.slice(at, next).join("")}
      </span>,
    );
  }
  // A trailing newline needs something after it to take up its line, as it does in the textarea.
  return <div class="mirror" aria-hidden="true">{parts}{"\u200b"}</div>;
}

export function SectionEditor(props: Props) {
  const { section, text, toLocal, readOnly } = props;
  const area = useRef<HTMLTextAreaElement | null>(null);

  // The textarea grows with its text, so the mirror never has to follow a scroll position.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  });

  const spans: Span[] = [];
  const carets = [];
  for (const cursor of props.cursors) {
    const colour = colourOf(cursor.userId);
    const anchor = toLocal(cursor.anchor);
    const head = toLocal(cursor.head);
    spans.push({ from: Math.min(anchor, head), to: Math.max(anchor, head), colour });
    carets.push({ at: head, colour, name: props.nameOf(cursor.userId) });
  }
  const open = props.comments.filter((c) => !c.resolved);
  for (const comment of open) {
    const from = toLocal(comment.start, true);
    spans.push({ from, to: Math.max(from, toLocal(comment.end)), comment: true });
  }
  const quote = (c: PlanComment) => {
    const [, rest] = splitAt(text, toLocal(c.start, true));
    return splitAt(rest, Math.max(0, toLocal(c.end) - toLocal(c.start, true)))[0];
  };

  return (
    <div class="section" data-section={section.key}>
      <SectionHead section={section} canAssign={props.canAssign} members={props.members} nameOf={props.nameOf} assign={props.assign} />
      <div class="editor-box">
        <Mirror text={text} spans={spans} carets={carets} />
        <textarea
          name={`section-${section.key}`}
          aria-labelledby={`title-${section.key}`}
          rows={3}
          readOnly={readOnly}
          ref={(el) => {
            area.current = el;
            if (el) props.bindArea(el);
          }}
          onInput={(e) => {
            if (!(e as InputEvent).isComposing) props.onInput(e.target as HTMLTextAreaElement);
          }}
          onCompositionEnd={(e) => props.onInput(e.target as HTMLTextAreaElement)}
          onSelect={props.onSelect}
          onKeyUp={props.onSelect}
          onMouseUp={props.onSelect}
          onFocus={props.onSelect}
        />
      </div>
      <SectionComments
        section={section}
        comments={props.comments}
        quote={quote}
        readOnly={readOnly}
        addComment={props.addComment}
        resolveComment={props.resolveComment}
      />
    </div>
  );
}
