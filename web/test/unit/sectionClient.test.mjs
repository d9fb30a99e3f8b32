import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { TextOperation } = await loadTs("lessonprep/textOperation.ts");
// sectionClient.ts imports ./textOperation: load it from the same transpiled folder.
const { SectionClient } = await loadTs("lessonprep/sectionClient.ts");

function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A server as PROTOCOL §2 describes it: transforms an op against every op applied after its baseRevision. */
function simulate(seed, clientCount, steps) {
  const next = random(seed);
  const server = { text: "教学目标", history: [] };
  const inbox = [];
  const clients = Array.from({ length: clientCount }, (_, index) => {
    const peer = { revision: 0, events: [], seq: 0 };
    peer.client = new SectionClient(server.text, (op) => {
      const sent = { clientId: `c${index}`, clientSeq: ++peer.seq, op };
      inbox.push({ ...sent, baseRevision: peer.revision, ops: op.toWire() });
      return sent;
    }, `u${index}`);
    return peer;
  });
  const serve = () => {
    const message = inbox.shift();
    let op = TextOperation.fromWire(message.ops);
    for (const applied of server.history.slice(message.baseRevision)) op = TextOperation.transform(applied, op)[1];
    server.text = op.apply(server.text);
    server.history.push(op);
    const event = { revision: server.history.length, ops: op.toWire(), userId: `u${message.clientId.slice(1)}`, clientId: message.clientId, clientSeq: message.clientSeq };
    for (const peer of clients) peer.events.push(event);
  };
  const deliver = (peer) => {
    const event = peer.events.shift();
    peer.revision = event.revision;
    peer.client.applied(event);
  };
  const alphabet = ["甲", "乙", "x", "😀", " "];
  for (let step = 0; step < steps; step++) {
    const roll = next();
    const peer = clients[Math.floor(next() * clients.length)];
    if (roll < 0.45) {
      const chars = Array.from(peer.client.text);
      const at = Math.floor(next() * (chars.length + 1));
      if (next() < 0.7 || chars.length === 0) chars.splice(at, 0, alphabet[Math.floor(next() * alphabet.length)]);
      else chars.splice(Math.min(at, chars.length - 1), 1 + Math.floor(next() * 2));
      peer.client.edit(chars.join(""));
    } else if (roll < 0.7 && inbox.length) serve();
    else if (peer.events.length) deliver(peer);
  }
  while (inbox.length || clients.some((p) => p.events.length)) {
    while (inbox.length) serve();
    for (const peer of clients) while (peer.events.length) deliver(peer);
  }
  return { server, clients };
}

test("seeded random concurrent editing by three clients converges on the server's text", () => {
  for (let seed = 1; seed <= 150; seed++) {
    const { server, clients } = simulate(seed, 3, 120);
    for (const peer of clients) {
      assert.equal(peer.client.text, server.text, `seed ${seed}`);
      assert.equal(peer.client.busy, false, `seed ${seed}`);
    }
  }
});

test("a colleague's op under this tab's clientId and clientSeq is transformed, not taken as the acknowledgement", () => {
  const sent = [];
  const client = new SectionClient("ab", (op) => {
    const s = { clientId: "tab", clientSeq: sent.length + 1, op };
    sent.push(s);
    return s;
  }, "me");
  client.edit("abc");

  client.applied({ ops: ["X", 2], userId: "impostor", clientId: "tab", clientSeq: 1 });
  assert.equal(client.busy, true);
  assert.equal(client.text, "Xabc");

  client.applied({ ops: [3, "c"], userId: "me", clientId: "tab", clientSeq: 1 });
  assert.equal(client.busy, false);
  assert.equal(client.text, "Xabc");
});
