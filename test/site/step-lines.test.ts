// The site's step lines (scripts/site-config/step-lines.ts): a line that names a step becomes the
// step's tabs, output and verified line, and a line the build cannot show fails with the page,
// the line and what to do.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Root } from 'mdast';
import { afterAll, describe, expect, it } from 'vitest';

import { parseMdx, readMdx } from '../../scripts/docs-rules/mdx-tree';
import { remarkStepLines } from '../../scripts/site-config/step-lines';
import { repoRoot } from './paths';

/** A repository root of its own: examples/ with the steps demo/01-first and demo/02-second. */
const root = path.join(repoRoot, 'test', 'fixtures', 'docs-coverage');
const fixture = (name: string): string => path.join(root, 'step-line', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'step-lines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the plugin as the build does, on a page's tree. */
function render(tree: Root, page: string, rootDir = root): Root {
  remarkStepLines({ rootDir })(tree, { path: page });
  return tree;
}

/** A tree without source positions, for comparing what two pages hold. */
function shape(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)),
  );
}

describe('a step line', () => {
  it('becomes the markup a page spelled out by hand, with the fences remark-code-import fills', async () => {
    const { tree } = await readMdx(fixture('page.mdx'));
    const rendered = render(tree, fixture('page.mdx'));
    const { tree: byHand } = await readMdx(fixture('by-hand.mdx'));
    // The hand-written page imports Tabs and TabItem; the plugin imports them under names of its
    // own, so that a page needs no import and one with a Tabs of its own keeps it.
    const [imports, ...markup] = rendered.children;
    expect(imports).toMatchObject({
      type: 'mdxjsEsm',
      data: {
        estree: {
          body: [
            { specifiers: [{ local: { name: 'StepTabs' } }], source: { value: '@theme/Tabs' } },
            {
              specifiers: [{ local: { name: 'StepTabItem' } }],
              source: { value: '@theme/TabItem' },
            },
          ],
        },
      },
    });
    const names: Record<string, string> = { StepTabs: 'Tabs', StepTabItem: 'TabItem' };
    const asByHand = JSON.parse(
      JSON.stringify(shape(markup), (key, value: unknown) =>
        key === 'name' && typeof value === 'string' ? (names[value] ?? value) : value,
      ),
    );
    expect(asByHand).toEqual(shape(byHand.children.filter((node) => node.type !== 'mdxjsEsm')));
  });

  it('is not an admonition, and leaves them alone', async () => {
    const { tree } = await readMdx(fixture('page.mdx'));
    const rendered = render(tree, fixture('page.mdx'));
    expect(rendered.children.at(-1)).toMatchObject({ type: 'containerDirective', name: 'note' });
  });

  it('leaves a page without step lines as it was, with nothing imported', () => {
    const source = 'Only prose, and host:port.\n\n:::tip\n\nA tip.\n\n:::\n';
    expect(shape(render(parseMdx(source), fixture('page.mdx')))).toEqual(shape(parseMdx(source)));
  });
});

