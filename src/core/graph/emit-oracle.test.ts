// Run-time edges against TypeScript's own emit (contract §5.6): each file is compiled with its compiler options
// (`experimentalDecorators`, `emitDecoratorMetadata`) by a real Program, and the relative `require`s that survive in
// the JavaScript are the edges the engine must find — no more (an import used only as a type, or written into
// metadata as `Object`, is erased), no fewer (decorator metadata, decorator arguments, provider objects). On
// hand-written fixtures and on a generated NestJS-style project (seeded, so the same on every machine).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CodeParser } from '../code/parser';
import { seededRandom } from '../../../test/synthetic/synthetic-repo';
import { graphOfSources } from './test-graph';
import { packageParser } from '../../../test/support/tree-sitter';

const OPTIONS =
  '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true, "strict": true, "target": "ES2019" } }';

/** The globals the fixtures name, instead of TypeScript's own lib files (loading those takes most of a Program's time). */
const LIB = `interface Array<T> { length: number; [n: number]: T }
interface Boolean {} interface Function {} interface CallableFunction {} interface NewableFunction {} interface IArguments {}
interface Number {} interface Object {} interface RegExp {} interface String {}
interface Promise<T> { then(f: (t: T) => void): void }
interface PromiseConstructor { resolve<T>(value: T): Promise<T> }
declare var Promise: PromiseConstructor;
interface TypedPropertyDescriptor<T> { value?: T }
declare type ClassDecorator = <F extends Function>(target: F) => F | void;
declare type PropertyDecorator = (target: Object, key: string | symbol) => void;
declare type MethodDecorator = <T>(target: Object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>) => TypedPropertyDescriptor<T> | void;
declare type ParameterDecorator = (target: Object, key: string | symbol | undefined, index: number) => void;
`;

/** `from -> to` for every relative require of the emitted JavaScript of each .ts file. */
function emittedEdges(sources: Readonly<Record<string, string>>, options: ts.CompilerOptions): string[] {
  const root = '/virtual';
  const abs = (file: string): string => `${root}/${file}`;
  const host = ts.createCompilerHost(options);
  const inMemory = new Map(Object.entries(sources).map(([f, t]) => [abs(f), t]));
  inMemory.set(abs('__lib.d.ts'), LIB);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    inMemory.has(name) ? ts.createSourceFile(name, inMemory.get(name)!, version) : getSourceFile(name, version);
  host.fileExists = (name) => inMemory.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => inMemory.get(name) ?? ts.sys.readFile(name);
  host.getCurrentDirectory = () => root;
  host.directoryExists = (dir) => dir === root || dir.startsWith(`${root}/`) || ts.sys.directoryExists(dir);
  host.realpath = (p) => p;
  const outputs = new Map<string, string>();
  host.writeFile = (name, text) => outputs.set(name, text);
  const files = Object.keys(sources).filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram(
    [...files.map(abs), abs('__lib.d.ts')],
    {
      ...options,
      noLib: true,
      module: ts.ModuleKind.CommonJS,
      outDir: `${root}/out`,
      rootDir: root,
      noEmitOnError: false,
      types: [],
    },
    host,
  );
  program.emit();
  const edges: string[] = [];
  for (const file of files) {
    const js = outputs.get(`${root}/out/${file.replace(/\.ts$/, '.js')}`);
    assert.ok(js !== undefined, `no output for ${file}`);
    for (const match of js.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      const target = path.posix.join(path.posix.dirname(file), match[1]!);
      const found = [`${target}.ts`, `${target}/index.ts`].find((f) => f in sources);
      if (found) edges.push(`${file} -> ${found}`);
    }
  }
  return [...new Set(edges)].sort();
}

async function engineEdges(parser: CodeParser, sources: Readonly<Record<string, string>>): Promise<string[]> {
  const g = await graphOfSources(parser, sources);
  return g.files.flatMap((_, from) => g.importsOf(from).map((e) => `${g.files[from]} -> ${g.files[e.to]}`)).sort();
}

