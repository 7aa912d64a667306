// Spring MVC / WebFlux annotations: `@RequestMapping("/orders")` on the class, `@GetMapping("/{id}")` and the
// other `@…Mapping` (or `@RequestMapping(method = RequestMethod.POST)`) on its methods. Only in a file that imports
// Spring's web annotations.
import type { Node } from '../code/parser';
import type { EntryFacts } from './types';
import { joinRoute, kids, lineOf, literal, walk } from './tree';

const MAPPINGS: Readonly<Record<string, string>> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  PatchMapping: 'PATCH',
  DeleteMapping: 'DELETE',
  RequestMapping: 'ANY',
};

export function detectSpring(root: Node, facts: EntryFacts): void {
  const imported = kids(root).some(
    (n) => n.type === 'import_declaration' && /org\.springframework\.web\.bind\.annotation\b/.test(n.text),
  );
  if (!imported) return;
  walk(root, (node) => {
    if (node.type !== 'class_declaration' && node.type !== 'interface_declaration') return;
    const className = node.childForFieldName('name')?.text;
    const body = node.childForFieldName('body');
    if (!className || !body) return false;
    const isInterface = node.type === 'interface_declaration';
    const classAnnotations = annotations(node);
    const classMapping = classAnnotations.find((a) => a.name === 'RequestMapping');
    const prefixes = classMapping ? classMapping.paths : [''];
    // A controller that implements interfaces: the mappings declared on them are its routes (API-first code).
    const controller = classAnnotations.some((a) => a.name === 'RestController' || a.name === 'Controller');
    if (!isInterface && controller) {
      const interfaces = node.childForFieldName('interfaces');
      const names: string[] = [];
      if (interfaces)
        walk(interfaces, (t) => {
          if (t.type === 'type_identifier') names.push(t.text);
          return t.type !== 'type_arguments';
        });
      if (names.length > 0) (facts.springControllers ??= []).push({ className, interfaces: names });
    }
    for (const member of kids(body)) {
      if (member.type !== 'method_declaration') continue;
      const method = member.childForFieldName('name')?.text;
      if (!method) continue;
      for (const mapping of annotations(member)) {
        const verb = MAPPINGS[mapping.name];
        if (!verb) continue;
        const methods = mapping.name === 'RequestMapping' && mapping.methods.length > 0 ? mapping.methods : [verb];
        for (const prefix of prefixes) {
          for (const path of mapping.paths) {
            for (const m of methods) {
              facts.entries.push({
                kind: 'http',
                framework: 'spring',
                method: m,
                route: joinRoute(prefix, path),
                line: lineOf(mapping.node),
                handler: { local: true, symbol: `${className}.${method}` },
                ...(isInterface ? { springInterface: className } : {}),
              });
            }
          }
        }
      }
    }
    // Nested classes are visited as classes of their own.
    return true;
  });
}

interface Annotation {
  name: string;
  paths: string[];
  methods: string[];
  node: Node;
}

function annotations(declaration: Node): Annotation[] {
  const modifiers = kids(declaration).find((k) => k.type === 'modifiers');
  if (!modifiers) return [];
  const out: Annotation[] = [];
  for (const a of kids(modifiers)) {
    if (a.type !== 'annotation' && a.type !== 'marker_annotation') continue;
    const name = a.childForFieldName('name')?.text.split('.').pop() ?? '';
    const args = a.type === 'annotation' ? kids(a.childForFieldName('arguments') ?? a) : [];
    let paths: string[] = [];
    let methods: string[] = [];
    // A path computed from a constant is not guessed: the mapping is skipped.
    let unknown = false;
    for (const arg of args) {
      if (arg.type === 'element_value_pair') {
        const key = arg.childForFieldName('key')?.text;
        const value = arg.childForFieldName('value');
        if ((key === 'value' || key === 'path') && value) {
          paths = strings(value);
          unknown = paths.length === 0;
        }
        if (key === 'method' && value)
          methods = (value.type === 'element_value_array_initializer' ? kids(value) : [value])
            .map((v) => v.text.split('.').pop() ?? '')
            .filter((m) => m.length > 0);
      } else {
        paths = strings(arg);
        unknown = paths.length === 0;
      }
    }
    out.push({ name, paths: unknown ? [] : paths.length > 0 ? paths : [''], methods, node: a });
  }
  return out;
}

function strings(node: Node): string[] {
  if (node.type === 'element_value_array_initializer')
    return kids(node)
      .map((k) => literal(k))
      .filter((s): s is string => s !== undefined);
  const one = literal(node);
  return one === undefined ? [] : [one];
}
