import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { attachmentBlobUrl } from "../attachments/uploadAttachment";
import type { QueueMessageEvent } from "../live/events.generated";
import { LiveConnection } from "../live/liveConnection";
import { Joined, StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { navigate } from "../router";
import { ErrorLine } from "../screens/ErrorLine";
import { nextCommand, session as currentSession } from "../session";
import { useSignal } from "../signal";
import { ChatPanel, PendingChat } from "./ChatPanel";
import { Countdown } from "./Countdown";
import { applyPresence, applyQueueChange, applyRoomEvent, roomEventTypes, RoomView, Stroke } from "./roomState";
import { tt } from "./strings";
import { Whiteboard } from "./Whiteboard";
import "./tutoring.css";

interface SessionRecord {
  sessionId: string;
  studentName: string;
  topic: string;
  startedAt: string;
  endedAt: string;
  endReason: string;
  notes: string | null;
  strokeCount: number;
  chatCount: number;
}

const warningText = (seconds: number) =>
  seconds >= 60 ? tt("warningMinutes", { n: Math.round(seconds / 60) }) : tt("warning", { n: seconds });

const reasonText = (reason: string) => tt(`reason_${reason}` as Parameters<typeof tt>[0]) ?? reason;

/** A tutoring room over /hubs/tutoring (PROTOCOL §4): the tutor's desk, or a student's queue place and session. */
export function TutoringRoom({ roomId }: { roomId: string }) {
  const me = useSignal(currentSession)!.user;
  const [view, setView] = useState<RoomView | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [boardError, setBoardError] = useState<unknown>(null);
  const [pendingStrokes, setPendingStrokes] = useState<Stroke[]>([]);
  const [pendingChat, setPendingChat] = useState<PendingChat[]>([]);
  const [warning, setWarning] = useState<number | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const [history, setHistory] = useState<SessionRecord[]>([]);
  // queue.message is not in the Join snapshot: a page shows the ones sent while it is open.
  const [notices, setNotices] = useState<QueueMessageEvent[]>([]);
  const [fileChanges, setFileChanges] = useState(0);
  const [backgroundUrl, setBackgroundUrl] = useState<string | null>(null);
  const live = useRef<LiveConnection | null>(null);
  const notesFor = useRef<string | null>(null);
  const isTutor = useRef(false);

  const loadHistory = () =>
    rest<SessionRecord[]>("GET", `/api/tutoring/rooms/${encodeURIComponent(roomId)}/sessions`).then(setHistory, () => undefined);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/tutoring");
    live.current = connection;
    const join = async () => {
      const joined = await connection.call<Joined<RoomView> & { serverNow: string }>("Join", roomId);
      setOffset(Date.parse(joined.serverNow) - Date.now());
      setFileChanges((n) => n + 1);
      isTutor.current = joined.snapshot.role === "tutor";
      follower.joined(joined);
      if (isTutor.current) void loadHistory();
    };
    const follower = new StreamFollower<RoomView>(connection, `tutoring/${roomId}`, roomId, "Sync", {
      snapshot: (snapshot) => setView(snapshot),
      event: (e) => {
        const event = typed(e, ...roomEventTypes);
        if (!event) return;
        if (event.type === "session.warning") setWarning(event.data.secondsLeft);
        if (event.type === "queue.message") {
          const notice = event.data;
          setNotices((n) => (n.some((x) => x.id === notice.id) ? n : [...n, notice]).slice(-5));
        }
        if (event.type === "session.started") {
          setEnded(null);
          setWarning(null);
        }
        if (event.type === "session.ended" || event.type === "board.cleared") setPendingStrokes([]);
        if (event.type === "session.ended") {
          setEnded(event.data.reason);
          setWarning(null);
          if (isTutor.current) void loadHistory();
        }
        setView((v) => (v ? applyRoomEvent(v, event) : v));
        // Being admitted or let go changes what this student may see: the server's snapshot says what that is.
        if ((event.type === "session.started" || event.type === "session.ended") && event.data.studentId === me.userId) void join().catch(setError);
      },
      ephemeral: (e) => {
        if (e.type === "attachment.added" || e.type === "attachment.removed") setFileChanges((n) => n + 1);
        const event = typed(e, "queue.changed", "presence.changed");
        if (event?.type === "queue.changed") {
          const change = event.data;
          setView((v) => (v ? applyQueueChange(v, change) : v));
        }
        if (event?.type === "presence.changed") {
          const { userId, online } = event.data;
          setView((v) => (v ? applyPresence(v, userId, online) : v));
        }
      },
    });
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [roomId]);

  useEffect(() => {
    // A sent stroke or message leaves its pending list once the server's copy is on the board or in the chat.
    const board = new Set(view?.session?.strokes.map((s) => s.strokeId) ?? []);
    setPendingStrokes((p) => (p.some((s) => board.has(s.strokeId)) ? p.filter((s) => !board.has(s.strokeId)) : p));
    const posted = new Set(view?.session?.chat.filter((m) => m.userId === me.userId).map((m) => `${m.clientId}/${m.clientSeq}`) ?? []);
    setPendingChat((p) => (p.some((m) => posted.has(`${m.clientId}/${m.clientSeq}`)) ? p.filter((m) => !posted.has(`${m.clientId}/${m.clientSeq}`)) : p));
  }, [view]);

  async function command<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
    setError(null);
    try {
      return await live.current!.invoke<T>(method, roomId, ...args);
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  }

  async function cancelRequest() {
    setError(null);
    try {
      await live.current!.invoke("CancelRequest", roomId);
      setView((v) => (v ? { ...v, myPosition: null } : v));
    } catch (failure) {
      setError(failure);
    }
  }

  async function draw(stroke: Omit<Stroke, "strokeId" | "userId">) {
    const sent = { ...stroke, strokeId: `k-${crypto.randomUUID()}`, userId: me.userId };
    setBoardError(null);
    setPendingStrokes((p) => [...p, sent]);
    try {
      await live.current!.invoke("DrawStroke", roomId, { ...nextCommand(), strokeId: sent.strokeId, points: sent.points, color: sent.color, width: sent.width });
    } catch (failure) {
      setPendingStrokes((p) => p.filter((s) => s.strokeId !== sent.strokeId));
      setBoardError(failure);
    }
  }

  const backgroundId = view?.session?.background?.fileId ?? null;
  useEffect(() => {
    // The image is read with the bearer token (an <img> cannot send it), so the board shows a blob copy.
    if (!backgroundId) return setBackgroundUrl(null);
    let url: string | null = null;
    let current = true;
    attachmentBlobUrl(`/api/files/${encodeURIComponent(backgroundId)}`).then(
      (blob) => (current ? setBackgroundUrl((url = blob)) : URL.revokeObjectURL(blob)),
      (failure) => current && setBoardError(failure),
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [backgroundId]);

  async function setBackground(fileId: string | null) {
    setBoardError(null);
    try {
      await live.current!.invoke("SetBackground", roomId, fileId);
    } catch (failure) {
      setBoardError(failure);
    }
  }

  async function clearBoard() {
    setBoardError(null);
    try {
      await live.current!.invoke("ClearBoard", roomId);
    } catch (failure) {
      setBoardError(failure);
    }
  }

  async function sendChat(text: string): Promise<boolean> {
    const sent = { ...nextCommand(), text };
    setPendingChat((p) => [...p, sent]);
    setBoardError(null);
    try {
      await live.current!.invoke("SendChat", roomId, sent);
      return true;
    } catch (failure) {
      setPendingChat((p) => p.filter((m) => m.clientSeq !== sent.clientSeq || m.clientId !== sent.clientId));
      setBoardError(failure);
      return false;
    }
  }

  if (!view) {
    return (
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {tt("back")}</button>
        {error ? <ErrorLine error={error} /> : <p class="muted">{tt("loading")}</p>}
      </section>
    );
  }

  const header = (
    <section class="card room-head">
      <button class="link" onClick={() => navigate("/")}>← {tt("back")}</button>
      <h1 data-testid="room-title">{view.room.title}</h1>
      <p class="muted">
        {view.room.subject} · {view.room.tutorName} · {tt("minutes", { n: view.room.slotMinutes })} ·{" "}
        <span class={view.room.open ? "status open" : "status"} data-testid="room-status" data-open={String(view.room.open)}>
          {view.room.open ? tt("open") : tt("closed")}
        </span>
      </p>
      {view.role === "tutor" && (
        <button type="button" class={view.room.open ? "" : "primary"} data-testid="toggle-room" onClick={() => command(view.room.open ? "Close" : "Open")}>
          {view.room.open ? tt("closeRoom") : tt("openRoom")}
        </button>
      )}
      <ErrorLine error={error} />
    </section>
  );

  const noticeList = notices.length > 0 && (
    <div class="notices" role="status">
      <h2>{tt("notices")}</h2>
      <ul class="list" data-testid="notices">
        {notices.map((n) => <li key={n.id}>{n.text} <span class="muted">{new Date(n.at).toLocaleTimeString()}</span></li>)}
      </ul>
    </div>
  );
  const endedLine = ended && !view.session && (
    <p class="banner info" role="status" data-testid="session-ended" data-reason={ended}>{tt("ended", { reason: reasonText(ended) })}</p>
  );
  const workspace = (locked: boolean) => (
    <div class="workspace">
      <div>
        <h2>{tt("board")}</h2>
        <Whiteboard strokes={view.session?.strokes ?? []} pending={pendingStrokes} locked={locked} background={backgroundUrl} onStroke={draw} onClear={clearBoard} />
        {!locked && backgroundId && (
          <button type="button" class="link" data-testid="remove-background" onClick={() => void setBackground(null)}>{tt("removeBackground")}</button>
        )}
        <div data-testid="board-error"><ErrorLine error={boardError} /></div>
      </div>
      {view.session && (
        <div>
          <ChatPanel me={me} messages={view.session.chat} pending={pendingChat} onSend={sendChat} />
          {!locked && (
            <div class="board-files">
              <AttachmentsPanel
                owner={`tutoring/${roomId}`}
                changes={fileChanges}
                nameOf={(id) => (id === view.room.tutorId ? view.room.tutorName : id === view.session?.studentId ? view.session.studentName : id)}
                actions={(file) =>
                  file.contentType.startsWith("image/") && file.id !== backgroundId ? (
                    <>
                      {" "}
                      <button class="link" data-testid="attachment-show-on-board" onClick={() => void setBackground(file.id)}>{tt("showOnBoard")}</button>
                    </>
                  ) : null
                }
              />
            </div>
          )}
        </div>
      )}
    </div>
  );

  if (view.role === "tutor") {
    const s = view.session;
    const present = s ? (view.online ?? []).includes(s.studentId) : false;
    // The notes stay on the session just ended, so the tutor can finish them after the end.
    if (s) notesFor.current = s.sessionId;
    const notesKey = s?.sessionId ?? notesFor.current ?? history[0]?.sessionId;
    const notesText = s?.notes ?? history.find((h) => h.sessionId === notesKey)?.notes ?? "";
    return (
      <div class="tutoring">
        {header}
        <div class="tutor-desk">
          <section class="card">
            <h2>{tt("session")}</h2>
            {endedLine}
            {s ? (
              <>
                <div class="session-bar" data-testid="session" data-student={s.studentId}>
                  <span><strong>{s.studentName}</strong> · {s.topic}</span>
                  <Countdown endsAt={s.endsAt} offset={offset} soon={warning !== null} />
                  {warning !== null && <span class="warn-text" role="status" data-testid="warning">{warningText(warning)}</span>}
                  <span class={present ? "dot on" : "dot"} title={present ? tt("studentPresent") : tt("studentAbsent")} data-testid="student-present" data-present={String(present)} />
                  <span class="muted">{present ? tt("studentPresent") : tt("studentAbsent")}</span>
                  <span class="spacer" />
                  <button type="button" onClick={() => command("ExtendSession", 5)}>{tt("extend")}</button>
                  <button type="button" class="primary" data-testid="end-session" onClick={() => command("EndSession")}>
                    {present ? tt("endSession") : tt("skipNoShow")}
                  </button>
                </div>
                {workspace(false)}
              </>
            ) : (
              <p class="muted">{tt("noSession")}</p>
            )}
          </section>
          <aside class="card side">
            <h2>{tt("queue")} ({view.queueLength})</h2>
            {view.queue.length === 0 ? (
              <p class="muted">{tt("queueEmpty")}</p>
            ) : (
              <ol class="queue" data-testid="queue">
                {view.queue.map((q) => (
                  <li key={q.studentId} data-student={q.studentId}>
                    <strong>{q.name}</strong> <span class="muted">{new Date(q.requestedAt).toLocaleTimeString()}</span>
                    <p>{q.topic}</p>
                  </li>
                ))}
              </ol>
            )}
            <button type="button" class="primary" data-testid="admit-next" disabled={!view.room.open || !!s || view.queue.length === 0} onClick={() => command("AdmitNext")}>
              {tt("admitNext")}
            </button>
            {view.room.open && <NoticeForm post={(text) => command("PostQueueMessage", { ...nextCommand(), text }).then((r) => r !== undefined)} />}
            {noticeList}
            {notesKey && <Notes key={notesKey} initial={notesText} save={(text) => command("SaveNotes", text).then((r) => { if (r !== undefined) void loadHistory(); return r !== undefined; })} />}
            <h2>{tt("history")}</h2>
            {history.length === 0 ? (
              <p class="muted">{tt("noHistory")}</p>
            ) : (
              <ul class="list history" data-testid="history">
                {history.map((h) => (
                  <li key={h.sessionId}>
                    <strong>{h.studentName}</strong> · {h.topic}
                    <br />
                    <span class="muted">
                      {new Date(h.startedAt).toLocaleTimeString()}–{new Date(h.endedAt).toLocaleTimeString()} · {reasonText(h.endReason)} ·{" "}
                      {tt("strokes", { n: h.strokeCount })} · {tt("chats", { n: h.chatCount })}
                    </span>
                    {h.notes && <p class="note">{h.notes}</p>}
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </div>
      </div>
    );
  }

  if (view.role === "admitted" && view.session) {
    return (
      <div class="tutoring">
        {header}
        <section class="card">
          <div class="session-bar" data-testid="session">
            <span class="admitted" role="status" data-testid="admitted">{tt("admitted")}</span>
            <span>{view.room.tutorName} · {view.session.topic}</span>
            <Countdown endsAt={view.session.endsAt} offset={offset} soon={warning !== null} />
            {warning !== null && <span class="warn-text" role="status" data-testid="warning">{warningText(warning)}</span>}
            <span class="spacer" />
            <button type="button" data-testid="end-session" onClick={() => command("EndSession")}>{tt("endSession")}</button>
          </div>
          {workspace(false)}
        </section>
      </div>
    );
  }

  return (
    <div class="tutoring">
      {header}
      <section class="card">
        {endedLine}
        {!view.room.open && <p class="banner warn-soft">{tt("roomClosedNote")}</p>}
        {noticeList}
        {view.myPosition !== null ? (
          <div class="my-place">
            <p class="position" data-testid="my-position" data-position={view.myPosition}>{tt("myPosition", { n: view.myPosition })}</p>
            <p class="muted">{tt("queueLength", { n: view.queueLength })}</p>
            <button type="button" data-testid="cancel-request" onClick={cancelRequest}>
              {tt("cancelRequest")}
            </button>
          </div>
        ) : (
          <HelpRequest onRequest={async (topic) => {
            const answer = await command<{ position: number }>("RequestHelp", { ...nextCommand(), topic });
            if (answer) setView((v) => (v ? { ...v, myPosition: answer.position } : v));
            return answer !== undefined;
          }} />
        )}
        {workspace(true)}
      </section>
    </div>
  );
}

function HelpRequest({ onRequest }: { onRequest: (topic: string) => Promise<boolean> }) {
  const [topic, setTopic] = useState("");
  return (
    <form
      class="form inline"
      data-testid="request-help"
      onSubmit={async (e) => {
        e.preventDefault();
        if (topic.trim() && (await onRequest(topic.trim()))) setTopic("");
      }}
    >
      <label>{tt("topic")}<input name="topic" required maxLength={200} placeholder={tt("topicPlaceholder")} value={topic} onInput={(e) => setTopic((e.target as HTMLInputElement).value)} /></label>
      <button type="submit" class="primary">{tt("requestHelp")}</button>
    </form>
  );
}

function Notes({ initial, save }: { initial: string; save: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="form notes"
      data-testid="notes"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(await save(text));
      }}
    >
      <h2>{tt("notes")}</h2>
      <textarea name="notes" rows={4} maxLength={4000} aria-label={tt("notes")} value={text} onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setSaved(false); }} />
      <span class="muted">{tt("notesHint")}</span>
      <button type="submit">{tt("saveNotes")}</button>
      {saved && <span class="saved" role="status">{tt("notesSaved")}</span>}
    </form>
  );
}

function NoticeForm({ post }: { post: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState("");
  return (
    <form
      class="form notice-form"
      data-testid="notice-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() && (await post(text.trim()))) setText("");
      }}
    >
      <input name="notice" maxLength={300} aria-label={tt("notices")} placeholder={tt("noticePlaceholder")} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      <button type="submit">{tt("postNotice")}</button>
    </form>
  );
}
