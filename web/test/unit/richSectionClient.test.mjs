import assert from "node:assert/strict";
import { test } from "node:test";
import Delta from "quill-delta";
import { loadTs } from "./loadTs.mjs";

const { RichSectionClient } = await loadTs("lessonprep/richSectionClient.ts");

function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ["浮力", "a", "𝑥²", "表格", "\n", "bc", "😀"];
const formats = [{ bold: true }, { italic: true }, { color: "#e60000" }, { bold: null }, { link: "https://example.org" }];
const lineFormats = [{ header: 2 }, { list: "bullet" }, { table: "row-1" }, { header: null }];

/** A random user edit of `content`: an insert (text or a formula), a delete, or a format over a range. */
function randomEdit(next, content) {
  const length = content.length();
  const at = Math.floor(next() * length);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const roll = next();
  if (roll < 0.4) return new Delta().retain(at).insert(pick(words), next() < 0.3 ? pick(formats) : undefined);
  if (roll < 0.5) return new Delta().retain(at).insert({ formula: "x^2" });
  if (roll < 0.75 && length > 1) return new Delta().retain(at).delete(Math.max(1, Math.min(length - 1 - at, Math.floor(next() * 3))));
  if (length > 1) {
    const span = Math.max(1, Math.floor(next() * (length - at)));
    return new Delta().retain(at).retain(Math.min(span, length - at), next() < 0.5 ? pick(formats) : pick(lineFormats));
  }
  return new Delta().insert("x");
}

/** A server as PROTOCOL §9 describes it: transforms a delta past every one applied after its base, applied first wins ties; a resent command changes nothing. */
class Server {
  constructor(content) {
    this.content = content;
    this.history = [];
    this.seen = new Map();
  }
  submit(userId, { clientId, clientSeq, baseRevision, delta }) {
    const key = `${userId}/${clientId}/${clientSeq}`;
    if (this.seen.has(key)) return null;
    let moved = new Delta(delta.ops);
    for (const applied of this.history.slice(baseRevision)) moved = applied.delta.transform(moved, true);
    this.content = this.content.compose(moved);
    const event = { revision: this.history.length + 1, section: "process", delta: moved.ops, userId, clientId, clientSeq };
    this.history.push({ ...event, delta: moved });
    this.seen.set(key, event.revision);
    return event;
  }
}

function simulate(seed, clientCount, steps, { duplicates = false, reloads = false } = {}) {
  const next = random(seed);
  const server = new Server(new Delta().insert("教学过程\n"));
  const inbox = [];
  const peers = Array.from({ length: clientCount }, (_, index) => {
    const peer = { userId: `u${index}`, clientId: `tab${index}`, seq: 0, events: [], applied: 0 };
    const send = (delta, baseRevision) => {
      const command = { clientId: peer.clientId, clientSeq: ++peer.seq, baseRevision, delta };
      inbox.push({ userId: peer.userId, command });
      return command;
    };
    peer.send = send;
    peer.client = new RichSectionClient(server.content, 0, send, peer.userId);
    return peer;
  });
  const deliver = (peer) => {
    const event = peer.events.shift();
    peer.applied = event.revision;
    peer.client.applied(event);
  };
  for (let step = 0; step < steps; step++) {
    const peer = peers[Math.floor(next() * peers.length)];
    const roll = next();
    if (roll < 0.35) {
      peer.client.edit(randomEdit(next, peer.client.content));
    } else if (roll < 0.6 && inbox.length > 0) {
      const { userId, command } = inbox.shift();
      const event = server.submit(userId, command);
      if (event) for (const p of peers) p.events.push(event);
      // A reconnect sends the unanswered command again with the same ids; the server must not apply it twice.
      if (duplicates && next() < 0.2) inbox.push({ userId, command });
    } else if (roll < 0.95 && peer.events.length > 0) {
      deliver(peer);
    } else if (reloads && next() < 0.5) {
      // The tab reloads: what it saved, the ops it missed since, the server's content now.
      const saved = peer.client.save();
      if (saved) {
        const missed = server.history.filter((e) => e.revision > saved.revision).map((e) => ({ ...e, delta: e.delta.ops }));
        const restored = RichSectionClient.restore(JSON.parse(JSON.stringify(saved)), missed, server.content, peer.send, peer.userId);
        assert.ok(restored, `seed ${seed}: a reload with every op retained restores`);
        if (restored.unacknowledged) inbox.push({ userId: peer.userId, command: restored.unacknowledged });
        peer.client = restored;
        peer.events = [];
      }
    }
  }
  // Let everything settle: the server takes every command, every client gets every event.
  for (let guard = 0; inbox.length > 0 || peers.some((p) => p.events.length > 0); guard++) {
    assert.ok(guard < 100000, "settles");
    while (inbox.length > 0) {
      const { userId, command } = inbox.shift();
      const event = server.submit(userId, command);
      if (event) for (const p of peers) p.events.push(event);
    }
    for (const peer of peers) while (peer.events.length > 0) deliver(peer);
  }
  return { server, peers };
}

