/** MIME types of the documents this library renders. */
export const CONTENT_TYPE = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * A `Content-Disposition: attachment` value (RFC 6266) carrying the Chinese file name as UTF-8 in
 * `filename*` (RFC 5987), with an ASCII `filename` for clients that ignore `filename*`.
 */
export function attachmentDisposition(filenameZh: string, fallbackAscii: string): string {
  const ascii = asciiFilename(fallbackAscii);
  const utf8 = withoutControlCharacters(filenameZh).trim() || ascii;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}

/** Drops control characters and lone surrogates (which encodeURIComponent rejects). */
function withoutControlCharacters(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      const loneSurrogate = ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
      return code >= 0x20 && code !== 0x7f && !loneSurrogate;
    })
    .join('');
}

/**
 * Printable ASCII only, as quote and backslash would end or escape the quoted string;
 * `download` stands for a name left with nothing but its extension.
 */
function asciiFilename(text: string): string {
  const ascii = text
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_')
    .trim();
  return ascii === '' || ascii.startsWith('.') ? `download${ascii}` : ascii;
}

/** Percent-encodes everything but RFC 5987 attr-char (encodeURIComponent leaves ' ( ) * as they are). */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
