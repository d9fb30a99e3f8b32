import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { rosterIds } from "../exams/paperForm";
import { hw } from "./strings";

interface Choice { id: string; label: string }

/**
 * The classes a homework is set for: the teacher's own classes (GET /api/me), the classes linked with them in the
 * teacher's 1+X classrooms (GET /api/me/classrooms), and any other class by its id. The server decides: a teacher
 * who teaches none of the chosen classes, or an unknown class, is refused with its code.
 */
export function ClassPicker({ chosen, onChange }: { chosen: string[]; onChange: (ids: string[]) => void }) {
  const [mine, setMine] = useState<Choice[]>([]);
  const [linked, setLinked] = useState<Choice[]>([]);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    rest<{ classes: { id: string; name: string }[] }>("GET", "/api/me").then(
      (me) => setMine(me.classes.map((c) => ({ id: c.id, label: c.name }))),
      () => setMine([]),
    );
    rest<{ classes: { classId: string; name: string; schoolName: string }[] }[]>("GET", "/api/me/classrooms").then((rooms) => {
      const seen = new Map<string, Choice>();
      for (const room of rooms) for (const c of room.classes) seen.set(c.classId, { id: c.classId, label: `${c.schoolName} · ${c.name}` });
      setLinked([...seen.values()]);
    }, () => setLinked([]));
  }, []);
  const listed = new Set([...mine, ...linked].map((c) => c.id));
  const typedIds = rosterIds(typed);
  const emit = (ticked: string[], others: string[]) => onChange([...new Set([...ticked, ...others])]);
  const ticked = chosen.filter((id) => listed.has(id));
  const toggle = (id: string, on: boolean) => emit(on ? [...ticked, id] : ticked.filter((c) => c !== id), typedIds);
  const box = (c: Choice) => (
    <label class="option" key={c.id}>
      <input type="checkbox" name="homeworkClass" value={c.id} checked={chosen.includes(c.id)}
        onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)} />
      {c.label} <span class="muted">({c.id})</span>
    </label>
  );
  return (
    <fieldset class="hw-classes" data-testid="homework-classes">
      <legend>{hw("classes")}</legend>
      {mine.length > 0 && <div><strong>{hw("myClasses")}</strong>{mine.map(box)}</div>}
      {linked.filter((c) => !mine.some((m) => m.id === c.id)).length > 0 && (
        <div><strong>{hw("linkedClasses")}</strong>{linked.filter((c) => !mine.some((m) => m.id === c.id)).map(box)}</div>
      )}
      <label>
        {hw("otherClassIds")}
        <input name="otherClassIds" data-testid="homework-other-classes" value={typed}
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value;
            setTyped(text);
            emit(ticked, rosterIds(text));
          }} />
      </label>
    </fieldset>
  );
}