for (const [seed, clients] of [[1, 2], [2, 3], [3, 3], [42, 2], [2026, 3]]) {
  test(`seed ${seed}: ${clients} clients editing a rich section at once all end on the server's content`, () => {
    const { server, peers } = simulate(seed, clients, 400);
    for (const peer of peers) {
      assert.deepEqual(peer.client.content.ops, server.content.ops, `seed ${seed}, ${peer.userId}`);
      assert.equal(peer.client.busy, false);
    }
  });
}

for (const seed of [7, 8, 9]) {
  test(`seed ${seed}: commands resent after reconnects are applied once, and clients still converge`, () => {
    const { server, peers } = simulate(seed, 3, 400, { duplicates: true });
    for (const peer of peers) assert.deepEqual(peer.client.content.ops, server.content.ops);
    assert.equal(new Set(server.history.map((e) => `${e.userId}/${e.clientSeq}`)).size, server.history.length);
  });
}

for (const seed of [11, 12, 13]) {
  test(`seed ${seed}: tabs reloading with unacknowledged edits resend them and converge without losing or doubling them`, () => {
    const { server, peers } = simulate(seed, 3, 400, { reloads: true, duplicates: true });
    for (const peer of peers) assert.deepEqual(peer.client.content.ops, server.content.ops);
  });
}

test("a colleague's insert at the caret's own place lands before this tab's unacknowledged insert, on both sides", () => {
  const sent = [];
  const client = new RichSectionClient(new Delta().insert("ab\n"), 0, (delta) => {
    const command = { clientId: "t", clientSeq: sent.length + 1, baseRevision: 0, delta };
    sent.push(command);
    return command;
  }, "me");
  client.edit(new Delta().retain(1).insert("M"));
  const shown = client.applied({ revision: 1, section: "s", delta: [{ retain: 1 }, { insert: "C" }], userId: "them", clientId: "x", clientSeq: 1 });
  assert.deepEqual(shown.ops, [{ retain: 1 }, { insert: "C" }]);
  assert.deepEqual(client.content.ops, [{ insert: "aCMb\n" }]);
  assert.equal(client.toLocal(2), 3, "a remote caret after the colleague's insert moves past mine");
  client.applied({ revision: 2, section: "s", delta: [{ retain: 2 }, { insert: "M" }], userId: "me", clientId: "t", clientSeq: 1 });
  assert.equal(client.busy, false);
  assert.deepEqual(client.server.ops, [{ insert: "aCMb\n" }]);
});

test("a reload whose missed ops are no longer all there is refused rather than placing the edits wrongly", () => {
  const client = new RichSectionClient(new Delta().insert("ab\n"), 3, (delta) => ({ clientId: "t", clientSeq: 1, baseRevision: 3, delta }), "me");
  client.edit(new Delta().insert("X"));
  const saved = client.save();
  const current = new Delta().insert("zzab\n");
  assert.equal(RichSectionClient.restore(saved, [], current, () => assert.fail("nothing is sent"), "me"), null);
});