/** A NestJS-style project: modules of controllers, abstract services and their implementations, repositories, DTOs. */
export function nestProject(seed: number, modules: number): Record<string, string> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Record<string, string> = {
    'tsconfig.json': OPTIONS,
    // The framework's decorators, declared here so that the Program sees what a NestJS project's node_modules gives.
    'common/decorators.ts':
      'export const Injectable = (): ClassDecorator => () => undefined;\nexport const Controller = (p?: string): ClassDecorator => () => undefined;\nexport const Module = (m: unknown): ClassDecorator => () => undefined;\nexport const Get = (): MethodDecorator => () => undefined;\nexport const Post = (): MethodDecorator => () => undefined;\nexport const Body = (): ParameterDecorator => () => undefined;\nexport const Inject = (t?: unknown): ParameterDecorator & PropertyDecorator => () => undefined;\nexport const forwardRef = (f: () => unknown): unknown => f;\n',
  };
  const abstract = Array.from({ length: modules }, () => random() < 0.6);
  for (let m = 0; m < modules; m++) {
    out[`m${m}/entity.ts`] = `export class Entity${m} {\n  id = ${m};\n}\n`;
    out[`m${m}/dto.ts`] =
      `export class Create${m}Dto {\n  name = '';\n}\nexport interface View${m} {\n  id: number;\n}\nexport type Id${m} = string;\n`;
    out[`m${m}/repo.ts`] = `export class Repo${m}<T> {\n  items: T[] = [];\n}\n`;
    out[`m${m}/service.ts`] = abstract[m]
      ? `import { Entity${m} } from './entity';\nexport abstract class Service${m} {\n  abstract find(id: number): Entity${m} | undefined;\n}\n`
      : `import { Injectable } from '../common/decorators';\nimport { Repo${m} } from './repo';\nimport { Entity${m} } from './entity';\n@Injectable()\nexport class Service${m} {\n  constructor(private readonly repo: Repo${m}<Entity${m}>) {}\n  find(id: number): Entity${m} | undefined { return this.repo.items[id]; }\n}\n`;
    if (abstract[m]) {
      out[`m${m}/service.impl.ts`] =
        `import { Injectable } from '../common/decorators';\nimport { Service${m} } from './service';\nimport { Repo${m} } from './repo';\nimport { Entity${m} } from './entity';\n@Injectable()\nexport class Service${m}Impl extends Service${m} {\n  constructor(private readonly repo: Repo${m}<Entity${m}>) { super(); }\n  find(id: number): Entity${m} | undefined { return this.repo.items[id]; }\n}\n`;
    }
    // The controller's constructor and members name types of its own module and of others, in every shape.
    const imports = new Map<string, { names: Set<string>; typeOnly: Set<string> }>();
    const use = (file: string, name: string, typeOnly = false): string => {
      let entry = imports.get(file);
      if (!entry) imports.set(file, (entry = { names: new Set(), typeOnly: new Set() }));
      (typeOnly ? entry.typeOnly : entry.names).add(name);
      return name;
    };
    const other = (): number => Math.floor(random() * modules);
    const shapes: (() => string)[] = [
      () => {
        const k = other();
        return use(`../m${k}/service`, `Service${k}`);
      },
      () => {
        const k = other();
        return `${use(`../m${k}/service`, `Service${k}`)} | null`;
      },
      () => {
        const k = other();
        return `${use(`../m${k}/dto`, `View${k}`)}`;
      },
      () => {
        const k = other();
        return `${use(`../m${k}/entity`, `Entity${k}`)}[]`;
      },
      () => {
        const k = other();
        const j = other();
        return `${use(`../m${k}/repo`, `Repo${k}`)}<${use(`../m${j}/entity`, `Entity${j}`)}>`;
      },
      () => {
        const a = other();
        const b = (a + 1) % modules;
        return `${use(`../m${a}/entity`, `Entity${a}`)} | ${use(`../m${b}/dto`, `Create${b}Dto`)}`;
      },
      () => {
        const k = other();
        return use(`../m${k}/dto`, `Id${k}`);
      },
      () => {
        const k = other();
        return use(`../m${k}/entity`, `Entity${k}`, true);
      },
      () => 'string',
    ];
    const params = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
      if (random() < 0.15) {
        const k = other();
        return `@${use('../common/decorators', 'Inject')}(${use('../common/decorators', 'forwardRef')}(() => ${use(`../m${k}/entity`, `Entity${k}`)})) private readonly p${i}: unknown`;
      }
      return `private readonly p${i}: ${pick(shapes)()}`;
    });
    const decorated = random() < 0.85;
    const lines = [
      ...(decorated ? [`@${use('../common/decorators', 'Controller')}('m${m}')`] : []),
      `export class Controller${m} {`,
      `  constructor(${params.join(', ')}) {}`,
    ];
    if (random() < 0.5)
      lines.push(`  @${use('../common/decorators', 'Inject')}() private readonly field${m}!: ${pick(shapes)()};`);
    if (random() < 0.7)
      lines.push(
        `  @${use('../common/decorators', 'Get')}() list(): Promise<${pick(shapes)()}> { return Promise.resolve(undefined as never); }`,
      );
    if (random() < 0.7)
      lines.push(
        `  @${use('../common/decorators', 'Post')}() create(@${use('../common/decorators', 'Body')}() dto: ${pick(shapes)()}): ${pick(shapes)()} { return undefined as never; }`,
      );
    // An undecorated member: its types are erased whatever they are.
    lines.push(`  plain(x: ${pick(shapes)()}): ${pick(shapes)()} { return undefined as never; }`);
    lines.push('}');
    const header = [...imports].map(([file, { names, typeOnly }]) => {
      const parts = [
        ...[...names].sort(),
        ...[...typeOnly]
          .filter((n) => !names.has(n))
          .sort()
          .map((n) => `type ${n}`),
      ];
      return `import { ${parts.join(', ')} } from '${file.replace(`../m${m}/`, './')}';`;
    });
    out[`m${m}/controller.ts`] = `${header.join('\n')}\n${lines.join('\n')}\n`;
  }
  // One module wires them: controllers and providers, abstract services with their implementations.
  const moduleLines = ["import { Module } from './common/decorators';"];
  const providers: string[] = [];
  for (let m = 0; m < modules; m++) {
    moduleLines.push(
      `import { Controller${m} } from './m${m}/controller';`,
      `import { Service${m} } from './m${m}/service';`,
    );
    if (abstract[m]) {
      moduleLines.push(`import { Service${m}Impl } from './m${m}/service.impl';`);
      providers.push(`{ provide: Service${m}, useClass: Service${m}Impl }`);
    } else providers.push(`Service${m}`);
  }
  moduleLines.push(
    `@Module({ controllers: [${Array.from({ length: modules }, (_, m) => `Controller${m}`).join(', ')}], providers: [${providers.join(', ')}] })`,
    'export class AppModule {}',
  );
  out['app.module.ts'] = `${moduleLines.join('\n')}\n`;
  return out;
}

