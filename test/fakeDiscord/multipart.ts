/** One file part of a multipart/form-data upload, as Discord receives `files[n]`. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Reads a multipart/form-data body as Discord and Telegram receive uploads: every plain field
 * (Discord's JSON is the `payload_json` field) and every file part. Binary-safe: parts are split
 * on the boundary's bytes, so a PNG's content arrives intact.
 */
export function parseMultipart(
  raw: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: UploadedFile[] } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, body, CRLF, then the next delimiter.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    // Quoted or not: Discord's client quotes the file name, grammY does not.
    const name = /[;:\s]name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const named = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    const filename = named ? (named[1] ?? named[2]) : undefined;
    if (filename === undefined) fields[name] = body.toString('utf8');
    else {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      files.push({ field: name, filename, contentType: type, content: Buffer.from(body) });
    }
    start = next;
  }
  return { fields, files };
}
