const isControl = (code: number, allowBreaks: boolean) =>
  (code < 32 && !(allowBreaks && (code === 9 || code === 10 || code === 13))) || code === 127;

/** True when the text holds control characters other than tab and line breaks. */
export const hasControlChars = (s: string) => [...s].some((ch) => isControl(ch.charCodeAt(0), true));

/** Replaces every control character (line breaks included) with a space. */
export const stripControl = (s: string) => [...s].map((ch) => (isControl(ch.charCodeAt(0), false) ? " " : ch)).join("");
