import katex from "katex";
import "katex/dist/katex.min.css";
import Quill from "quill";
import "quill/dist/quill.snow.css";
import QuillCursors from "quill-cursors";
import "quill-cursors/css";
import { attachmentBlobUrl, uploadAttachment } from "../attachments/uploadAttachment";
import { s } from "./strings";

// Quill's formula format renders with the global katex.
(window as unknown as { katex: typeof katex }).katex = katex;

const BaseImage = Quill.import("formats/image") as unknown as {
  new (...args: unknown[]): object;
  create(value: string): HTMLElement;
  formats(node: HTMLElement): Record<string, string>;
};

/**
 * An image whose delta value is the attachment's stable `/api/files/{id}` (PROTOCOL §9). An <img> cannot send the
 * bearer token, so the page shows a copy fetched with it; other http(s) images show as they are.
 */
class AttachmentImage extends BaseImage {
  static blotName = "image";
  static tagName = "IMG";

  static create(value: string): HTMLElement {
    const node = super.create(value) as HTMLImageElement;
    node.setAttribute("data-url", value);
    if (value.startsWith("/api/files/")) {
      node.removeAttribute("src");
      attachmentBlobUrl(value).then(
        (blob) => (node.src = blob),
        () => (node.alt = s("imageUnavailable")),
      );
    }
    return node;
  }

  static value(node: HTMLElement): string {
    return node.getAttribute("data-url") ?? node.getAttribute("src") ?? "";
  }
}

Quill.register(AttachmentImage as never, true);
Quill.register("modules/cursors", QuillCursors as never, true);

const toolbar = [
  [{ header: [1, 2, 3, false] }],
  ["bold", "italic", "underline", { color: [] }],
  [{ list: "ordered" }, { list: "bullet" }],
  ["link", "formula", "image"],
  ["table-insert", "table-row", "table-column"],
];

/** A Quill editor of one rich section: snow theme, undo of this user's own edits only, remote carets. */
export function createRichQuill(host: HTMLElement, planId: string, readOnly: boolean, onError: (error: unknown) => void): Quill {
  const quill = new Quill(host, {
    theme: "snow",
    readOnly,
    modules: {
      table: true,
      cursors: { transformOnTextChange: false, hideDelayMs: 60000 },
      history: { userOnly: true, delay: 500 },
      toolbar: {
        container: toolbar,
        handlers: {
          image: () => pickImage(quill, planId, onError),
          "table-insert": () => table(quill).insertTable(2, 2),
          "table-row": () => table(quill).insertRowBelow(),
          "table-column": () => table(quill).insertColumnRight(),
        },
      },
    },
  });
  const bar = (quill.getModule("toolbar") as { container: HTMLElement }).container;
  for (const [name, label] of [["table-insert", s("insertTable")], ["table-row", s("addRow")], ["table-column", s("addColumn")]]) {
    const button = bar.querySelector<HTMLButtonElement>(`.ql-${name}`);
    if (button) {
      button.textContent = label;
      button.setAttribute("aria-label", label);
      button.classList.add("text-button");
    }
  }
  return quill;
}

function table(quill: Quill) {
  return quill.getModule("table") as { insertTable(rows: number, columns: number): void; insertRowBelow(): void; insertColumnRight(): void };
}

function pickImage(quill: Quill, planId: string, onError: (error: unknown) => void) {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "image/*";
  input.onchange = async () => {
    const file = input.files?.[0];
    if (!file) return;
    const at = quill.getSelection(true)?.index ?? quill.getLength() - 1;
    try {
      const { url } = await uploadAttachment(file, `lessonprep/${planId}`);
      quill.insertEmbed(at, "image", url, "user");
    } catch (error) {
      onError(error);
    }
  };
  input.click();
}
