import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

// The server's OT wrote these cases (tests/Grains.Tests/LessonPreps/Text/SharedVectorTests.cs); the client must give
// the very same ops, or a client and the server converge on different texts.
const { TextOperation } = await loadTs("lessonprep/textOperation.ts");
const vectors = JSON.parse(readFileSync(new URL("../../../tests/vectors/plain-text-ot.json", import.meta.url), "utf8"));

test("the shared vectors are many and name their edge cases", () => {
  assert.ok(vectors.cases.length >= 300, `${vectors.cases.length} cases`);
  assert.ok(vectors.cases.some((c) => c.name.startsWith("two inserts at one place")));
});

test("the client transforms, composes, applies and moves positions exactly as the server does", () => {
  for (const c of vectors.cases) {
    const a = TextOperation.fromWire(c.a);
    const b = TextOperation.fromWire(c.b);
    assert.deepEqual(a.toWire(), c.a, `${c.name}: a is normalised as the server normalised it`);
    const [aPrime, bPrime] = TextOperation.transform(a, b);
    assert.deepEqual(aPrime.toWire(), c.aPrime, `${c.name}: aPrime`);
    assert.deepEqual(bPrime.toWire(), c.bPrime, `${c.name}: bPrime`);
    assert.deepEqual(TextOperation.compose(a, bPrime).toWire(), c.composed, `${c.name}: compose(a, bPrime)`);
    assert.equal(bPrime.apply(a.apply(c.text)), c.afterBoth, `${c.name}: text after both`);
    for (const [position, followInsert, moved] of c.indexes) {
      assert.equal(TextOperation.transformIndex(position, a, followInsert), moved, `${c.name}: index ${position} ${followInsert}`);
    }
  }
});
