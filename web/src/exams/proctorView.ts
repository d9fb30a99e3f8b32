import type { AnnouncementEvent, CandidateProgress, StatusCounts } from "../live/events.generated";

/** A room as the proctor's snapshot lists it (PROTOCOL §7): only the rooms the caller oversees. */
export interface ProctorRoom { id: string; name: string; proctorIds: string[]; students: number }

/** The proctor's snapshot from Join: its lines and counts are the shapes progress.updated carries. */
export interface ProctorSnapshot {
  exam: { id: string; title: string; subject: string; status: string; opensAt: string; durationMinutes: number };
  announcements: AnnouncementEvent[];
  students: CandidateProgress[];
  counts: StatusCounts;
  rooms?: ProctorRoom[];
  /** The author or an admin: every room, and announcements to everyone. */
  allRooms?: boolean;
}

export const statuses = ["absent", "active", "paused", "submitted"] as const;

/** The roster with the changed lines put in (a line not seen before is added at the end). */
export function withLines(s: ProctorSnapshot, changed: CandidateProgress[]): ProctorSnapshot {
  const byId = new Map(changed.map((line) => [line.studentId, line]));
  const students = s.students.map((line) => byId.get(line.studentId) ?? line);
  for (const line of changed) if (!s.students.some((x) => x.studentId === line.studentId)) students.push(line);
  return { ...s, students };
}

/**
 * Counts over the lines shown. They are counted here rather than taken from progress.updated, whose counts are one
 * room's for a room's proctor: a proctor of two rooms, or one looking at a single room, would see the wrong figures.
 */
export function countsOf(lines: CandidateProgress[]): StatusCounts {
  const counts: StatusCounts = { absent: 0, active: 0, paused: 0, submitted: 0 };
  for (const line of lines) if (line.status in counts) counts[line.status as keyof StatusCounts]++;
  return counts;
}

/** The lines of one room ("" for all), of one status ("" for all), whose id or name contains the search (any case). */
export function shownLines(lines: CandidateProgress[], roomId: string, status: string, search: string): CandidateProgress[] {
  const needle = search.trim().toLowerCase();
  return lines.filter((line) =>
    (!roomId || line.roomId === roomId)
    && (!status || line.status === status)
    && (!needle || line.studentId.toLowerCase().includes(needle) || line.name.toLowerCase().includes(needle)));
}
