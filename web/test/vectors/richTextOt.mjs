// The quill-delta oracle for the server's rich-text OT (Ot/Rich): what quill-delta 5 gives for compose, transform,
// transformPosition and invert on given cases.
//
//   node web/test/vectors/richTextOt.mjs --write   writes tests/vectors/rich-text-ot.json from its fixed seed
//   node web/test/vectors/richTextOt.mjs --eval    reads {"cases":[{doc,a,b,c}]} on stdin, prints {"results":[...]}
//
// tests/Grains.Tests/LessonPreps/Rich/QuillDeltaAgreementTests.cs checks the C# code against the written file and
// against --eval on cases it generates itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Delta from 'quill-delta';

const Seed = 2207;
const RandomCases = 400;

export function evaluate({ doc, a, b, c }) {
  const base = new Delta(doc);
  const first = new Delta(a);
  const concurrent = new Delta(b);
  const next = new Delta(c);
  const afterA = base.compose(first);
  const positions = [];
  for (let index = 0; index <= base.length(); index++) {
    positions.push([index, first.transformPosition(index, false), first.transformPosition(index, true)]);
  }
  return {
    afterA: afterA.ops,
    aThenC: first.compose(next).ops,
    afterAThenC: afterA.compose(next).ops,
    aTransformsB: first.transform(concurrent, true).ops,
    aTransformsBNoPriority: first.transform(concurrent, false).ops,
    bTransformsA: concurrent.transform(first, true).ops,
    bTransformsANoPriority: concurrent.transform(first, false).ops,
    invertA: first.invert(base).ops,
    invertC: next.invert(afterA).ops,
    positions,
  };
}

// Mulberry32: small, seeded, the same on every machine.
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max) => Math.floor(next() * max);
  const pick = (items) => items[int(items.length)];
  return { next, int, pick };
}

// Characters of one and two UTF-16 code units, line breaks, and text Quill's formats apply to.
const Characters = ['a', 'b', 'c', ' ', '\n', '中', '文', '😀', '𝒳', '👍'];
const Formats = [
  ['bold', true], ['italic', true], ['underline', true], ['color', '#e60000'], ['color', '#0066cc'],
  ['link', 'https://example.org/a'], ['header', 1], ['header', 2], ['list', 'ordered'], ['list', 'bullet'],
  ['table', 'row-1'], ['table', 'row-2'],
];
const Embeds = [{ formula: 'x^2' }, { formula: '\\frac{a}{b}' }, { image: '/api/files/f-1' }];

function attributes(random, allowNull) {
  const map = {};
  const count = random.int(3);
  for (let i = 0; i < count; i++) {
    const [key, value] = random.pick(Formats);
    map[key] = allowNull && random.int(4) === 0 ? null : value;
  }
  return Object.keys(map).length > 0 && random.int(2) === 0 ? map : undefined;
}

function text(random, max) {
  let result = '';
  const count = 1 + random.int(max);
  for (let i = 0; i < count; i++) {
    result += random.pick(Characters);
  }
  return result;
}

function randomDocument(random) {
  const delta = new Delta();
  const count = random.int(5);
  for (let i = 0; i < count; i++) {
    if (random.int(5) === 0) {
      delta.insert(random.pick(Embeds), attributes(random, false));
    } else {
      delta.insert(text(random, 6), attributes(random, false));
    }
  }
  return delta;
}

// The document's characters as units that an edit never splits: a surrogate pair or an embed is one unit.
function units(doc) {
  const result = [];
  for (const op of doc.ops) {
    if (typeof op.insert === 'string') {
      for (const character of op.insert) {
        result.push(character.length);
      }
    } else {
      result.push(1);
    }
  }
  return result;
}

function randomChange(random, doc) {
  const lengths = units(doc);
  const delta = new Delta();
  let at = 0;
  while (at < lengths.length || random.int(3) === 0) {
    const choice = random.int(4);
    if (choice === 0 || at >= lengths.length) {
      if (random.int(5) === 0) {
        delta.insert(random.pick(Embeds), attributes(random, true));
      } else {
        delta.insert(text(random, 4), attributes(random, true));
      }
      if (at >= lengths.length) {
        break;
      }
      continue;
    }
    const take = 1 + random.int(Math.min(4, lengths.length - at));
    const span = lengths.slice(at, at + take).reduce((sum, length) => sum + length, 0);
    at += take;
    if (choice === 1) {
      delta.delete(span);
    } else {
      delta.retain(span, choice === 2 ? attributes(random, true) : undefined);
    }
    if (random.int(6) === 0) {
      break;
    }
  }
  return delta.chop();
}

export function randomCase(random) {
  const doc = randomDocument(random);
  const a = randomChange(random, doc);
  const b = randomChange(random, doc);
  const c = randomChange(random, doc.compose(a));
  return { doc: doc.ops, a: a.ops, b: b.ops, c: c.ops };
}

function write() {
  const random = generator(Seed);
  const cases = [];
  for (let i = 0; i < RandomCases; i++) {
    const input = randomCase(random);
    cases.push({ name: `random ${i}`, ...input, expected: evaluate(input) });
  }
  const about =
    `Rich-text (Quill Delta) OT cases: doc, a and b made on doc, c made on doc∘a; expected is what quill-delta ` +
    `${JSON.parse(readFileSync(new URL('../../node_modules/quill-delta/package.json', import.meta.url))).version} gives ` +
    `(positions: [index, a.transformPosition(index, false), a.transformPosition(index, true)]). Written from seed ${Seed} ` +
    `by web/test/vectors/richTextOt.mjs --write.`;
  const lines = cases.map((vector) => '    ' + JSON.stringify(vector));
  const target = fileURLToPath(new URL('../../../tests/vectors/rich-text-ot.json', import.meta.url));
  writeFileSync(target, `{\n  "about": ${JSON.stringify(about)},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`);
}

function evalStdin() {
  const input = JSON.parse(readFileSync(0, 'utf8'));
  process.stdout.write(JSON.stringify({ results: input.cases.map(evaluate) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    write();
  } else if (process.argv.includes('--eval')) {
    evalStdin();
  } else {
    process.stderr.write('usage: node web/test/vectors/richTextOt.mjs --write | --eval\n');
    process.exit(2);
  }
}
