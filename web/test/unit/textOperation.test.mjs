import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { TextOperation, codePoints } = await loadTs("lessonprep/textOperation.ts");

// A small seeded generator (mulberry32), so every run draws the same cases.
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const alphabet = ["a", "b", "c", "教", "学", "目", "标", "😀", "🧪", " ", "\n"];
const randomText = (next, max) => Array.from({ length: Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");

function randomOp(next, text) {
  const chars = Array.from(text);
  const wire = [];
  let at = 0;
  while (at < chars.length) {
    const n = 1 + Math.floor(next() * Math.min(5, chars.length - at));
    const roll = next();
    if (roll < 0.4) wire.push(n);
    else if (roll < 0.7) wire.push(-n);
    else {
      wire.push(randomText(next, 4) || "x");
      continue;
    }
    at += n;
  }
  if (next() < 0.3) wire.push(randomText(next, 4) || "y");
  return TextOperation.fromWire(wire);
}

test("counts code points: an emoji or a Chinese character is one", () => {
  assert.equal(codePoints("教学😀a"), 4);
  assert.equal(TextOperation.fromWire([1, "😀", -1, 1]).apply("教🧪学"), "教😀学");
});

test("reads the wire form canonically and writes it back", () => {
  assert.deepEqual(TextOperation.fromWire([2, 3, -1, "x", -2, "y"]).toWire(), [5, "xy", -3]);
  assert.throws(() => TextOperation.fromWire([0]));
  assert.throws(() => TextOperation.fromWire([1.5]));
  assert.throws(() => TextOperation.fromWire([3]).apply("ab"));
});

test("the server's insert at the same position lands first", () => {
  const server = TextOperation.fromWire(["A", 2]);
  const mine = TextOperation.fromWire(["B", 2]);
  const [, minePrime] = TextOperation.transform(server, mine);
  assert.equal(minePrime.apply(server.apply("xy")), "ABxy");
});

test("diff keeps the common beginning and end", () => {
  assert.deepEqual(TextOperation.diff("教学目标", "教学的目标").toWire(), [2, "的", 2]);
  assert.deepEqual(TextOperation.diff("abc", "ac").toWire(), [1, -1, 1]);
  assert.equal(TextOperation.diff("same", "same").isNoop, true);
});

test("seeded random cases: transform converges, compose equals applying in turn, diff rebuilds the text", () => {
  const next = random(20261123);
  for (let i = 0; i < 2000; i++) {
    const text = randomText(next, 20);
    const a = randomOp(next, text);
    const b = randomOp(next, text);
    const [aPrime, bPrime] = TextOperation.transform(a, b);
    assert.equal(bPrime.apply(a.apply(text)), aPrime.apply(b.apply(text)), `case ${i}: ${JSON.stringify([text, a.toWire(), b.toWire()])}`);
    const c = randomOp(next, a.apply(text));
    assert.equal(TextOperation.compose(a, c).apply(text), c.apply(a.apply(text)), `compose case ${i}`);
    const other = randomText(next, 20);
    assert.equal(TextOperation.diff(text, other).apply(text), other);
    const position = Math.floor(next() * (codePoints(text) + 1));
    const moved = TextOperation.transformIndex(position, a);
    assert.ok(moved >= 0 && moved <= a.targetLength, `index case ${i}`);
  }
});
