import { markdownText } from './untrustedText';

/**
 * A tooltip's Markdown: the title in bold, then one list item per field that has a value. Every part may come from a
 * server (names, codes, cities, aliases), so each is escaped as text: a hover never loads an image, follows a link or
 * renders HTML that a name carried.
 */
export function tooltipMarkdown(title: string, fields: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `- ${markdownText(name)}: ${markdownText(Array.isArray(value) ? value.join(', ') : String(value))}`);
  return `**${markdownText(title.trim())}**\n\n${lines.join('\n')}`;
}
