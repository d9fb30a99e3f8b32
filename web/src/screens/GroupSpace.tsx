import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { PeoplePicker } from "../directory/PeoplePicker";
import { JoinRequests } from "../groups/JoinRequests";
import { JoinRequestList, PendingRequest } from "../groups/joinRequestList";
import { g } from "../groups/strings";
import { ObservationSessionLink } from "../observation/ObservationSessionLink";
import { ScheduleObservation } from "../observation/ScheduleObservation";
import { t } from "../i18n";
import { AccessLost } from "../live/AccessLost";
import type { MemberAddedEvent, MessagePostedEvent, SessionScheduledEvent } from "../live/events.generated";
import { LiveConnection } from "../live/liveConnection";
import { typed, TypedEvent } from "../live/typedEvent";
import { Joined, StreamFollower } from "../live/streamFollower";
import { navigate } from "../router";
import { nextCommand, session, User } from "../session";
import { useSignal } from "../signal";
import { ErrorLine } from "./ErrorLine";
import { MessageFeed } from "./MessageFeed";

type Member = MemberAddedEvent;
type Message = MessagePostedEvent;
type GroupSession = SessionScheduledEvent;
type GroupEvent = TypedEvent<"message.posted" | "member.added" | "member.removed" | "session.scheduled">;
const groupEvents = ["message.posted", "member.added", "member.removed", "session.scheduled"] as const;
interface Snapshot {
  group: { id: string; name: string; subject: string; grade: string; description?: string };
  members: Member[];
  online: string[];
  sessions: GroupSession[];
  feed: Message[];
}
interface Pending { clientId: string; clientSeq: number; text: string }

/**
 * The group's live space over /hubs/groups (PROTOCOL §1): online list, feed with posting, members, sessions; for the
 * leader, the pending join requests and adding members from the directory.
 */
