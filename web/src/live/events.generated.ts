// Generated from the C# event records (Grains.Interfaces/<Area>/Events) by tests/Api.Tests/Live/EventContractTests.cs.
// Do not edit: change the records, then run COLLAB_WRITE_EVENT_TYPES=1 dotnet test tests/Api.Tests --filter EventContractTests

export interface CommentAddedEvent {
  id: string;
  section: string;
  start: number;
  end: number;
  text: string;
  userId: string;
  name: string;
  at: string;
  resolved: boolean;
  resolvedBy: string | null;
}

export interface CommentResolvedEvent {
  commentId: string;
  userId: string;
}

export interface CursorMovedEvent {
  userId: string;
  section: string;
  anchor: number;
  head: number;
  revision: number;
}

export interface ForkReflectedEvent {
  forkId: string;
  userId: string;
  name: string;
  at: string;
  reflected: boolean;
}

export interface MemberAddedEvent {
  userId: string;
  name: string;
  school: string;
  county: string;
  role: string;
}

export interface MemberRemovedEvent {
  userId: string;
  removedBy: string;
}

export interface MessagePostedEvent {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: string;
  clientId: string;
  clientSeq: number;
}

export interface OpAppliedEvent {
  revision: number;
  section: string;
  ops: (number | string)[];
  userId: string;
  clientId: string;
  clientSeq: number;
}

export interface PhaseChangedEvent {
  phase: string;
  userId: string;
}

export interface PlanForkedEvent {
  forkId: string;
  userId: string;
  name: string;
  at: string;
  reflected: boolean;
}

export interface SectionAssignedEvent {
  section: string;
  userId: string | null;
  assignedBy: string;
}

export interface SessionScheduledEvent {
  kind: string;
  id: string;
  title: string;
  startsAt: string;
}

export interface VersionRestoredEvent {
  versionId: string;
  revision: number;
  userId: string;
}

export interface VersionSavedEvent {
  versionId: string;
  label: string;
  revision: number;
  createdBy: string;
  createdAt: string;
}

/** The data of each event, by its protocol type. */
export interface LiveEventData {
  "comment.added": CommentAddedEvent;
  "comment.resolved": CommentResolvedEvent;
  "cursor.moved": CursorMovedEvent;
  "fork.reflected": ForkReflectedEvent;
  "member.added": MemberAddedEvent;
  "member.removed": MemberRemovedEvent;
  "message.posted": MessagePostedEvent;
  "op.applied": OpAppliedEvent;
  "phase.changed": PhaseChangedEvent;
  "plan.forked": PlanForkedEvent;
  "section.assigned": SectionAssignedEvent;
  "session.scheduled": SessionScheduledEvent;
  "version.restored": VersionRestoredEvent;
  "version.saved": VersionSavedEvent;
}
