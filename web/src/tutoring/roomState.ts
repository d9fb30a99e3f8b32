/** The tutoring room as one caller sees it (PROTOCOL §4 Join snapshot), and how each event changes it. */

export interface RoomInfo { id: string; title: string; subject: string; slotMinutes: number; tutorId: string; tutorName: string; open: boolean }
export interface QueueEntry { studentId: string; name: string; topic: string; requestedAt: string; position: number }
export interface Stroke { strokeId: string; userId: string; points: [number, number][]; color: string; width: number; at?: string }
export interface ChatMessage { id: string; userId: string; name: string; text: string; at: string; clientId: string; clientSeq: number }
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

export function applyRoomEvent(view: RoomView, type: string, data: any): RoomView {
  const session = view.session;
  switch (type) {
    case "room.opened":
      return { ...view, room: { ...view.room, open: true } };
    case "room.closed":
      return { ...view, room: { ...view.room, open: false }, queue: [], queueLength: 0, myPosition: null, session: null };
    case "session.started":
      return { ...view, session: { ...data, strokes: [], chat: [], notes: view.role === "tutor" ? "" : null } };
    case "session.extended":
      return session ? { ...view, session: { ...session, endsAt: data.endsAt } } : view;
    case "session.ended":
      return session?.sessionId === data.sessionId ? { ...view, session: null } : view;
    case "stroke.drawn":
      if (!session || data.trimmed || session.strokes.some((s) => s.strokeId === data.strokeId)) return view;
      return { ...view, session: { ...session, strokes: [...session.strokes, data as Stroke] } };
    case "board.cleared":
      return session ? { ...view, session: { ...session, strokes: [] } } : view;
    case "chat.posted":
      if (!session || session.chat.some((m) => m.id === data.id)) return view;
      return { ...view, session: { ...session, chat: [...session.chat, data as ChatMessage] } };
    default:
      return view;
  }
}

/** queue.changed is ephemeral: the tutor gets the whole queue, a waiting student only their own place. */
export function applyQueueChange(view: RoomView, data: { length: number; queue?: QueueEntry[]; position?: number | null }): RoomView {
  if (data.queue) return { ...view, queue: data.queue, queueLength: data.length };
  return { ...view, queueLength: data.length, myPosition: data.position === undefined ? view.myPosition : data.position };
}

export function applyPresence(view: RoomView, userId: string, online: boolean): RoomView {
  if (!view.online) return view;
  const others = view.online.filter((id) => id !== userId);
  return { ...view, online: online ? [...others, userId] : others };
}
