import type { BoardBackground, ChatPostedEvent, QueueChangedEvent, QueuedStudent, StrokeDrawnEvent } from "../live/events.generated";
import type { TypedEvent } from "../live/typedEvent";

/**
 * The tutoring room as one caller sees it (PROTOCOL §4 Join snapshot), and how each event changes it. What an event
 * carries is the server's event record (events.generated.ts); the snapshot holds the same shapes.
 */

export interface RoomInfo { id: string; title: string; subject: string; slotMinutes: number; tutorId: string; tutorName: string; open: boolean }
export type QueueEntry = QueuedStudent;
export type ChatMessage = ChatPostedEvent;

/** A stroke that can be painted: a `stroke.drawn` with its drawing, which a trimmed copy (of a finished session) lacks. */
export type Stroke = Omit<StrokeDrawnEvent, "points" | "color" | "width" | "trimmed" | "at"> & {
  points: number[][];
  color: string;
  width: number;
  at?: string;
};

export interface RoomSession {
  sessionId: string;
  studentId: string;
  studentName: string;
  topic: string;
  startedAt: string;
  endsAt: string;
  strokes: Stroke[];
  chat: ChatMessage[];
  notes: string | null;
  /** The image under the board (PROTOCOL §4 SetBackground); absent from a server before it. */
  background?: BoardBackground | null;
}
export interface RoomView {
  room: RoomInfo;
  role: "tutor" | "admitted" | "student";
  queue: QueueEntry[];
  queueLength: number;
  myPosition: number | null;
  online?: string[];
  session: RoomSession | null;
}

/** The durable events that change the room as held here. */
export const roomEventTypes = [
  "room.opened",
  "room.closed",
  "session.started",
  "session.extended",
  "session.warning",
  "session.ended",
  "stroke.drawn",
  "board.cleared",
  "board.background",
  "chat.posted",
  "queue.message",
] as const;

export type RoomEvent = TypedEvent<(typeof roomEventTypes)[number]>;

/** The stroke to paint, or null for one the server sent without its drawing (trimmed, or missing a field). */
export function drawable(stroke: StrokeDrawnEvent): Stroke | null {
  const { points, color, width } = stroke;
  if (stroke.trimmed || !points || color === undefined || width === undefined) return null;
  return { strokeId: stroke.strokeId, userId: stroke.userId, points, color, width, at: stroke.at };
}

export function applyRoomEvent(view: RoomView, event: RoomEvent): RoomView {
  const session = view.session;
  switch (event.type) {
    case "room.opened":
      return { ...view, room: { ...view.room, open: true } };
    case "room.closed":
      return { ...view, room: { ...view.room, open: false }, queue: [], queueLength: 0, myPosition: null, session: null };
    case "session.started":
      return { ...view, session: { ...event.data, strokes: [], chat: [], notes: view.role === "tutor" ? "" : null } };
    case "session.extended":
      return session ? { ...view, session: { ...session, endsAt: event.data.endsAt } } : view;
    case "session.ended":
      return session?.sessionId === event.data.sessionId ? { ...view, session: null } : view;
    case "stroke.drawn": {
      const stroke = drawable(event.data);
      if (!session || !stroke || session.strokes.some((s) => s.strokeId === stroke.strokeId)) return view;
      return { ...view, session: { ...session, strokes: [...session.strokes, stroke] } };
    }
    case "board.cleared":
      return session ? { ...view, session: { ...session, strokes: [] } } : view;
    case "board.background":
      return session?.sessionId === event.data.sessionId ? { ...view, session: { ...session, background: event.data.background } } : view;
    case "chat.posted": {
      const line = event.data;
      if (!session || session.chat.some((m) => m.id === line.id)) return view;
      return { ...view, session: { ...session, chat: [...session.chat, line] } };
    }
    case "session.warning":
    case "queue.message":
      return view;
  }
}

/** queue.changed is ephemeral: the tutor gets the whole queue, a waiting student only their own place. */
export function applyQueueChange(view: RoomView, data: QueueChangedEvent): RoomView {
  if (data.queue) return { ...view, queue: data.queue, queueLength: data.length };
  return { ...view, queueLength: data.length, myPosition: data.position === undefined ? view.myPosition : data.position };
}

export function applyPresence(view: RoomView, userId: string, online: boolean): RoomView {
  if (!view.online) return view;
  const others = view.online.filter((id) => id !== userId);
  return { ...view, online: online ? [...others, userId] : others };
}
