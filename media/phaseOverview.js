// The phase overview's page. It is given the overview by a message and builds everything with createElement,
// createElementNS and textContent: names from the server stay text. The bars are SVG drawn here, no library.
// Keyboard: Tab reaches each bar; Up/Down move between bars, Left/Right between a bar's segments, Enter or Space opens.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { child, el, svg, counted } = window.phaseDom;
  const OTHER = 8;
  const objects = n => `${counted(n)} ${n === 1 ? 'object' : 'objects'}`;
  const classes = n => `${counted(n)} ${n === 1 ? 'IFC class' : 'IFC classes'}`;
  let state;
  let drawnFor = -1;

  const isOther = segment => segment.ifcTypes.length !== 1 || segment.label !== segment.ifcTypes[0];
  const elevationText = e => `${e.toLocaleString('en', { maximumFractionDigits: 2 })} m`;
  const barLabel = bar => bar.elevation === undefined ? bar.name : `${bar.name} (${elevationText(bar.elevation)})`;

  /** The named classes in the phase's order (largest first): each keeps its colour in every bar. */
  function namedClasses(overview) {
    const named = new Set();
    for (const bar of overview.bars) for (const s of bar.segments) if (!isOther(s)) named.add(s.label);
    return overview.objects.byIfcType.map(t => t.ifcType).filter(ifc => named.has(ifc));
  }

  function colourOf(segment, named) {
    return isOther(segment) ? OTHER : Math.min(named.indexOf(segment.label), OTHER - 1);
  }

  /** The patterns the high-contrast themes fill segments with (and the two reused hues always). */
  function patterns() {
    const holder = svg('svg', { width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' });
    const defs = svg('defs');
    const angles = [45, 135, 0, 90, 45, 135, 0, 90, 45];
    for (let i = 0; i <= OTHER; i++) {
      const pattern = svg('pattern', { id: `hatch-${i}`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: `rotate(${angles[i]})` });
      pattern.append(svg('rect', { class: `hatch-${i}`, width: 6, height: 6 }), svg('line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }));
      if (i >= 4) pattern.append(svg('line', { class: 'hatch-line', x1: 0, y1: 3, x2: 6, y2: 3 }));
      defs.append(pattern);
    }
    holder.append(defs);
    return holder;
  }

  function collectionsTable(collections) {
    const table = el('table');
    table.append(el('caption', {}, 'Entities per collection'));
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, 'Collection'), el('th', { scope: 'col', class: 'number' }, 'Entities'));
    table.append(child(el('thead'), head));
    const body = el('tbody');
    for (const c of collections) {
      const row = el('tr');
      row.append(el('th', { scope: 'row' }, c.collection));
      const cell = el('td', { class: 'number' });
      if (c.total !== undefined) cell.textContent = counted(c.total);
      else {
        cell.append(el('span', { 'aria-label': 'not counted' }, '—'));
        if (c.failure) cell.append(' ', el('span', { class: 'failure' }, c.failure));
      }
      row.append(cell);
      body.append(row);
    }
    table.append(body);
    return table;
  }

  function legend(named, hasOther) {
    const list = el('ul', { class: 'legend', 'aria-label': 'Legend' });
    const entries = named.map((label, i) => ({ label, colour: Math.min(i, OTHER - 1) }));
    if (hasOther) entries.push({ label: 'Other classes', colour: OTHER });
    entries.forEach((entry, i) => {
      const item = el('li');
      const swatch = svg('svg', { viewBox: '0 0 14 14', 'aria-hidden': 'true' });
      swatch.append(svg('rect', { class: `seg-${entry.colour}`, x: 0.5, y: 0.5, width: 13, height: 13 }));
      item.append(swatch, el('span', {}, `${i + 1} ${entry.label}`));
      list.append(item);
    });
    return list;
  }

  function chart(overview, named, width) {
    const labelWidth = Math.min(260, Math.max(140, width * 0.3));
    const totalWidth = 80;
    const barX = labelWidth + 8;
    const barWidth = Math.max(120, width - barX - totalWidth);
    const most = Math.max(1, ...overview.bars.map(b => b.total));
    const rowHeight = 26;
    const chartSvg = svg('svg', { class: 'chart', width, role: 'group', 'aria-label': 'Objects per storey by IFC class' });
    let y = 0;
    let parents;
    overview.bars.forEach((bar, index) => {
      const group = bar.parents.join(' › ');
      if (group !== parents && group) {
        chartSvg.append(svg('text', { class: 'group', x: 0, y: y + 17 }, group));
        y += rowHeight;
      }
      parents = group;
      const g = svg('g', { class: 'bar', role: 'button', tabindex: 0, 'data-bar': index, 'aria-label': `${bar.name}: ${objects(bar.total)}` });
      g.append(svg('rect', { class: 'bar-frame', x: 1, y: y + 1, width: barX + barWidth + totalWidth - 2, height: rowHeight - 2 }));
      const label = barLabel(bar);
      const fits = Math.floor(labelWidth / 7);
      const name = svg('text', { x: 4, y: y + 17 }, label.length > fits ? `${label.slice(0, fits - 1)}…` : label);
      name.append(svg('title', {}, label));
      g.append(name);
      let x = barX;
      bar.segments.forEach((segment, s) => {
        const w = (segment.count / most) * barWidth;
        const colour = colourOf(segment, named);
        const rect = svg('rect', { class: `segment seg-${colour}`, role: 'button', tabindex: -1, 'data-segment': s, x, y: y + 4, width: Math.max(w, 1), height: rowHeight - 8,
          'aria-label': `${segment.label} on ${bar.name}: ${objects(segment.count)}` });
        rect.append(svg('title', {}, `${segment.label}: ${counted(segment.count)}`));
        g.append(rect);
        if (w >= 14) g.append(svg('text', { class: 'segment-label', x: x + w / 2, y: y + 17, 'text-anchor': 'middle', 'aria-hidden': 'true' }, String(colour === OTHER ? named.length + 1 : colour + 1)));
        x += w;
      });
      g.append(svg('text', { x: x + 6, y: y + 17 }, counted(bar.total)));
      chartSvg.append(g);
      y += rowHeight;
    });
    chartSvg.setAttribute('height', String(Math.max(y, 1)));
    chartSvg.addEventListener('keydown', onChartKey);
    chartSvg.addEventListener('click', event => activate(event.target));
    return chartSvg;
  }

  function barOf(node) { return node && node.closest ? node.closest('g.bar') : null; }

  function activate(target) {
    const g = barOf(target);
    if (!g) return;
    const bar = state.overview.bars[Number(g.getAttribute('data-bar'))];
    const storeyId = bar.storeyId === undefined ? null : bar.storeyId;
    if (target.hasAttribute && target.hasAttribute('data-segment')) {
      vscode.postMessage({ type: 'openSegment', storeyId, segment: bar.segments[Number(target.getAttribute('data-segment'))].label });
    } else {
      vscode.postMessage({ type: 'openStorey', storeyId });
    }
  }

  function onChartKey(event) {
    const target = event.target;
    const g = barOf(target);
    if (!g) return;
    const bars = [...g.ownerSVGElement.querySelectorAll('g.bar')];
    const segments = [...g.querySelectorAll('.segment')];
    const onSegment = target !== g;
    const at = onSegment ? segments.indexOf(target) : -1;
    let next;
    switch (event.key) {
      case 'ArrowDown': next = bars[bars.indexOf(g) + 1]; break;
      case 'ArrowUp': next = bars[bars.indexOf(g) - 1]; break;
      case 'ArrowRight': next = segments[at + 1]; break;
      case 'ArrowLeft': next = at > 0 ? segments[at - 1] : (onSegment ? g : undefined); break;
      case 'Home': next = bars[0]; break;
      case 'End': next = bars[bars.length - 1]; break;
      case 'Enter': case ' ': event.preventDefault(); activate(target); return;
      default: return;
    }
    event.preventDefault();
    if (next) next.focus();
  }

  function storeyTable(overview, named) {
    const table = el('table');
    table.append(el('caption', {}, 'Objects per storey by IFC class'));
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, 'Storey'), el('th', { scope: 'col', class: 'number' }, 'Elevation (m)'));
    for (const ifc of named) head.append(el('th', { scope: 'col', class: 'number' }, ifc));
    head.append(el('th', { scope: 'col', class: 'number' }, 'Other'), el('th', { scope: 'col', class: 'number' }, 'Total'));
    table.append(child(el('thead'), head));
    const body = el('tbody');
    for (const bar of overview.bars) {
      const row = el('tr');
      row.append(el('th', { scope: 'row' }, [...bar.parents, bar.name].join(' › ')));
      row.append(el('td', { class: 'number' }, bar.elevation === undefined ? '' : bar.elevation.toLocaleString('en', { maximumFractionDigits: 2 })));
      for (const ifc of named) {
        const segment = bar.segments.find(s => !isOther(s) && s.label === ifc);
        row.append(el('td', { class: 'number' }, counted(segment ? segment.count : 0)));
      }
      const other = bar.segments.filter(isOther).reduce((sum, s) => sum + s.count, 0);
      row.append(el('td', { class: 'number' }, counted(other)), el('td', { class: 'number' }, counted(bar.total)));
      body.append(row);
    }
    table.append(body);
    return table;
  }

  function render() {
    const root = document.getElementById('root');
    const focused = document.activeElement;
    const focusKey = focused && barOf(focused) ? [barOf(focused).getAttribute('data-bar'), focused.getAttribute('data-segment')] : undefined;
    const { phase, overview } = state;
    const named = namedClasses(overview);
    drawnFor = root.clientWidth;
    const width = Math.max(360, root.clientWidth || document.body.clientWidth || 800);
    const heading = el('h1', {}, `Overview: ${phase.name}`);
    if (phase.code) heading.append(' ', el('span', { class: 'muted' }, phase.code));
    const copy = el('button', { type: 'button' }, 'Copy as CSV');
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copyCsv' }));
    root.replaceChildren(
      patterns(), heading,
      el('p', {}, `${objects(overview.objects.total)} in ${classes(overview.objects.byIfcType.length)}.`),
      el('h2', {}, 'Collections'), collectionsTable(overview.collections),
      el('h2', {}, 'Objects per storey'),
      el('p', { class: 'muted' }, 'Tab to a storey; Up and Down move between storeys, Left and Right between its IFC classes, Enter opens.'),
      legend(named, overview.bars.some(b => b.segments.some(isOther))),
      chart(overview, named, width - 8),
      storeyTable(overview, named), copy);
    root.setAttribute('aria-busy', 'false');
    if (focusKey) {
      const g = root.querySelector(`g.bar[data-bar="${focusKey[0]}"]`);
      const target = g && focusKey[1] !== null ? g.querySelector(`[data-segment="${focusKey[1]}"]`) : g;
      if (target) target.focus();
    }
  }

  window.addEventListener('message', event => {
    const message = event.data;
    if (message && message.type === 'overview' && message.overview && Array.isArray(message.overview.bars)) {
      state = message;
      render();
    }
  });
  new ResizeObserver(() => {
    const root = document.getElementById('root');
    if (state && Math.abs(root.clientWidth - drawnFor) > 24) render();
  }).observe(document.getElementById('root'));
  vscode.postMessage({ type: 'ready' });
}());
