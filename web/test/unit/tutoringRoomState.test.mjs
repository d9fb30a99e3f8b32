import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { applyQueueChange, applyRoomEvent, drawable } = await loadTs("tutoring/roomState.ts");

const at = "2026-11-23T15:00:00.000Z";
const stroke = { strokeId: "s1", userId: "t-1", points: [[1, 2], [3, 4]], color: "#000", width: 2, at };
const session = { sessionId: "s1", studentId: "st-1", studentName: "小明", topic: "方程", startedAt: at, endsAt: at, strokes: [], chat: [], notes: "" };
const view = (over = {}) => ({
  room: { id: "tr-1", title: "答疑", subject: "数学", slotMinutes: 20, tutorId: "t-1", tutorName: "张老师", open: true },
  role: "tutor", queue: [], queueLength: 0, myPosition: null, online: [], session, ...over,
});
const event = (type, data) => ({ stream: "tutoring/tr-1", seq: 1, type, at, data });

test("a drawn stroke goes on the board once, however often it arrives", () => {
  const once = applyRoomEvent(view(), event("stroke.drawn", stroke));
  const twice = applyRoomEvent(once, event("stroke.drawn", stroke));
  assert.deepEqual(twice.session.strokes, [stroke]);
});

test("a stroke without its drawing (a finished session's trimmed copy, or a field missing) is not painted", () => {
  const trimmed = { strokeId: "s2", userId: "t-1", at, trimmed: true };
  assert.equal(drawable(trimmed), null);
  assert.equal(drawable({ ...stroke, trimmed: true }), null);
  assert.equal(drawable({ ...stroke, color: undefined }), null);
  assert.equal(drawable({ ...stroke, width: undefined }), null);
  assert.equal(drawable({ ...stroke, points: undefined }), null);
  assert.deepEqual(drawable(stroke), stroke);
  assert.equal(applyRoomEvent(view(), event("stroke.drawn", trimmed)).session.strokes.length, 0);
});

test("no session, no board: a stroke or chat line outside one changes nothing", () => {
  const idle = view({ session: null });
  assert.equal(applyRoomEvent(idle, event("stroke.drawn", stroke)), idle);
  assert.equal(applyRoomEvent(idle, event("chat.posted", { id: "c1", userId: "t-1", name: "张", text: "hi", at, clientId: "w", clientSeq: 1 })), idle);
});

test("the session's start, extension, clearing and end", () => {
  const started = applyRoomEvent(view({ session: null }), event("session.started", { sessionId: "s2", studentId: "st-2", studentName: "小红", topic: "函数", startedAt: at, endsAt: at }));
  assert.deepEqual([started.session.sessionId, started.session.notes, started.session.strokes], ["s2", "", []]);
  const later = "2026-11-23T15:05:00.000Z";
  const extended = applyRoomEvent(started, event("session.extended", { sessionId: "s2", endsAt: later }));
  assert.equal(extended.session.endsAt, later);
  const drawn = applyRoomEvent(extended, event("stroke.drawn", stroke));
  assert.equal(applyRoomEvent(drawn, event("board.cleared", { sessionId: "s2", userId: "st-2" })).session.strokes.length, 0);
  assert.equal(applyRoomEvent(drawn, event("session.ended", { sessionId: "other", studentId: "x", reason: "tutor", endedAt: later })), drawn);
  assert.equal(applyRoomEvent(drawn, event("session.ended", { sessionId: "s2", studentId: "st-2", reason: "time_up", endedAt: later })).session, null);
});

test("a queue change gives the tutor the whole queue and a student only their place", () => {
  const queue = [{ studentId: "st-2", name: "小红", topic: "函数", requestedAt: at, position: 1 }];
  assert.deepEqual(applyQueueChange(view(), { length: 1, queue }).queue, queue);
  const student = view({ role: "student", myPosition: 3 });
  assert.deepEqual([applyQueueChange(student, { length: 2, position: 2 }).myPosition, applyQueueChange(student, { length: 2 }).myPosition], [2, 3]);
});
