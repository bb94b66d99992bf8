// Text from servers and partners' models, shown as the characters it holds: in notifications (no command link, no
// icon) and in Markdown tooltips (no image, link, HTML or code span, no blank line that ends the list).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalText, markdownText } from '../../../src/core/text/untrustedText';
import { tooltipMarkdown } from '../../../src/core/text/tooltipMarkdown';

/**
 * The rule VS Code's notifications render links by (src/vs/base/common/linkedText.ts, parseLinkedText): `[label]`
 * straight followed by `(` and an https://, http://, command: or file: target, case-insensitive. The status bar's
 * icons: `$(name)`.
 */
const notificationLink = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+/i;
const icon = /\$\([\w-]+(?:~[\w-]+)?\)/;
/** What a notification does to a message before it looks for links. */
const asNotificationReadsIt = (message: string) => message.replace(/\r\n|\n|\r/g, ' ').trim();
const withoutZeroWidthSpaces = (text: string) => text.replace(/\u200B/g, '');

const hostileNames = [
  '[00 Begane grond](command:workbench.action.openSettings)',
  '[Klik](COMMAND:workbench.action.terminal.new?%5B%5D)',
  '[x](https://evil.example/a) and [y](http://evil.example) and [z](file:///etc/passwd)',
  '[a]\n(command:x)', // a newline becomes a space first: never a link, and must stay none
  '$(alert) Storey with an icon $(loading~spin)',
  '[nested [brackets]](command:x)',
  'Ground floor [A](command:x "a title")',
];

describe('literalText: notifications and the status bar show outside text as text', () => {
  it.each(hostileNames)('leaves no link and no icon in %j, and reads the same', name => {
    const message = `Exported 12 entities (objectinstances of ${literalText(name)}) to /tmp/x.ndjson.`;
    expect(asNotificationReadsIt(message)).not.toMatch(notificationLink);
    expect(message).not.toMatch(icon);
    expect(withoutZeroWidthSpaces(literalText(name))).toBe(name);
  });

  it('is safe on a whole message, joins included, and changes ordinary text not at all', () => {
    const whole = literalText('Loading [objectinstances of [00](command:a)]([x](command:b)) failed: [y](https://e.example).');
    expect(asNotificationReadsIt(whole)).not.toMatch(notificationLink);
    for (const plain of ['00 Begane grond', 'Gebouw [B] (oost)', 'Prijs €12 (excl.)', 'a]b(c', '']) expect(literalText(plain)).toBe(plain);
  });

  it('is idempotent', () => {
    for (const name of hostileNames) expect(literalText(literalText(name))).toBe(literalText(name));
  });

  it('for any text: no link, no icon, the same characters once the zero-width spaces are gone', () => {
    const piece = fc.constantFrom('[', ']', '(', ')', '$', 'command:', 'https://', 'http://', 'file:', 'x', ' ', '\n', '"', '\u200B');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map(parts => parts.join('')), fc.string(), (hostile, other) => {
      const shown = literalText(`${other}${hostile}${other}`);
      expect(asNotificationReadsIt(shown)).not.toMatch(notificationLink);
      expect(shown).not.toMatch(icon);
      expect(withoutZeroWidthSpaces(shown)).toBe(withoutZeroWidthSpaces(`${other}${hostile}${other}`));
    }), { numRuns: 2000 });
  });
});

/** Markdown text in which every ASCII punctuation character is escaped, and no line ends. */
const inertMarkdown = /^(?:[^!-/:-@[-`{-~\\\n\r]|\\[!-/:-@[-`{-~])*$/;
/** Undoes the escapes: the text a Markdown renderer shows. */
const rendered = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const hostileValues = [
  'a\n\n![pixel](http://tracker.example/p.png)',
  '[a](command:x)',
  '`code` and ``more``',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt; &#96;',
  'http://autolink.example and www.example.com',
  '# Heading\r\n> quote\r- item\u2028next\u2029para',
  '**bold** _em_ ~~strike~~ $(alert)',
  'back\\slash \\[not escaped]',
];

describe('markdownText: a tooltip value renders as the text it is', () => {
  it.each(hostileValues)('escapes %j: no markup can start and no line ends', value => {
    const markdown = markdownText(value);
    expect(markdown).toMatch(inertMarkdown);
    expect(rendered(markdown)).toBe(value.replace(/\r\n|[\n\r\u2028\u2029]/g, ' '));
  });

  it('for any text: every punctuation character escaped, no line break, the same text once rendered', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), value => {
      const markdown = markdownText(value);
      expect(markdown).toMatch(inertMarkdown);
      expect(rendered(markdown)).toBe(value.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' '));
    }), { numRuns: 2000 });
  });
});

describe('tooltipMarkdown: the explorer\'s tooltips', () => {
  it('keeps every hostile value inside its own list item, as text', () => {
    const fields = Object.fromEntries(hostileValues.map((value, i) => [`Field ${i}`, value]));
    const markdown = tooltipMarkdown('[Gebouw](command:x)\n\n![t](http://tracker.example/t.png)', { ...fields, Aliases: ['`a`', '<b>', '[c](http://e.example)'] });
    const lines = markdown.split('\n');
    expect(lines).toHaveLength(2 + hostileValues.length + 1); // title, blank line, one line per field
    expect(lines[0]).toMatch(/^\*\*(?:[^!-/:-@[-`{-~\\]|\\[!-/:-@[-`{-~])*\*\*$/);
    expect(lines[1]).toBe('');
    for (const line of lines.slice(2)) {
      const [, name, value] = /^- (.*?): (.*)$/.exec(line) ?? [];
      expect(name, line).toMatch(inertMarkdown);
      expect(value, line).toMatch(inertMarkdown);
    }
    expect(rendered(lines.at(-1)!)).toBe('- Aliases: `a`, <b>, [c](http://e.example)');
  });

  it('lists only the fields that have a value, and ordinary names read as before', () => {
    expect(tooltipMarkdown(' 00 Begane grond ', { 'Storey id': 'a1b2', Elevation: '0.00 m', Aliases: null, City: '', Code: undefined }))
      .toBe('**00 Begane grond**\n\n- Storey id: a1b2\n- Elevation: 0\\.00 m');
  });
});
