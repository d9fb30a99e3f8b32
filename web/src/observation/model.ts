import type { NoteAddedEvent, RatingsUpdatedEvent, Rubric, RubricDimension } from "../live/events.generated";
import type { TypedEvent } from "../live/typedEvent";

/**
 * The shapes of PROTOCOL §3 / docs/protocol.md §3 as the screen holds them, and how each event changes them. What an
 * event carries is the server's event record (events.generated.ts); the snapshot holds the same shapes.
 */

export type Status = "scheduled" | "live" | "ended" | "finalized";

export type { Rubric };
export type Dimension = RubricDimension;
export type Note = NoteAddedEvent;
export type Aggregate = RatingsUpdatedEvent;

/** The stream events that change the screen's state. */
export const observationEventTypes = ["rubric.changed", "lesson.started", "note.added", "ratings.updated", "lesson.ended", "report.ready"] as const;
export type ObservationEvent = TypedEvent<(typeof observationEventTypes)[number]>;

export interface MyRating { scores: Record<string, number>; comment: string | null; ratedAt: string; weightedTotal: number }
export interface Snapshot {
  id: string;
  groupId: string;
  title: string;
  subject: string;
  grade: string;
  teacherId: string;
  teacherName: string;
  status: Status;
  startsAt: string;
  startedAt: string | null;
  endedAt: string | null;
  finalizedAt: string | null;
  rubric: Rubric;
  notes: Note[];
  myRating: MyRating | null;
  aggregate: Aggregate;
  online: string[];
}
export interface LessonTimes { status: Status; startedAt: string | null; endedAt: string | null }
export interface DimensionSummary {
  key: string;
  name: string;
  weight: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  stdDev: number | null;
}
export interface Report {
  id: string;
  status: Status;
  final: boolean;
  ratingCount: number;
  weightedTotal: number;
  dimensions: DimensionSummary[];
  notes: Omit<Note, "visibility">[];
  comments: { userId: string; name: string; school: string; county: string; text: string; at: string }[];
  observersByCounty: Record<string, number>;
  observerCount: number;
  finalizedAt: string | null;
}

/** Notes stay in lesson order and each appears once, whether it came by event, by Sync or as a command's answer. */
export function withNote(notes: Note[], note: Note): Note[] {
  if (notes.some((n) => n.id === note.id)) return notes;
  return [...notes, note].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id, undefined, { numeric: true }));
}

export function applyEvent(s: Snapshot, event: ObservationEvent): Snapshot {
  switch (event.type) {
    case "rubric.changed":
      return { ...s, rubric: event.data.rubric };
    case "lesson.started":
      return { ...s, status: "live", startedAt: event.data.startedAt };
    case "note.added":
      return { ...s, notes: withNote(s.notes, event.data) };
    case "ratings.updated":
      return { ...s, aggregate: event.data };
    case "lesson.ended":
      return { ...s, status: "ended", endedAt: event.data.endedAt };
    case "report.ready":
      return { ...s, status: "finalized", finalizedAt: event.data.finalizedAt };
  }
}

export function withTimes(s: Snapshot, times: LessonTimes): Snapshot {
  // An answer may arrive after a later event (report.ready); a lesson never goes back in its life.
  const order: Status[] = ["scheduled", "live", "ended", "finalized"];
  const status = order.indexOf(times.status) > order.indexOf(s.status) ? times.status : s.status;
  return { ...s, status, startedAt: times.startedAt ?? s.startedAt, endedAt: times.endedAt ?? s.endedAt };
}

export function presence(s: Snapshot, userId: string, isOnline: boolean): Snapshot {
  const others = s.online.filter((id) => id !== userId);
  return { ...s, online: isOnline ? [...others, userId] : others };
}

/** A lesson offset as m:ss (the report's timeline reads the same way). */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** Two decimals at most, as the server rounds; no trailing zeros. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : String(Math.round(value * 100) / 100);
}
