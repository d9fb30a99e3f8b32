import { useEffect, useState } from "preact/hooks";
import "./attachments.css";
import { attachmentBlobUrl } from "./uploadAttachment";

/** A stem line that is only an image of the owner's files (PROTOCOL §9, images in an exam stem). */
const imageLine = /^!\[([^\]\n]*)\]\((\/api\/files\/[A-Za-z0-9_-]{1,64})\)$/;

/** The line a stem gets for an uploaded image; the name loses what would end the markup early. */
export function imageMarkup(name: string, url: string): string {
  return `![${name.replace(/[[\]()\n]/g, "")}](${url})`;
}

/** A question's stem: its text as written, and each line that is only `![name](/api/files/{id})` as that image. */
export function StemText({ stem }: { stem: string }) {
  const parts: (string | { alt: string; url: string })[] = [];
  for (const line of stem.split("\n")) {
    const image = imageLine.exec(line.trim());
    if (image) parts.push({ alt: image[1], url: image[2] });
    else if (typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += `\n${line}`;
    else parts.push(line);
  }
  return <>{parts.map((part) => (typeof part === "string" ? part : <AttachmentImage url={part.url} alt={part.alt} />))}</>;
}

/** An attachment's image, fetched with the bearer token (an <img> cannot send it); its name when it cannot be read. */
export function AttachmentImage({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let shown: string | null = null;
    let current = true;
    setFailed(false);
    attachmentBlobUrl(url).then(
      (blob) => (current ? setSrc((shown = blob)) : URL.revokeObjectURL(blob)),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [url]);
  if (failed) return <span class="stem-image missing muted">[{alt}]</span>;
  return src ? <img class="stem-image" src={src} alt={alt} data-testid="stem-image" /> : <span class="stem-image loading muted">{alt}</span>;
}
