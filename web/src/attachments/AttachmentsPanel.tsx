import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { fetchFile } from "../exams/fetchFile";
import { ErrorLine } from "../screens/ErrorLine";
import { session } from "../session";
import "./attachments.css";
import { s } from "./strings";
import { Attachment, AttachmentOwner, uploadAttachment } from "./uploadAttachment";

/** A listed attachment (`GET /api/files?owner=`): the upload's answer and who sent it when. */
export interface ListedAttachment extends Attachment {
  uploadedBy: string;
  uploadedAt: string;
}

interface Props {
  owner: AttachmentOwner;
  /** Shows a user id as a name (the plan's members); the id itself otherwise. */
  nameOf?: (userId: string) => string;
  readOnly?: boolean;
  /**
   * Bumped by the screen on each `attachment.added` / `attachment.removed` of the owner's stream and on a re-join, so
   * the list follows a colleague's uploads and deletes without a reload.
   */
  changes?: number;
  /** An area's own action on one file (the tutoring board's "show under the board"). */
  actions?: (file: ListedAttachment) => ComponentChildren;
}

/** An owner's files (a plan's worksheets and slides, a tutoring room's handouts): list, upload, open, delete one's own. */
export function AttachmentsPanel({ owner, nameOf = (id) => id, readOnly = false, changes = 0, actions }: Props) {
  const [files, setFiles] = useState<ListedAttachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const me = session.get()?.user.userId;

  async function reload() {
    try {
      setFiles(await rest<ListedAttachment[]>("GET", `/api/files?owner=${encodeURIComponent(owner)}`));
    } catch (failure) {
      setError(failure);
    }
  }

  useEffect(() => void reload(), [owner, changes]);

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await uploadAttachment(file, owner);
      await reload();
    } catch (failure) {
      setError(explained(failure));
    } finally {
      setBusy(false);
      input.value = "";
    }
  }

  async function remove(file: ListedAttachment) {
    setError(null);
    try {
      await rest("DELETE", file.url);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <aside class="card attachments" aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{s("title")}</h2>
      {files.length === 0 ? (
        <p class="muted">{s("none")}</p>
      ) : (
        <ul class="attachment-list">
          {files.map((file) => (
            <li key={file.id} data-testid="attachment">
              <span class="attachment-name">{file.name}</span>{" "}
              <span class="muted">
                {size(file.size)} · {s("uploadedBy")} {nameOf(file.uploadedBy)}
              </span>{" "}
              <button class="link" data-testid="attachment-open" onClick={() => void fetchFile(file.url, file.name, true).catch(setError)}>
                {s("open")}
              </button>{" "}
              <button class="link" data-testid="attachment-download" onClick={() => void fetchFile(file.url, file.name).catch(setError)}>
                {s("download")}
              </button>
              {actions?.(file)}
              {file.uploadedBy === me && !readOnly && (
                <>
                  {" "}
                  <button class="link" onClick={() => void remove(file)}>{s("remove")}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <label class="attachment-upload">
          {busy ? s("uploading") : s("upload")}
          <input type="file" data-testid="attachment-input" disabled={busy} onChange={(e) => void upload(e.target as HTMLInputElement)} />
        </label>
      )}
      <ErrorLine error={error} />
    </aside>
  );
}

/** The panel says more than the general message for the two refusals an upload meets most. */
function explained(failure: unknown): unknown {
  if (failure instanceof ApiError && failure.code === "too_large") return s("tooLarge");
  if (failure instanceof ApiError && failure.code === "invalid_argument") return `${s("wrongType")} (${failure.detail})`;
  return failure;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
