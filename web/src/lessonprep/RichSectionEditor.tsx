import type Quill from "quill";
import { useEffect, useRef } from "preact/hooks";
import type { Member } from "./LessonPrepEditor";
import { SectionComments } from "./SectionComments";
import { SectionHead } from "./SectionHead";
import type { PlanComment } from "./serverAnchors";
import { s } from "./strings";

interface Props {
  planId: string;
  section: { key: string; title: string; assignee: string | null };
  readOnly: boolean;
  canAssign: boolean;
  members: Member[];
  nameOf: (userId: string) => string;
  assign: (userId: string | null) => void;
  /** Called once with the section's editor; the plan editor drives it from then on (content, carets, edits). */
  bind: (quill: Quill) => void;
  /** This user's edits the server could no longer place (PROTOCOL §0 stale_revision), shown for copying. */
  unplaced: string | null;
  onError: (error: unknown) => void;
  comments: PlanComment[];
  quote: (comment: PlanComment) => string;
  activeComment: string | null;
  addComment: (text: string) => Promise<boolean>;
  resolveComment: (commentId: string) => void;
  pickComment: (comment: PlanComment) => void;
  composing: (focused: boolean) => void;
}

/** A rich section (PROTOCOL §9): a Quill editor the plan editor keeps in step with the server, its comments beside it. */
export function RichSectionEditor(props: Props) {
  const host = useRef<HTMLDivElement | null>(null);
  const quill = useRef<Quill | null>(null);

  useEffect(() => {
    // Quill and KaTeX load with the first rich section, not with every screen of the app.
    void import("./richQuill").then(({ createRichQuill }) => {
      if (!host.current || quill.current) return;
      quill.current = createRichQuill(host.current, props.planId, props.readOnly, props.onError);
      props.bind(quill.current);
    }, props.onError);
  }, []);

  useEffect(() => quill.current?.enable(!props.readOnly), [props.readOnly]);

  return (
    <div class="section rich" data-section={props.section.key}>
      <SectionHead section={props.section} canAssign={props.canAssign} members={props.members} nameOf={props.nameOf} assign={props.assign} />
      <div class="rich-layout">
        <div class="rich-box" aria-labelledby={`title-${props.section.key}`}>
          <div ref={host} data-testid={`rich-${props.section.key}`} />
        </div>
        <SectionComments
          section={props.section}
          comments={props.comments}
          quote={props.quote}
          readOnly={props.readOnly}
          addComment={props.addComment}
          resolveComment={props.resolveComment}
          active={props.activeComment}
          pick={props.pickComment}
          composing={props.composing}
        />
      </div>
      {props.unplaced !== null && (
        <div class="notice" role="alert" data-testid={`unplaced-${props.section.key}`}>
          <p>{s("unplaced")}</p>
          <textarea readOnly rows={4} value={props.unplaced} />
        </div>
      )}
    </div>
  );
}
