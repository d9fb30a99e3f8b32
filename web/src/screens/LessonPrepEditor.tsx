import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { LiveConnection } from "../live/liveConnection";
import { Joined, StreamFollower } from "../live/streamFollower";
import { SectionClient } from "../lessonprep/sectionClient";
import { codePoints, splitAt, TextOperation } from "../lessonprep/textOperation";
import { nextCommand } from "../session";
import { ErrorLine } from "./ErrorLine";

interface Section { key: string; title: string; text: string; assignee: string | null }
interface Snapshot { title: string; phase: string; revision: number; sections: Section[]; online: string[] }

/**
 * The lesson-plan editor over /hubs/lessonprep (PROTOCOL §2): one OT client per section, textareas driven directly
 * (not re-rendered while typing) so the caret stays where the user put it, and moves with everyone else's edits.
 */
export function LessonPrepEditor({ prepId }: { prepId: string }) {
  const [plan, setPlan] = useState<Snapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clients = useRef(new Map<string, SectionClient>());
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const live = useRef<LiveConnection | null>(null);
  const revision = useRef(0);

  useEffect(() => {
    const connection = new LiveConnection("/hubs/lessonprep");
    live.current = connection;

    const reset = (snapshot: Snapshot) => {
      revision.current = snapshot.revision;
      clients.current = new Map(snapshot.sections.map((s) => [s.key, new SectionClient(s.text, (op) => submit(s.key, op))]));
      for (const s of snapshot.sections) {
        const area = areas.current.get(s.key);
        if (area) area.value = s.text;
      }
      setPlan(snapshot);
    };

    const submit = (section: string, op: TextOperation) => {
      const command = nextCommand();
      connection
        .invoke("SubmitOp", prepId, { ...command, section, baseRevision: revision.current, ops: op.toWire() })
        .catch((failure) => {
          // A refused op (finalized plan, membership lost) leaves local text the server never took: start over from it.
          setError(failure);
          void connection.call<Joined<Snapshot>>("Join", prepId).then((joined) => follower.joined(joined));
        });
      return { ...command, op };
    };

    const follower = new StreamFollower<Snapshot>(connection, `lessonprep/${prepId}`, prepId, "Sync", {
      snapshot: reset,
      event: (e) => {
        if (e.type === "op.applied") {
          revision.current = e.data.revision;
          const client = clients.current.get(e.data.section);
          const op = client?.applied(e.data);
          if (client && op) showRemote(e.data.section, client.text, op);
        } else if (e.type === "phase.changed") {
          setPlan((p) => (p ? { ...p, phase: e.data.phase } : p));
        } else if (typeof e.data?.revision === "number") {
          revision.current = Math.max(revision.current, e.data.revision);
        }
      },
      ephemeral: (e) => {
        if (e.type === "presence.changed") {
          setPlan((p) => (p ? { ...p, online: e.data.online ? [...p.online.filter((u) => u !== e.data.userId), e.data.userId] : p.online.filter((u) => u !== e.data.userId) } : p));
        }
      },
    });

    const showRemote = (section: string, text: string, op: TextOperation) => {
      const area = areas.current.get(section);
      if (!area) return;
      const before = area.value;
      const toPoints = (utf16: number) => codePoints(before.slice(0, utf16));
      const start = TextOperation.transformIndex(toPoints(area.selectionStart), op);
      const end = TextOperation.transformIndex(toPoints(area.selectionEnd), op);
      const focused = document.activeElement === area;
      area.value = text;
      if (focused) area.setSelectionRange(splitAt(text, start)[0].length, splitAt(text, end)[0].length);
    };

    let joinedOnce = false;
    const join = async () => {
      const joined = await connection.call<Joined<Snapshot>>("Join", prepId);
      if (!joinedOnce) {
        joinedOnce = true;
        follower.joined(joined);
      } else {
        // Keep local typing: catch up by events after the re-join; a snapshot comes only if too much was missed.
        await follower.catchUp();
      }
    };
    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => void connection.stop();
  }, [prepId]);

  function onInput(section: string, area: HTMLTextAreaElement) {
    clients.current.get(section)?.edit(area.value);
  }

  if (!plan) return <section class="card">{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;
  const readOnly = plan.phase === "finalized";
  return (
    <section class="card wide plan">
      <button class="link" onClick={() => history.back()}>← {t("back")}</button>
      <h1>{plan.title}</h1>
      <p class="muted">{t("phase")}: <span data-testid="phase">{t(`phase_${plan.phase}` as any) || plan.phase}</span> · {t("online")} {plan.online.length}</p>
      <ErrorLine error={error} />
      {plan.sections.map((s) => (
        <div class="section" key={s.key}>
          <h2>{s.title}</h2>
          <textarea
            name={`section-${s.key}`}
            rows={4}
            readOnly={readOnly}
            ref={(el) => {
              if (el && !areas.current.has(s.key)) {
                el.value = clients.current.get(s.key)?.text ?? s.text;
                areas.current.set(s.key, el);
              }
            }}
            onInput={(e) => {
              if (!(e as InputEvent).isComposing) onInput(s.key, e.target as HTMLTextAreaElement);
            }}
            onCompositionEnd={(e) => onInput(s.key, e.target as HTMLTextAreaElement)}
          />
        </div>
      ))}
    </section>
  );
}