/** What the build says of a page it refuses. */
function refusalOf(source: string, rootDir = root): string {
  try {
    render(parseMdx(source), fixture('page.mdx'), rootDir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the plugin accepted the page');
}

describe('a step line the build cannot show fails it, with the page, the line and what to do', () => {
  it('an id that names no step', async () => {
    const page = fixture('unknown-step.mdx');
    const { tree } = await readMdx(page);
    expect(() => render(tree, page)).toThrow(
      [
        'a step line of step-line/unknown-step.mdx cannot be shown:',
        "  step-line/unknown-step.mdx:5: demo/03-gone names no step: there is no examples/guides/demo/03-gone.mjs; name one of demo's steps (01-first, 02-second), or add the script",
      ].join('\n'),
    );
  });

  it.each([
    [
      'a guide that does not exist',
      '::step{id="nope/01-first"}',
      'nope/01-first names no step: there is no examples/guides/nope/01-first.mjs; name a step of one of the guides (demo)',
    ],
    [
      'a text that is not an id',
      '::step{id="demo"}',
      '"demo" is not a step id (<guide>/<name>): write ::step{id="<guide>/<name>"} alone on its line',
    ],
    ['no id', '::step', 'a step line takes one attribute, id: write ::step{id='],
    [
      'another attribute',
      '::step{id="demo/01-first" title="First"}',
      'a step line takes one attribute, id:',
    ],
    ['a label', '::step[First]{id="demo/01-first"}', 'a step line takes one attribute, id:'],
    [
      'a container',
      ':::step{id="demo/01-first"}\n:::',
      ':::step is not a step line: write ::step{id=',
    ],
    ['a text directive', 'See :step{id="demo/01-first"}.', ':step is not a step line: write'],
  ])('%s', (_case, line, message) => {
    expect(refusalOf(`# Page\n\n${line}\n`)).toContain(`step-line/page.mdx:3: ${message}`);
  });

  it('every problem of the page at once', () => {
    const message = refusalOf('::step{id="demo/09-no"}\n\n::step{id="demo"}\n');
    expect(message).toMatch(/^2 step lines of step-line\/page\.mdx cannot be shown:\n/);
    expect(message).toContain('page.mdx:1: demo/09-no names no step');
    expect(message).toContain('page.mdx:3: "demo" is not a step id');
  });

  it.each([
    [
      'its recorded output',
      'recorded/demo/01-first.txt',
      'step demo/01-first has no examples/recorded/demo/01-first.txt to show: record it with npm run record',
    ],
    [
      'its recorded commands',
      'recorded/demo/01-first.sh',
      'step demo/01-first has no examples/recorded/demo/01-first.sh to show: record it with npm run record',
    ],
    [
      'what its recording was verified against',
      'recorded/demo/01-first.verified.json',
      'step demo/01-first has no examples/recorded/demo/01-first.verified.json to show: record it with npm run record',
    ],
    [
      'its commands region',
      'generated/guides/demo/01-first.commands.mjs',
      'step demo/01-first has no examples/generated/guides/demo/01-first.commands.mjs to show: mark its commands in the script with // :snippet-start: commands',
    ],
  ])('a step without %s', (_case, file, message) => {
    const copy = path.join(scratch, file.replace(/\W/g, '-'));
    cpSync(root, copy, { recursive: true });
    rmSync(path.join(copy, 'examples', file));
    expect(refusalOf('::step{id="demo/01-first"}\n', copy)).toContain(message);
  });
});

describe('the line under a step says what its recording was verified against', () => {
  it("from the step's verified.json: the day, the versions as a reader names them, the profile", async () => {
    const { tree } = await readMdx(fixture('page.mdx'));
    const rendered = render(tree, fixture('page.mdx'));
    const output = rendered.children.findIndex(
      (node) => node.type === 'code' && node.meta?.includes('title="Output"'),
    );
    expect(shape(rendered.children[output + 1])).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'mdxJsxTextElement',
          name: 'small',
          attributes: [],
          children: [
            {
              type: 'emphasis',
              children: [
                {
                  type: 'text',
                  value:
                    'Verified on 2026-12-02 against FerretDB 2.5.0, PostgreSQL 17.6 and DocumentDB 0.106.0 (local profile).',
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['not JSON', '{', 'it cannot be read as JSON'],
    [
      'a part the stack never reported',
      JSON.stringify({
        source: 'measured',
        date: '2026-12-02',
        profile: 'local',
        images: { POSTGRES_IMAGE: 'p', FERRETDB_IMAGE: 'f' },
        versions: { postgresql: '17.6', documentdb: '0.106.0' },
      }),
      'it names no FerretDB version (the stack never reported it while the step was recorded)',
    ],
  ])('and fails the build when the file is %s', (_case, content, message) => {
    const copy = path.join(scratch, `verified-${_case.replace(/\W/g, '-')}`);
    cpSync(root, copy, { recursive: true });
    writeFileSync(
      path.join(copy, 'examples', 'recorded', 'demo', '01-first.verified.json'),
      content,
    );
    expect(refusalOf('::step{id="demo/01-first"}\n', copy)).toContain(
      `page.mdx:1: step demo/01-first's examples/recorded/demo/01-first.verified.json cannot be shown: ${message}`,
    );
  });
});
