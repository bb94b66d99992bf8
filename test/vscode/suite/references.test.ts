// Navigating the BIM graph (issue 18) in a real extension host: links from an object instance to its type and its
// storey, a hover's text, Go to Definition, and Find References counted against the emulator's own answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { markdownText } from '../../../src/core/text/untrustedText';
import { signInWithPassword } from '../../emulator/testing/signIn';
import { admin, anna, emulatorUrl, spelling } from '../helpers/emulator';
import { defaultRedirectUri } from '../helpers/testPorts';
import { startAsAnna, waitForRow } from '../helpers/tree';
import { clearNotifications, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

type Entity = Record<string, unknown>;
interface Scope { domainAccountId: string; projectPhaseId: string }

const field = (entity: Entity, name: string): string => String(entity[spelling().key(name)]);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const textOf = (document: vscode.TextDocument, range: vscode.Range) => document.getText(range);

let scope: Scope;
let accessToken: string;

/** Every entity of a collection, read from the API itself (not through the extension). */
async function readAll(collection: string): Promise<Entity[]> {
  const all: Entity[] = [];
  for (let offset = 0; ; offset += 250) {
    const path = `/domainaccounts/${scope.domainAccountId}/projectphases/${scope.projectPhaseId}/${spelling().collection(collection)}`;
    const response = await fetch(`${emulatorUrl()}${path}?limit=250&offset=${offset}`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(response.status, 200, `GET ${path}`);
    const page = await response.json() as Entity[];
    all.push(...page);
    if (page.length < 250) return all;
  }
}

/** Waits for a bimlink document other than `previous` in the active editor. */
async function activeDocument(previous?: vscode.Uri): Promise<vscode.TextDocument> {
  return waitFor('the entity document', () => {
    const document = vscode.window.activeTextEditor?.document;
    return document?.uri.scheme === 'bimlink' && document.uri.toString() !== previous?.toString() ? document : undefined;
  });
}

/** Opens the first page of a collection of the phase, as a script can. */
async function openPage(collection: string): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('bimlink.openEntities', scope, collection);
  return activeDocument();
}

/** The position in the middle of the first occurrence of a quoted value. */
function positionOf(document: vscode.TextDocument, value: string): vscode.Position {
  const at = document.getText().indexOf(`"${value}"`);
  assert.ok(at > 0, `${value} is in the document`);
  return document.positionAt(at + 1 + Math.floor(value.length / 2));
}

async function linkAt(document: vscode.TextDocument, value: string): Promise<vscode.DocumentLink> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
  const link = links.find(l => textOf(document, l.range) === value);
  assert.ok(link?.target, `a link on ${value}`);
  return link;
}

const entityOf = (document: vscode.TextDocument) => (JSON.parse(document.getText()) as { entity: Entity }).entity;
const firstItem = (document: vscode.TextDocument) => (JSON.parse(document.getText()) as { items: Entity[] }).items[0]!;