describe('run-time edges equal what TypeScript emits', function () {
  this.timeout(120_000);
  const parser = packageParser();
  after(() => parser.dispose());
  const compilerOptions: ts.CompilerOptions = {
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    strict: true,
    target: ts.ScriptTarget.ES2019,
  };

  it('on fixtures: constructor, property and method metadata, unions, arrays, generics, interfaces, import type, forwardRef, providers', async () => {
    const sources: Record<string, string> = {
      'tsconfig.json': OPTIONS,
      'd.ts':
        'export const Dec = (...a: unknown[]): any => () => undefined;\nexport const forwardRef = (f: () => unknown): unknown => f;\n',
      'a.ts': 'export class A {}\n',
      'b.ts': 'export class B {}\n',
      'c.ts': 'export class C<T> { t?: T }\n',
      'e.ts': 'export class E {}\n',
      'i.ts': 'export interface I { x: number }\nexport type T = { y: string };\n',
      'n.ts': 'export class N {}\n',
      'p.ts': 'export class P {}\n',
      'q.ts': 'export class Q {}\n',
      'r.ts': 'export class R {}\n',
      's.ts': 'export class S {}\n',
      'u.ts': 'export class U {}\n',
      'w.ts': 'export class W {}\n',
      'x.ts': 'export class X {}\n',
      'host.ts': [
        "import { Dec, forwardRef } from './d';",
        "import { A } from './a';",
        "import { B } from './b';",
        "import { C } from './c';",
        "import { E } from './e';",
        "import { I, T } from './i';",
        "import { N } from './n';",
        "import type { P } from './p';",
        "import { Q } from './q';",
        "import { R } from './r';",
        "import { S } from './s';",
        "import { U } from './u';",
        "import { W } from './w';",
        "import { X } from './x';",
        '@Dec()',
        'export class Host {',
        '  constructor(a: A, b: B | null, c: C<E>, i: I, t: T, p: P, @Dec(forwardRef(() => X)) x: unknown, arr: N[]) {}',
        '  @Dec() field!: Q;',
        '  @Dec() method(r: R | undefined): Promise<S> { return Promise.resolve(new S()); }',
        '  plain(u: U): W { return undefined as never; }',
        '}',
        '',
      ].join('\n'),
      'providers.ts':
        "import { Dec } from './d';\nimport { A } from './a';\nimport { B } from './b';\n@Dec({ providers: [{ provide: A, useClass: B }] })\nexport class M {}\n",
      'plain.ts':
        "import { A } from './a';\nimport { B } from './b';\nexport class NoDecorators {\n  constructor(a: A, b: B) {}\n}\n",
    };
    const theirs = emittedEdges(sources, compilerOptions);
    assert.deepEqual(await engineEdges(parser, sources), theirs);
    // What the fixture is about: the metadata imports survive, the rest is erased; under strict, `B | null` is Object.
    for (const kept of ['a', 'c', 'q', 's', 'x']) assert.ok(theirs.includes(`host.ts -> ${kept}.ts`), kept);
    for (const erased of ['b', 'e', 'i', 'n', 'p', 'r', 'u', 'w'])
      assert.ok(!theirs.includes(`host.ts -> ${erased}.ts`), erased);
    assert.ok(!theirs.includes('plain.ts -> a.ts'));
    // Without strictNullChecks the compiler drops null and undefined from the union: `B | null` is B.
    const loose = { ...sources, 'tsconfig.json': OPTIONS.replace('"strict": true', '"strict": false') };
    const looseTheirs = emittedEdges(loose, { ...compilerOptions, strict: false });
    assert.deepEqual(await engineEdges(parser, loose), looseTheirs);
    assert.ok(looseTheirs.includes('host.ts -> b.ts') && looseTheirs.includes('host.ts -> r.ts'));
  });

  it('on a generated NestJS-style project (40 modules, seeded)', async () => {
    const sources = nestProject(22, 40);
    const theirs = emittedEdges(sources, compilerOptions);
    const ours = await engineEdges(parser, sources);
    const missed = theirs.filter((e) => !ours.includes(e));
    const extra = ours.filter((e) => !theirs.includes(e));
    if (process.env.CX_ORACLE_PRINT) {
      const kinds = (await graphOfSources(parser, sources)).stats.byKind;
      console.log(
        `NestJS-style: ${theirs.length} emitted edges, engine ${ours.length} (${JSON.stringify(kinds)}); missed ${missed.length}, extra ${extra.length}`,
      );
    }
    assert.deepEqual({ missed, extra }, { missed: [], extra: [] });
    assert.ok(theirs.length > 200, `only ${theirs.length} edges`);
  });
});
