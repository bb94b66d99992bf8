// The phase comparison's page. It is given the comparison by a message and builds everything with createElement and
// textContent: names from the server stay text. The differences are a table whose rows take the focus: Up/Down (and
// Home/End, Page Up/Down) move, Enter or Space opens the object (a changed one in the diff editor).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { child, el, counted } = window.phaseDom;
  const FIELDS = { name: 'name', type: 'object type', ifcType: 'IFC class', storey: 'storey' };

  function table(caption, columns, rows) {
    const t = el('table');
    t.append(el('caption', {}, caption));
    const head = el('tr');
    columns.forEach((c, i) => head.append(el('th', { scope: 'col', class: i > 0 && c.number ? 'number' : '' }, c.label)));
    t.append(child(el('thead'), head));
    const body = el('tbody');
    for (const cells of rows) {
      const row = el('tr');
      cells.forEach((cell, i) => row.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', { class: columns[i].number ? 'number' : '' }, cell)));
      body.append(row);
    }
    t.append(body);
    return t;
  }

  function totals(summary) {
    const box = el('div', { class: 'totals', role: 'list', 'aria-label': 'Totals' });
    for (const [label, value] of [['Objects before', summary.before], ['Objects after', summary.after], ['Added', summary.added],
      ['Removed', summary.removed], ['Changed', summary.changed], ['Unchanged', summary.unchanged]]) {
      const item = el('div', { role: 'listitem' });
      item.append(el('span', { class: 'value' }, counted(value)), el('span', { class: 'muted' }, label));
      box.append(item);
    }
    return box;
  }

  /** Says how many objects had a type or storey left uncompared, as one phase could not name it; nothing when none. */
  function notCompared(summary) {
    const counts = summary.notCompared || {};
    const notes = [];
    for (const [field, one, many] of [['type', 'object type', 'object types'], ['storey', 'storey', 'storeys']]) {
      const n = counts[field] || 0;
      if (n === 1) notes.push(el('p', { class: 'muted' }, `The ${one} of 1 object could not be named in both phases, so it was not compared.`));
      else if (n > 1) notes.push(el('p', { class: 'muted' }, `The ${many} of ${counted(n)} objects could not be named in both phases, so they were not compared.`));
    }
    return notes;
  }

  const countColumns = first => [{ label: first }, { label: 'Added', number: true }, { label: 'Removed', number: true }, { label: 'Changed', number: true }];
  const countCells = (label, c) => [label, counted(c.added), counted(c.removed), counted(c.changed)];

  function nameOf(d) {
    const was = d.before ? d.before.name : undefined;
    const now = d.after ? d.after.name : undefined;
    if (d.kind === 'added') return now || '';
    if (d.kind === 'removed') return was || '';
    return was === now ? now || '' : `${was || '(none)'} → ${now || '(none)'}`;
  }

  function whatChanged(d) {
    return d.fields.map(f => `${FIELDS[f] || f}: ${(d.before && d.before[f]) || '(none)'} → ${(d.after && d.after[f]) || '(none)'}`).join('; ');
  }

  function differencesTable(differences, more) {
    const t = el('table', { class: 'differences' });
    const shownText = more > 0 ? `the first ${counted(differences.length)}; ${counted(more)} more are not listed (export to see every one)` : `${counted(differences.length)}`;
    t.append(el('caption', {}, `Differences (${shownText}). Up and Down move, Enter opens the object.`));
    const head = el('tr');
    for (const label of ['Kind', 'GlobalId', 'Name (before → after)', 'What changed']) head.append(el('th', { scope: 'col' }, label));
    t.append(child(el('thead'), head));
    const body = el('tbody');
    differences.forEach((d, i) => {
      const row = el('tr', { class: 'activatable', tabindex: i === 0 ? 0 : -1, 'data-index': i,
        'aria-label': `${d.kind}: ${nameOf(d) || d.key}${d.fields.length ? `, ${d.fields.map(f => FIELDS[f] || f).join(', ')} changed` : ''}` });
      row.append(el('td', { class: `kind-${d.kind}` }, d.kind), el('td', {}, d.key + (d.matchedBy === 'id' ? ' (id)' : '')),
        el('td', {}, nameOf(d)), el('td', {}, whatChanged(d)));
      body.append(row);
    });
    body.addEventListener('click', event => { const row = event.target.closest('tr'); if (row) open(row); });
    body.addEventListener('keydown', event => {
      const row = event.target.closest('tr');
      if (!row) return;
      const rows = body.rows;
      const at = row.sectionRowIndex;
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + 20, PageUp: at - 20 }[event.key];
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open(row);
      } else if (to !== undefined) {
        event.preventDefault();
        const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
        row.setAttribute('tabindex', '-1');
        next.setAttribute('tabindex', '0');
        next.focus();
      }
    });
    t.append(body);
    if (!differences.length) t.append(child(el('tfoot'), child(el('tr'), el('td', { colspan: 4 }, 'The two phases hold the same objects.'))));
    return t;
  }

  function open(row) {
    const at = row.getAttribute('data-index'); // keys may repeat: the extension finds the difference by its place
    if (at !== null) vscode.postMessage({ type: 'openDifference', index: Number(at) });
  }

  function exportButton(format, label) {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
    return button;
  }

  function render(state) {
    const root = document.getElementById('root');
    const focusedIndex = document.activeElement && document.activeElement.getAttribute ? document.activeElement.getAttribute('data-index') : null;
    const { summary } = state;
    const heading = el('h1', {}, `Compare: ${state.before.name} → ${state.after.name}`);
    root.replaceChildren(
      heading,
      totals(summary),
      ...notCompared(summary),
      el('h2', {}, 'Changed, by what changed'),
      table('Changed objects by field', [{ label: 'Field' }, { label: 'Objects', number: true }],
        Object.keys(FIELDS).map(f => [FIELDS[f], counted(summary.byField[f] || 0)])),
      el('h2', {}, 'By IFC class'),
      table('Differences per IFC class (the later phase\'s class for a changed object)', countColumns('IFC class'), summary.byIfcType.map(r => countCells(r.ifcType, r))),
      el('h2', {}, 'By storey'),
      table('Differences per storey (the later phase\'s storey for a changed object)', countColumns('Storey'), summary.byStorey.map(r => countCells(r.storey, r))),
      el('h2', {}, 'Differences'),
      exportButton('csv', 'Export as CSV'), exportButton('ndjson', 'Export as NDJSON'),
      differencesTable(state.differences, state.more));
    root.setAttribute('aria-busy', 'false');
    if (focusedIndex !== null) {
      const row = [...root.querySelectorAll('tr[data-index]')].find(r => r.getAttribute('data-index') === focusedIndex);
      if (row) row.focus();
    }
  }

  window.addEventListener('message', event => {
    const message = event.data;
    if (message && message.type === 'comparison' && message.summary && Array.isArray(message.differences)) render(message);
  });
  vscode.postMessage({ type: 'ready' });
}());