export function GroupSpace({ groupId }: { groupId: string }) {
  const me = useSignal(session)!.user;
  const [state, setState] = useState<Snapshot | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState("");
  const [removed, setRemoved] = useState(false);
  const live = useRef<LiveConnection | null>(null);
  const joinRequests = useRef(new JoinRequestList());
  const [requests, setRequests] = useState<readonly PendingRequest[]>([]);

  /** The list is read again at every snapshot, since a reconnect may have missed a leader-only event. */
  async function loadRequests() {
    const list = joinRequests.current;
    const load = list.beginLoad();
    try {
      const { requests: loaded } = await rest<{ requests: PendingRequest[] }>("GET", `/api/groups/${encodeURIComponent(groupId)}/join-requests`);
      if (list.loaded(load, loaded)) setRequests(list.requests);
    } catch (failure) {
      setError(failure);
    }
  }

  function resolved(userId: string) {
    joinRequests.current.resolved(userId);
    setRequests(joinRequests.current.requests);
  }

  useEffect(() => {
    const connection = new LiveConnection("/hubs/groups");
    live.current = connection;
    const follower = new StreamFollower<Snapshot>(connection, `groups/${groupId}`, groupId, "Sync", {
      snapshot: (snapshot) => {
        setState(snapshot);
        if (leads(snapshot, me)) void loadRequests();
      },
      event: (e) => {
        const request = typed(e, "join.requested", "join.resolved");
        if (request?.type === "join.requested") {
          const { userId, name, school, county, at } = request.data;
          joinRequests.current.requested({ userId, name, schoolName: school, county, at });
          setRequests(joinRequests.current.requests);
        } else if (request?.type === "join.resolved") {
          resolved(request.data.userId);
        }
        const event = typed(e, ...groupEvents);
        if (!event) return;
        if (event.type === "member.removed" && event.data.userId === me.userId) {
          // The server has already cut this connection off the group; re-joining would only be refused.
          setRemoved(true);
          void connection.stop();
          return;
        }
        setState((s) => (s ? applyEvent(s, event) : s));
      },
      ephemeral: (e) => {
        if (e.type === "presence.changed") setState((s) => (s ? presence(s, e.data.userId, e.data.online) : s));
      },
    });
    const join = async () => follower.joined(await connection.call<Joined<Snapshot>>("Join", groupId));
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [groupId]);

  // A posted message leaves the pending list once it is in the feed (its event may come before the answer). Shown
  // pending is derived in the render, so no frame shows a message both in the feed and as pending; the effect only
  // forgets what the feed now holds.
  const posted = new Set((state?.feed ?? []).filter((m) => m.userId === me.userId).map((m) => `${m.clientId}/${m.clientSeq}`));
  const stillPending = pending.filter((x) => !posted.has(`${x.clientId}/${x.clientSeq}`));
  useEffect(() => {
    if (stillPending.length !== pending.length) setPending(stillPending);
  }, [state]);

  async function post(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!text || !live.current) return;
    const command = { ...nextCommand(), text };
    setDraft("");
    setPending((p) => [...p, command]);
    setError(null);
    try {
      await live.current.invoke("PostMessage", groupId, command);
    } catch (failure) {
      setPending((p) => p.filter((x) => x.clientSeq !== command.clientSeq || x.clientId !== command.clientId));
      setDraft(text);
      setError(failure);
    }
  }

  async function remove(userId: string) {
    if (!window.confirm(t("confirmRemove"))) return;
    setError(null);
    try {
      await rest("DELETE", `/api/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(userId)}`);
    } catch (failure) {
      setError(failure);
    }
  }

  if (removed) return <AccessLost message={t("removedFromGroup")} />;
  if (!state) {
    return (
      <section class="card">
        <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
        {error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}
      </section>
    );
  }

  const online = new Set(state.online);
  const isLeader = leads(state, me);
  return (
    <div class="group-space">
      <section class="card wide">
        <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
        <h1 data-testid="group-name">{state.group.name}</h1>
        <p class="muted">{state.group.subject} · {state.group.grade}{state.group.description ? ` · ${state.group.description}` : ""}</p>
        <h2>{t("feed")}</h2>
        <MessageFeed testId="feed" me={me} messages={state.feed} pending={stillPending} sendingLabel={t("sending")} />
        <form class="post" onSubmit={post}>
          <textarea
            name="message"
            rows={2}
            maxLength={2000}
            placeholder={t("postPlaceholder")}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.isComposing) post(e);
            }}
          />
          <button type="submit" class="primary">{t("post")}</button>
        </form>
        <ErrorLine error={error} />
      </section>
      <aside class="card side">
        <h2>{t("members")} ({state.members.length})</h2>
        <ul class="members" data-testid="members">
          {[...state.members]
            .sort((a, b) => Number(online.has(b.userId)) - Number(online.has(a.userId)))
            .map((m) => (
              <li key={m.userId} data-user={m.userId} data-online={online.has(m.userId) ? "true" : "false"}>
                <span class={online.has(m.userId) ? "dot on" : "dot"} title={online.has(m.userId) ? t("online") : t("offline")} />
                {m.name} <span class="muted">{[m.school, m.county].filter(Boolean).join(" · ")} · {t(m.role === "leader" ? "leader" : "member")}</span>
                {isLeader && m.role !== "leader" && (
                  <button class="link" data-testid="remove-member" onClick={() => remove(m.userId)}>{t("removeMember")}</button>
                )}
              </li>
            ))}
        </ul>
        {isLeader && <JoinRequests groupId={groupId} requests={requests} onResolved={resolved} />}
        {isLeader && <AddMember groupId={groupId} members={state.members} />}
        <NewPlan groupId={groupId} subject={state.group.subject} grade={state.group.grade} />
        <ScheduleObservation groupId={groupId} subject={state.group.subject} grade={state.group.grade} members={state.members} isLeader={isLeader} />
        <h2>{t("sessions")}</h2>
        {state.sessions.length === 0 ? (
          <p class="muted">{t("noSessions")}</p>
        ) : (
          <ul class="list">
            {state.sessions.map((s) => (
              <li key={s.id}>
                {s.kind === "observation" ? <ObservationSessionLink id={s.id} title={s.title} /> : s.kind === "lessonprep" ? (
                  <a href={`/lessonpreps/${encodeURIComponent(s.id)}`} onClick={(e) => { e.preventDefault(); navigate(`/lessonpreps/${encodeURIComponent(s.id)}`); }}>{s.title}</a>
                ) : (
                  s.title
                )}{" "}
                <span class="muted">{new Date(s.startsAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

function NewPlan({ groupId, subject, grade }: { groupId: string; subject: string; grade: string }) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<unknown>(null);
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const { id } = await rest<{ id: string }>("POST", `/api/groups/${encodeURIComponent(groupId)}/lessonpreps`, { title, subject, grade });
      navigate(`/lessonpreps/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <>
      <h2>{t("lessonPreps")}</h2>
      <form class="form" onSubmit={create} data-testid="new-plan">
        <label>{t("planTitle")}<input name="planTitle" required maxLength={100} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">{t("newPlan")}</button>
      </form>
      <ErrorLine error={error} />
    </>
  );
}

/** Adds a teacher by their directory id; the server takes their name, school and county from the directory. */
function AddMember({ groupId, members }: { groupId: string; members: Member[] }) {
  const ids = new Set(members.map((m) => m.userId));
  return (
    <section data-testid="add-member">
      <h2>{t("addMember")}</h2>
      <PeoplePicker
        id="add-member-picker"
        label={g("addByDirectory")}
        exclude={ids}
        onPick={(person) => rest("POST", `/api/groups/${encodeURIComponent(groupId)}/members`, { userId: person.userId })}
      />
    </section>
  );
}

function leads(s: Snapshot, me: User): boolean {
  return s.members.some((m) => m.userId === me.userId && m.role === "leader") || me.role === "admin";
}

function applyEvent(s: Snapshot, event: GroupEvent): Snapshot {
  switch (event.type) {
    case "message.posted":
      return s.feed.some((m) => m.id === event.data.id) ? s : { ...s, feed: [...s.feed, event.data] };
    case "member.added":
      return { ...s, members: [...s.members.filter((m) => m.userId !== event.data.userId), event.data] };
    case "member.removed":
      return { ...s, members: s.members.filter((m) => m.userId !== event.data.userId) };
    case "session.scheduled":
      return { ...s, sessions: [...s.sessions.filter((x) => x.id !== event.data.id), event.data] };
  }
}

function presence(s: Snapshot, userId: string, isOnline: boolean): Snapshot {
  const others = s.online.filter((id) => id !== userId);
  return { ...s, online: isOnline ? [...others, userId] : others };
}
