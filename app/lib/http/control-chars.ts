/**
 * True when text holds a control character: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). `multiline` lets tab,
 * CR and LF through, which text areas legitimately send.
 */
export function hasControlChars(text: string, options: { multiline?: boolean } = {}): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c > 0x9f) continue;
    if (options.multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}
