// Bytes in, validated Extraction out: the parser at the edge, then the pure extractor.
import { extract, type ExtractOptions } from '../extract/index.js';
import { Extraction } from '../extract/extraction.js';
import { DEFAULT_PARSE_LIMITS, parseMessage, type ParseLimits } from './parse.js';

type Source = Parameters<typeof parseMessage>[0];

export class ExtractionInvalidError extends Error {
  override readonly name = 'ExtractionInvalidError';
}

export async function readOrder(source: Source, options: ExtractOptions, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<Extraction> {
  const message = await parseMessage(source, limits);
  const result = Extraction.safeParse(extract(message, options));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ExtractionInvalidError(`extraction failed validation at ${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
