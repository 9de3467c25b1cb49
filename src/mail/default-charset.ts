// A text part that declares no charset is read as UTF-8; when its bytes are not UTF-8 (an old
// shop system writing windows-1252 without saying so), every accented letter and non-breaking
// space becomes U+FFFD and amounts like "R1 249,90" fall apart. Such a message is read again
// with windows-1252 declared for those parts: the common Western default, and a superset of
// ISO-8859-1 that maps every byte. Parts that declare a charset are left as they are.

const FALLBACK = 'windows-1252';
const TEXT_CONTENT_TYPE = /^Content-Type:[ \t]*text\/[\w.+-]+[^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*/gim;

/** The message with FALLBACK declared on every text part without a charset, or null when every part declares one. */
export function withDefaultCharset(raw: Buffer): Buffer | null {
  const source = raw.toString('latin1'); // one char a byte: the bytes come back unchanged
  let changed = false;
  let patched = source.replace(TEXT_CONTENT_TYPE, (header) => {
    if (/charset\s*=/i.test(header)) return header;
    changed = true;
    return `${header}; charset=${FALLBACK}`;
  });
  // A message without any Content-Type is text/plain in US-ASCII by default: say what it is.
  const headerEnd = patched.search(/\r?\n\r?\n/);
  const topHeaders = headerEnd < 0 ? patched : patched.slice(0, headerEnd);
  if (!/^Content-Type:/im.test(topHeaders)) {
    changed = true;
    patched = `Content-Type: text/plain; charset=${FALLBACK}\r\n${patched}`;
  }
  return changed ? Buffer.from(patched, 'latin1') : null;
}