suite('References', function () {
  this.timeout(120_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
    const { ids } = await admin<{ ids: { demoVastgoed: string; gebouwBDefinitiefOntwerp: string } }>('GET', '');
    scope = { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.gebouwBDefinitiefOntwerp };
    // A token of Anna's own, to read the API beside the extension (the extension's session is its own to use). No
    // offline_access: a refresh token left at the server would outlive the suite (the sign-in suite counts them).
    accessToken = (await signInWithPassword({ url: emulatorUrl() }, anna.email,
      { redirectUri: defaultRedirectUri, scope: 'openid email bimlink_publicapi' })).accessToken;
  });

  teardown(async () => {
    await clearNotifications();
  });

  test('a link leads from an object instance to its type, and to its storey (revealed in the explorer)', async () => {
    const page = await openPage('objectinstances');
    const instance = firstItem(page);
    const typeLink = await linkAt(page, field(instance, 'objectTypeId'));
    assert.equal(typeLink.tooltip, 'Open the objecttypes entity this id refers to');
    await vscode.commands.executeCommand('vscode.open', typeLink.target);
    const type = await activeDocument(page.uri);
    assert.ok(same(field(entityOf(type), 'id'), field(instance, 'objectTypeId')));

    const storeyLink = await linkAt(page, field(instance, 'spatialStructureElementId'));
    assert.equal(storeyLink.target!.scheme, 'command');
    // What VS Code does with a command link: the query, URI-decoded, is the JSON array of the arguments.
    await vscode.commands.executeCommand(storeyLink.target!.path, ...JSON.parse(decodeURIComponent(storeyLink.target!.query)) as unknown[]);
    const storey = await activeDocument(type.uri);
    assert.ok(same(field(entityOf(storey), 'id'), field(instance, 'spatialStructureElementId')));
    const name = field(entityOf(storey), 'name');
    await waitFor(`${name} selected in the explorer`, async () => (await waitForRow(name)).find(r => r.label === name)?.selected || undefined);
  });

  test('a hover names the type and its IFC class, and a storey\'s place and elevation', async () => {
    const page = await openPage('objectinstances');
    const instance = firstItem(page);
    const [type] = (await readAll('objecttypes')).filter(t => same(field(t, 'id'), field(instance, 'objectTypeId')));
    const hoverText = async (value: string) => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', page.uri, positionOf(page, value)))
      .flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
    assert.ok((await hoverText(field(instance, 'objectTypeId'))).includes(`**${markdownText(field(type!, 'name'))}** · ${markdownText(field(type!, 'ifcType'))}`));
    assert.match(await hoverText(field(instance, 'spatialStructureElementId')), /\*\* · Storey\n\n.+ › .+ › .+\\, elevation (\\-)?\d+\\\.\d\d m/);
  });

  test('Go to Definition opens the type at its name', async () => {
    const page = await openPage('objectinstances');
    const instance = firstItem(page);
    const editor = vscode.window.activeTextEditor!;
    const at = positionOf(page, field(instance, 'objectTypeId'));
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const type = await activeDocument(page.uri);
    const cursor = vscode.window.activeTextEditor!.selection.active; // VS Code puts the cursor at the definition's start
    const name = field(entityOf(type), 'name');
    assert.equal(type.getText(new vscode.Range(cursor, cursor.translate(0, name.length))), name);
    assert.ok(same(field(entityOf(type), 'id'), field(instance, 'objectTypeId')));
  });

  test('Find References on a type and on a storey lists every entity that refers to it', async () => {
    const page = await openPage('objectinstances');
    const instance = firstItem(page);
    const [instances, properties, documents, spaces, elements] = await Promise.all(['objectinstances', 'properties', 'documents', 'spaces', 'spatialstructureelements'].map(readAll));
    const count = async (collection: string, id: string, expected: number) => {
      await vscode.commands.executeCommand('bimlink.openEntity', scope, collection, id);
      const document = await activeDocument(page.uri);
      const editor = vscode.window.activeTextEditor!;
      const at = positionOf(document, field(entityOf(document), 'id'));
      editor.selection = new vscode.Selection(at, at);
      const results = await vscode.commands.executeCommand<{ locations: vscode.Location[] } | undefined>('bimlink.findReferences');
      assert.equal(results?.locations.length, expected, `what refers to ${collection} ${id}`);
      const provided = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
      assert.equal(provided.filter(l => l.uri.toString() !== document.uri.toString()).length, expected, 'Shift+F12 finds the same');
      const shown = await vscode.workspace.openTextDocument(results!.locations[0]!.uri);
      assert.equal(JSON.parse(shown.getText()).referringTo.id, id);
      await vscode.commands.executeCommand('closeReferenceSearch');
    };
    const typeId = field(instance, 'objectTypeId');
    await count('objecttypes', typeId, [...instances!, ...properties!, ...documents!].filter(e => same(field(e, 'objectTypeId'), typeId)).length);
    const storeyId = field(instance, 'spatialStructureElementId');
    const on = (e: Entity) => same(field(e, 'spatialStructureElementId'), storeyId);
    const under = elements!.filter(e => same(String(e[spelling().key('parentId')] ?? ''), storeyId)).length;
    await count('spatialstructureelements', storeyId, instances!.filter(on).length + spaces!.filter(on).length + under);
  });
});
