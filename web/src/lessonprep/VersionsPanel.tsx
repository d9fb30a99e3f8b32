import { useState } from "preact/hooks";
import { rest } from "../api";
import { s } from "./strings";

export interface VersionSummary { versionId: string; label: string; revision: number; createdBy: string; createdAt: string }
interface VersionView { version: VersionSummary; sections: { key: string; title: string; text: string }[] }

interface Props {
  prepId: string;
  versions: VersionSummary[];
  canRestore: boolean;
  nameOf: (userId: string) => string;
  save: (label: string) => Promise<unknown>;
  restore: (versionId: string) => Promise<unknown>;
  onError: (error: unknown) => void;
}

/** Saved versions, newest first: save one with a label, look at one, and (lead preparer or leader) restore it. */
export function VersionsPanel(props: Props) {
  const [label, setLabel] = useState("");
  const [viewing, setViewing] = useState<VersionView | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    if (!label.trim()) return;
    try {
      await props.save(label.trim());
      setLabel("");
    } catch {
      // the editor's error line says why
    }
  }

  async function view(versionId: string) {
    props.onError(null);
    try {
      setViewing(await rest<VersionView>("GET", `/api/lessonpreps/${encodeURIComponent(props.prepId)}/versions/${encodeURIComponent(versionId)}`));
    } catch (failure) {
      props.onError(failure);
    }
  }

  async function restore(version: VersionSummary) {
    try {
      await props.restore(version.versionId);
      setRestored(version.label);
      setViewing(null);
    } catch {
      // the editor's error line says why
    }
  }

  const newestFirst = [...props.versions].reverse();
  return (
    <aside class="card versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{s("versions")}</h2>
      <form class="form inline" onSubmit={save} data-testid="save-version">
        <label>{s("versionLabel")}<input name="versionLabel" maxLength={100} value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">{s("saveVersion")}</button>
      </form>
      {restored && <p class="ok" role="status">{s("restored", { label: restored })}</p>}
      {newestFirst.length === 0 ? (
        <p class="muted">{s("noVersions")}</p>
      ) : (
        <ul class="list version-list" data-testid="versions">
          {newestFirst.map((v) => (
            <li data-version={v.versionId}>
              <strong>{v.label}</strong>
              <span class="muted"> {s("savedBy", { name: props.nameOf(v.createdBy), at: new Date(v.createdAt).toLocaleString() })}</span>
              <button type="button" class="small" onClick={() => void view(v.versionId)}>{s("view")}</button>
            </li>
          ))}
        </ul>
      )}
      {viewing && (
        <div class="version-view" data-testid="version-view">
          <h3>{s("versionOf", { label: viewing.version.label, revision: viewing.version.revision })}</h3>
          {viewing.sections.map((section) => (
            <div>
              <h4>{section.title}</h4>
              <pre>{section.text}</pre>
            </div>
          ))}
          <div class="row">
            {props.canRestore && <button type="button" class="primary" onClick={() => void restore(viewing.version)}>{s("restore")}</button>}
            <button type="button" onClick={() => setViewing(null)}>{s("close")}</button>
          </div>
        </div>
      )}
    </aside>
  );
}
