/** One file part of a multipart/form-data upload, as Discord receives `files[n]`. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Reads a multipart/form-data body the way Discord does for messages with files: the JSON in
 * `payload_json` and every `files[n]` part. Binary-safe (parts are split on the boundary bytes).
 */
export function parseMultipart(
  raw: Buffer,
  contentType: string,
): { json: Record<string, unknown>; files: UploadedFile[] } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: UploadedFile[] = [];
  let json: Record<string, unknown> = {};
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, body, CRLF, then the next delimiter.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name === 'payload_json') json = JSON.parse(body.toString('utf8'));
    else if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      files.push({ field: name, filename, contentType: type, content: Buffer.from(body) });
    }
    start = next;
  }
  return { json, files };
}
