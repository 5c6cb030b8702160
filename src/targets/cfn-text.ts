/**
 * Free text gateplan writes into CloudFormation, cut to CloudFormation's limits. A template's
 * `Description` may hold 1,024 bytes
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-description-structure.html);
 * one built from a spec's title can be longer, and the stack would be refused.
 */
export const TEMPLATE_DESCRIPTION_BYTES = 1024;

/** `text`, or as much of it as fits in `maxBytes` of UTF-8 followed by `…`; cut on a character boundary. */
export function fitBytes(text: string, maxBytes = TEMPLATE_DESCRIPTION_BYTES): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const ellipsis = '…';
  let out = '';
  let bytes = Buffer.byteLength(ellipsis);
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out + ellipsis;
}
