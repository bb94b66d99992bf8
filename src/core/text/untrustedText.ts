/**
 * Text from outside the extension — names from IFC models that project partners upload, a server's ProblemDetails,
 * `WWW-Authenticate` and OAuth `error_description`, the parts of a `bimlink:` URI — made to show as the characters
 * it holds wherever VS Code would read it as markup.
 */

/** U+200B ZERO WIDTH SPACE: invisible, and not whitespace to `trim()` or to VS Code's link pattern. */
const zeroWidthSpace = '\u200B';

/**
 * Text for a notification (information, warning, error, progress) or the status bar. VS Code renders a message's
 * `[label](command:…)`, `(https://…)`, `(http://…)` and `(file:…)` as a clickable link (parseLinkedText in
 * src/vs/base/common/linkedText.ts: `\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)…\)`, case-insensitive,
 * after newlines became spaces), and the status bar renders `$(name)` as an icon. Both need their bracket right
 * before the `(`: a zero-width space between them leaves the text as it reads and matches neither. Idempotent, and
 * safe on a whole message: the extension's own messages carry no links.
 */
export function literalText(text: string): string {
  return text.replace(/([\]$])(?=\()/g, `$1${zeroWidthSpace}`);
}

/**
 * Text for a Markdown string (a tooltip, a hover) that renders as itself: every ASCII punctuation character is
 * backslash-escaped (CommonMark lets each be escaped), so no emphasis, code span, link, image, autolink, HTML tag,
 * entity or `$(icon)` can start; line breaks of any kind become spaces, so no blank line ends the paragraph or list
 * item the text was put in and no block (heading, list, quote, fence) starts.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
