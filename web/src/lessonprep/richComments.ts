import type Quill from "quill";
import type Delta from "quill-delta";

/** A range of a rich section in the editor's content, as Quill counts (UTF-16, an embed 1). */
export interface RichRange {
  index: number;
  length: number;
}

/**
 * A comment's start..end moved through one change the way the server moves it (PROTOCOL §9): text inserted at the
 * start goes before the range and text inserted at the end after it, so typing at either edge never widens it.
 */
export function moveRichRange(change: Delta, start: number, end: number): { start: number; end: number } {
  const movedStart = change.transformPosition(start, false);
  return { start: movedStart, end: Math.max(movedStart, change.transformPosition(end, true)) };
}

/** The painted kinds, each a CSS custom highlight styled by `::highlight(<name>)` in lessonprep.css. */
export type MarkKind = "lessonprep-comment" | "lessonprep-comment-active" | "lessonprep-comment-draft";
const kinds: MarkKind[] = ["lessonprep-comment", "lessonprep-comment-active", "lessonprep-comment-draft"];

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
const registry = (globalThis as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
const HighlightOf = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

/** Every editor's painted ranges by kind: one highlight of a name covers the whole page. */
const painted = new Map<Quill, Map<MarkKind, Range[]>>();

/**
 * Paints ranges of an editor as custom highlights (the CSS Custom Highlight API): nothing in Quill's document or DOM
 * changes, so a comment is never part of the content nor typed into. DOM ranges do not survive Quill's re-rendering,
 * so the owner repaints after every change from the ranges kept in the server's content.
 */
export function paintRanges(quill: Quill, marks: Map<MarkKind, RichRange[]>): void {
  if (!registry || !HighlightOf) return;
  const mine = new Map<MarkKind, Range[]>();
  for (const [kind, ranges] of marks) {
    mine.set(kind, ranges.map((r) => domRange(quill, r)).filter((r): r is Range => r !== null));
  }
  painted.set(quill, mine);
  repaint();
}

/** Forgets an editor that is going away. */
export function unpaint(quill: Quill): void {
  painted.delete(quill);
  repaint();
}

function repaint() {
  for (const kind of kinds) {
    const ranges = [...painted.values()].flatMap((marks) => marks.get(kind) ?? []);
    if (ranges.length) registry!.set(kind, new HighlightOf!(...ranges));
    else registry!.delete(kind);
  }
}

function domRange(quill: Quill, range: RichRange): Range | null {
  if (range.length <= 0) return null;
  const last = quill.getLength() - 1;
  const from = point(quill, Math.min(range.index, last));
  const to = point(quill, Math.min(range.index + range.length, last));
  if (!from || !to) return null;
  const dom = document.createRange();
  dom.setStart(from[0], from[1]);
  dom.setEnd(to[0], to[1]);
  return dom;
}

function point(quill: Quill, index: number): [Node, number] | null {
  const [leaf, offset] = quill.getLeaf(index);
  if (!leaf) return null;
  return leaf.position(offset, true) as [Node, number];
}
