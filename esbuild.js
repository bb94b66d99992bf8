// Builds the extension bundle (dist/extension.js) and the integration-test suites (out/test/vscode).
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change, with the output VS Code's esbuild problem matcher reads
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints the "[watch] build started/finished" lines and errors the way the esbuild problem matcher expects. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(result => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** Prints the bundle's size after each build, so growth is seen at once (the budget is 180 KB). */
const sizePlugin = {
  name: 'size',
  setup(build) {
    build.onEnd(result => {
      if (result.errors.length) return;
      const file = build.initialOptions.outfile;
      const kb = fs.statSync(file).size / 1024;
      console.log(`${path.relative(process.cwd(), file)}: ${kb.toFixed(1)} KB${production ? ' (minified)' : ''}`);
    });
  },
};

/**
 * Serves `vscode` to the bundle as one module. esbuild turns each file's `import * as vscode from 'vscode'` into its
 * own copy of VS Code's API object (about 300 members, one getter each): twenty files made it about 13 ms of the
 * extension's activation. Re-exported once, every file shares that one copy.
 */
const oneVscodeModulePlugin = {
  name: 'one-vscode-module',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, args =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Each integration-test (and extension-host bench) file becomes its own CommonJS module for the extension host. */
function testEntryPoints() {
  return ['suite', 'bench'].flatMap(folder => {
    const dir = path.join(__dirname, 'test', 'vscode', folder);
    return fs.readdirSync(dir).filter(f => f.endsWith('.ts')).map(f => ({ in: path.join(dir, f), out: `${folder}/${f.replace(/\.ts$/, '')}` }));
  });
}

async function main() {
  // Suites renamed or deleted must not linger as compiled files the runner would still load.
  fs.rmSync(path.join(__dirname, 'out', 'test', 'vscode'), { recursive: true, force: true });
  const extension = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    outfile: 'dist/extension.js',
    logLevel: 'silent',
    plugins: [oneVscodeModulePlugin, sizePlugin, ...(watch ? [problemMatcherPlugin] : [])],
  });
  const tests = await esbuild.context({
    entryPoints: testEntryPoints(),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    outdir: 'out/test/vscode',
    packages: 'external',
    external: ['vscode'],
    logLevel: 'silent',
    plugins: watch ? [problemMatcherPlugin] : [],
  });
  if (watch) {
    await Promise.all([extension.watch(), tests.watch()]);
    return;
  }
  try {
    await Promise.all([extension.rebuild(), tests.rebuild()]);
  } finally {
    await Promise.all([extension.dispose(), tests.dispose()]);
  }
}

main().catch(e => {
  if (!e.errors) console.error(e);
  else for (const { text, location } of e.errors) console.error(`✘ [ERROR] ${text}${location ? ` (${location.file}:${location.line}:${location.column})` : ''}`);
  process.exit(1);
});
