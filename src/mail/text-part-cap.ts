// A stage in front of the parser for very large messages: the body of each text part (text/plain,
// text/html ... that is not an attachment) is cut after a number of its encoded bytes, so a 60 MB
// HTML body costs no more memory than its first few megabytes. mailparser holds a whole text part
// in memory before it hands it over; attachments it streams, so they pass through untouched.
// The message is split and joined again by mailsplit (the splitter mailparser itself runs on):
// what is not cut comes out byte for byte.
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream';
import { Joiner, Splitter, type MimeNode } from '@zone-eu/mailsplit';

interface Chunk {
  type: 'node' | 'data' | 'body';
  value?: Buffer;
}

/** The stage's two ends: write the raw message into `input`, read the capped message from `output`. */
export interface TextPartCap {
  input: Writable;
  output: Readable;
}

export function capTextParts(maxEncodedBytes: number, options: { maxHeadSize?: number } = {}): TextPartCap {
  // mailsplit types its streams with the 'data' event only; they are plain node Transforms
  const splitter = new Splitter({ ignoreEmbedded: true, ...(options.maxHeadSize ? { maxHeadSize: options.maxHeadSize } : {}) }) as unknown as Transform;
  const joiner = new Joiner() as unknown as Transform;
  let capped = false;
  let kept = 0;
  const cut = new Transform({
    objectMode: true,
    transform(chunk: Chunk, _encoding: BufferEncoding, done: TransformCallback) {
      if (chunk.type === 'node') {
        capped = isTextBody(chunk as unknown as MimeNode);
        kept = 0;
      } else if (chunk.type === 'body' && capped && chunk.value) {
        const room = maxEncodedBytes - kept;
        if (room <= 0) return done();
        kept += chunk.value.length;
        if (chunk.value.length > room) return done(null, chunk.value.subarray(0, room));
      }
      done(null, chunk);
    },
  });
  splitter.on('error', (err) => joiner.destroy(err));
  cut.on('error', (err) => joiner.destroy(err));
  splitter.pipe(cut).pipe(joiner);
  return { input: splitter, output: joiner };
}

function isTextBody(node: MimeNode): boolean {
  // no Content-Type is text/plain (RFC 2045)
  return !node.multipart && (node.contentType || 'text/plain').startsWith('text/') && node.disposition !== 'attachment';
}
