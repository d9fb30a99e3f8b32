import { PeoplePicker } from "../directory/PeoplePicker";
import { RoomDraft, rosterIds } from "./paperForm";
import { r } from "./roomStrings";
import { x } from "./strings";

/** A new room's id: the first of r1, r2, … not taken. */
function nextRoomId(rooms: RoomDraft[]): string {
  let n = rooms.length + 1;
  while (rooms.some((room) => room.id === `r${n}`)) n++;
  return `r${n}`;
}

/**
 * The exam's rooms in the author's form (PROTOCOL §7): each with an id, a name, its proctors (teachers of the
 * directory, picked or typed), and the whole classes and single students it seats. The server checks the seating
 * (every rostered student in exactly one room) when the exam is saved and published, and its refusal names `rooms`.
 */
export function RoomsForm({ rooms, onChange }: { rooms: RoomDraft[]; onChange: (rooms: RoomDraft[]) => void }) {
  const change = (i: number, patch: Partial<RoomDraft>) => onChange(rooms.map((room, j) => (j === i ? { ...room, ...patch } : room)));
  const append = (text: string, id: string) => [...rosterIds(text), id].join("\n");
  return (
    <fieldset class="rooms" data-testid="rooms">
      <legend>{r("rooms")}</legend>
      {rooms.map((room, i) => (
        <div class="room-form" data-room-form={i} key={i}>
          <div class="room-fields">
            <label>{r("roomId")}<input name="roomId" maxLength={64} value={room.id} onInput={(e) => change(i, { id: (e.target as HTMLInputElement).value })} /></label>
            <label>{r("roomName")}<input name="roomName" maxLength={200} value={room.name} onInput={(e) => change(i, { name: (e.target as HTMLInputElement).value })} /></label>
          </div>
          <label>{r("proctorIds")}
            <textarea name="proctorIds" rows={2} value={room.proctorIds} onInput={(e) => change(i, { proctorIds: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <PeoplePicker
            id={`room-${i}-proctor`}
            role="teacher"
            label={r("pickProctor")}
            exclude={new Set(rosterIds(room.proctorIds))}
            onPick={async (person) => change(i, { proctorIds: append(room.proctorIds, person.userId) })}
          />
          <label>{r("roomClasses")}
            <textarea name="roomClasses" rows={2} value={room.classIds} onInput={(e) => change(i, { classIds: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <label>{r("roomStudents")}
            <textarea name="roomStudents" rows={2} value={room.studentIds} onInput={(e) => change(i, { studentIds: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <PeoplePicker
            id={`room-${i}-student`}
            role="student"
            label={x("rosterPick")}
            exclude={new Set(rosterIds(room.studentIds))}
            onPick={async (person) => change(i, { studentIds: append(room.studentIds, person.userId) })}
          />
          <button type="button" data-action="remove-room" onClick={() => onChange(rooms.filter((_, j) => j !== i))}>{r("removeRoom")}</button>
        </div>
      ))}
      <button type="button" data-action="add-room"
        onClick={() => onChange([...rooms, { id: nextRoomId(rooms), name: "", proctorIds: "", classIds: "", studentIds: "" }])}>
        + {r("addRoom")}
      </button>
    </fieldset>
  );
}
