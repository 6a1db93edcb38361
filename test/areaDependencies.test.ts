import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The house rules of issue 12, read from the imports of what ships: no cycle between areas, the chain
// port depends on no use case, and shipped code never reaches into tests or benches. An area is the
// first directory under src/ (a file directly in src/ is its own), or a surface directory.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['src', 'bots', 'jobs', 'mcp'];
/** What the chain port may use: shared primitives, the database, configuration and errors. */
const CHAIN_MAY_USE = new Set(['src/chain', 'src/shared', 'src/db', 'src/config', 'src/errors']);

interface Import {
  from: string;
  to: string;
  /** `import type` (or only `type` names): erased at compile time, nothing runs in that order. */
  typeOnly: boolean;
}

function areaOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : file.replace(/\.ts$/, '');
  return SCANNED.includes(parts[0]) ? parts[0] : null;
}

function shippedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith('.ts') && !rel.endsWith('.test.ts') && !rel.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of SCANNED) walk(dir);
  return out;
}

// `import … from`, `export … from` and side-effect imports at the start of a line (so not in a comment),
// `import('…')`, and `new URL('./worker.ts', import.meta.url)` (a worker thread's entry).
const STATIC = /^[ \t]*(?:import|export)\s+(type\s+)?([^;='"()]*?)\s*from\s*'([^']+)'/gm;
const BARE = /^[ \t]*import\s+'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;
const WORKER = /new URL\(\s*'([^']+)'\s*,\s*import\.meta\.url\s*\)/g;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return; // a package
    const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    found.push({ from: file, to, typeOnly });
  };
  for (const [, typeKeyword, clause, specifier] of text.matchAll(STATIC)) {
    const names = /^\{([^}]*)\}$/
      .exec(clause.trim())?.[1]
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    add(
      specifier,
      !!typeKeyword || (!!names && names.length > 0 && names.every((n) => n.startsWith('type '))),
    );
  }
  for (const pattern of [BARE, DYNAMIC, WORKER]) {
    for (const [, specifier] of text.matchAll(pattern)) add(specifier, false);
  }
  return found;
}

/** Strongly connected components of more than one area (Tarjan). */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) connect(v);
  return components;
}

const imports = shippedFiles().flatMap(importsOf);
const crossArea = imports.filter((i) => areaOf(i.to) !== areaOf(i.from));

describe('area dependencies', () => {
  it('reads the imports of what ships', () => {
    // A scan that found nothing would pass every rule below.
    expect(imports.length).toBeGreaterThan(1000);
    expect(crossArea.some((i) => i.from.startsWith('mcp/') && i.to.startsWith('src/'))).toBe(true);
  });

  it('has no cycle between areas', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of crossArea) {
      const from = areaOf(i.from)!;
      const to = areaOf(i.to);
      if (!to || i.typeOnly) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
    const described = cyclesOf(edges).map((areas) => {
      const inside = new Set(areas);
      const examples = crossArea
        .filter((i) => !i.typeOnly && inside.has(areaOf(i.from)!) && inside.has(areaOf(i.to) ?? ''))
        .map((i) => `${i.from} -> ${i.to}`);
      return `${areas.join(' ⇄ ')}: ${examples.join(', ')}`;
    });
    expect(described).toEqual([]);
  });

  it('keeps the chain port free of use cases', () => {
    const outside = crossArea
      .filter((i) => areaOf(i.from) === 'src/chain')
      .filter((i) => areaOf(i.to) !== null && !CHAIN_MAY_USE.has(areaOf(i.to)!))
      .map((i) => `${i.from} -> ${i.to}`);
    expect(outside).toEqual([]);

    // Nor through what it uses: everything src/chain loads at run time stays within the same set.
    const reached = new Set(['src/chain']);
    const queue = ['src/chain'];
    while (queue.length > 0) {
      const area = queue.pop()!;
      for (const i of crossArea) {
        const to = areaOf(i.to);
        if (i.typeOnly || areaOf(i.from) !== area || !to || reached.has(to)) continue;
        reached.add(to);
        queue.push(to);
      }
    }
    expect([...reached].filter((a) => !CHAIN_MAY_USE.has(a))).toEqual([]);
  });

  it('never reaches from shipped code into tests or benches', () => {
    const intoTests = imports.filter((i) => /^(test|bench)\//.test(i.to)).map((i) => `${i.from} -> ${i.to}`);
    expect(intoTests).toEqual([]);
  });
});
