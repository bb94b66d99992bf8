// The Check Server report as Markdown. Everything that came from a server (keys, messages, names, URLs) is put in
// code spans, where Markdown renders nothing: no link, image or HTML can come out of it, in the editor or a preview.
import type { CheckStep, Verdict } from './checkStep';

export interface ReportHeader {
  readonly apiUrl: string;
  readonly authority: string;
  readonly account: string | undefined;
  readonly when: Date;
}

const marks: Record<Verdict, string> = { ok: 'ok', warning: 'warning', failed: 'FAILED', skipped: 'not run' };

/** Text as a code span: backticks and line breaks (which would end it) become plain characters. */
export function code(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `\`${text.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 2000)}\``;
}

export function renderReport(header: ReportHeader, steps: readonly CheckStep[]): string {
  const counts = (['ok', 'warning', 'failed'] as const).map(v => `${steps.filter(s => s.verdict === v).length} ${marks[v]}`).join(', ');
  const lines = [
    '# BIMlink server check',
    '',
    `- API: ${code(header.apiUrl)}`,
    `- Sign-in server: ${code(header.authority)}`,
    `- Account: ${header.account ? code(header.account) : 'not signed in'}`,
    `- Run: ${header.when.toISOString()}`,
    `- Result: ${counts}`,
    '',
    '| Step | Result | Status | Time |',
    '|---|---|---|---|',
    ...steps.map(s => `| ${code(s.title).replace(/\|/g, '/')} | ${marks[s.verdict]} | ${code(s.outcome).replace(/\|/g, '/')} | ${s.ms} ms |`),
    '',
  ];
  for (const step of steps) {
    lines.push(`## ${code(step.title)}: ${marks[step.verdict]}`, '', `Request: ${code(step.request)} → ${code(step.outcome)} in ${step.ms} ms`, '');
    for (const finding of step.findings) lines.push(`- ${code(finding)}`);
    lines.push('');
  }
  lines.push('If a name or key differs from what your server sends, set `bimlink.collections` for collections, and tell the',
    'BIMlink Explorer maintainers the name, so the next version reads it too.', '');
  return lines.join('\n');
}
