import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { StreamFollower } = await loadTs("live/streamFollower.ts");

/**
 * A connection that hands events to the follower as the hub would and answers Sync from a list of what the server
 * holds for this user; every Sync call is recorded, so a test sees whether a gap was detected.
 */
function fakeConnection(serverEvents) {
  const syncs = [];
  let deliver = null;
  return {
    syncs,
    connection: {
      onStream(_stream, handler) {
        deliver = handler;
      },
      async call(method, streamId, since) {
        syncs.push({ method, streamId, since });
        return { events: serverEvents.filter((event) => event.seq > since) };
      },
    },
    deliver: (event) => deliver(event),
  };
}

const event = (seq, type, prev) => ({ stream: "classroom", seq, type, at: "", data: { seq }, ...(prev === undefined ? {} : { prev }) });

/** Delivers the events and waits until the follower has worked through its queue (each receive is one chained promise). */
async function follow(chained, serverEvents, delivered, base = 0) {
  const fake = fakeConnection(serverEvents);
  const applied = [];
  const follower = new StreamFollower(fake.connection, "classroom", "cr-1", "SyncClassroom", {
    snapshot: () => undefined,
    event: (e) => applied.push(e.seq),
  }, chained);
  follower.startAt(base);
  for (const e of delivered) fake.deliver(e);
  await follower.catchUp();
  return { applied, syncs: fake.syncs.slice(0, -1) };
}

test("events addressed to someone else leave holes in the seq numbers, and a chained follower asks for nothing", async () => {
  // 2 and 4 went to the staff alone; 3 and 5 are for everyone and name the previous event for everyone.
  const delivered = [event(1, "question.pushed", 0), event(3, "question.closed", 1), event(5, "answer.revealed", 3)];
  const { applied, syncs } = await follow(true, delivered, delivered);
  assert.deepEqual(applied, [1, 3, 5]);
  assert.deepEqual(syncs, []);
});

test("an event for everyone whose prev this client has not seen is a gap: it syncs from the last one it has and applies the missing event first", async () => {
  const server = [event(1, "question.pushed", 0), event(2, "answer.accepted"), event(4, "question.closed", 1), event(6, "answer.revealed", 4)];
  const { applied, syncs } = await follow(true, server, [server[0], server[1], server[3]]);
  assert.deepEqual(syncs, [{ method: "SyncClassroom", streamId: "cr-1", since: 1 }]);
  assert.deepEqual(applied, [1, 2, 4, 6]);
});

test("an event for me alone after a skipped seq is applied without a sync, and a repeat of it is applied once", async () => {
  const server = [event(1, "question.pushed", 0), event(7, "answer.accepted")];
  const { applied, syncs } = await follow(true, server, [server[0], server[1], server[1]]);
  assert.deepEqual(syncs, []);
  assert.deepEqual(applied, [1, 7]);
});

test("without chaining the same hole in the seq numbers is a gap (the contrast the chained mode exists for)", async () => {
  const server = [event(1, "question.pushed"), event(3, "question.closed")];
  const { syncs } = await follow(false, server, [server[0], server[1]]);
  assert.equal(syncs.length, 1);
  assert.equal(syncs[0].since, 1);
});
