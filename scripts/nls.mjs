#!/usr/bin/env node
// Moves every user-facing literal string of package.json (contributes, and the names and descriptions the
// Marketplace shows) into package.nls.json, leaving `%key%` in its place. Re-runnable: strings already written as
// `%key%` stay, so after merging new commands or settings, `node scripts/nls.mjs` picks up only what is new.
// `--check` changes nothing and exits 1 when a literal is left (the unit tests run it so).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = path.join(root, 'package.json');
export const NLS = path.join(root, 'package.nls.json');

const isKey = (value) => typeof value === 'string' && /^%[^%\s]+%$/.test(value);

/**
 * Every localizable string of the manifest: `[holder, property, key]`, where `holder[property]` is the string and
 * `key` the name it gets in package.nls.json (stable, readable: it says where the string is shown).
 */
export function localizableStrings(manifest) {
  const found = [];
  const add = (holder, property, key) => {
    if (holder && typeof holder[property] === 'string') found.push([holder, property, key]);
  };
  const addList = (holder, property, key) => {
    const list = holder?.[property];
    if (Array.isArray(list)) list.forEach((_, i) => add(list, i, `${key}.${i}`));
  };
  add(manifest, 'displayName', 'displayName');
  add(manifest, 'description', 'description');
  for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces'])
    add(manifest.capabilities?.[kind], 'description', `capabilities.${kind}.description`);
  const c = manifest.contributes ?? {};
  for (const command of c.commands ?? []) {
    for (const property of ['title', 'shortTitle', 'category']) {
      // One category string for all commands that share it.
      add(
        command,
        property,
        property === 'category' ? `category.${slug(command.category)}` : `command.${command.command}.${property}`,
      );
    }
  }
  for (const [where, containers] of Object.entries(c.viewsContainers ?? {})) {
    for (const container of containers) add(container, 'title', `viewsContainers.${where}.${container.id}.title`);
  }
  for (const views of Object.values(c.views ?? {})) {
    for (const view of views) {
      add(view, 'name', `view.${view.id}.name`);
      add(view, 'contextualTitle', `view.${view.id}.contextualTitle`);
    }
  }
  for (const welcome of c.viewsWelcome ?? [])
    add(welcome, 'contents', `viewsWelcome.${welcome.view}.${slug(welcome.when ?? 'always')}`);
  for (const submenu of c.submenus ?? []) add(submenu, 'label', `submenu.${submenu.id}.label`);
  for (const configuration of [c.configuration ?? []].flat()) {
    add(configuration, 'title', 'configuration.title');
    const walk = (properties, prefix) => {
      for (const [name, schema] of Object.entries(properties ?? {})) {
        const key = `${prefix}${name}`;
        for (const p of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage'])
          add(schema, p, `config.${key}.${p}`);
        for (const p of ['enumDescriptions', 'markdownEnumDescriptions']) addList(schema, p, `config.${key}.${p}`);
        walk(schema.properties, `${key}.`);
        if (schema.items) {
          for (const p of ['description', 'markdownDescription']) add(schema.items, p, `config.${key}.items.${p}`);
          for (const p of ['enumDescriptions', 'markdownEnumDescriptions'])
            addList(schema.items, p, `config.${key}.items.${p}`);
        }
      }
    };
    walk(configuration.properties, '');
  }
  for (const color of c.colors ?? []) add(color, 'description', `color.${color.id}.description`);
  for (const walkthrough of c.walkthroughs ?? []) {
    const base = `walkthrough.${walkthrough.id}`;
    add(walkthrough, 'title', `${base}.title`);
    add(walkthrough, 'description', `${base}.description`);
    for (const step of walkthrough.steps ?? []) {
      add(step, 'title', `${base}.${step.id}.title`);
      add(step, 'description', `${base}.${step.id}.description`);
      add(step.media, 'altText', `${base}.${step.id}.altText`);
    }
  }
  return found;
}

function slug(text) {
  return String(text)
    .replace(/!/g, 'not-')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Replaces literals by keys; returns the new nls table and how many strings moved. */
export function extract(manifest, nls) {
  const table = { ...nls };
  let moved = 0;
  for (const [holder, property, wanted] of localizableStrings(manifest)) {
    const text = holder[property];
    if (isKey(text)) continue;
    // A key already holding this very text is reused; a key holding other text gets a suffix, never overwritten.
    let key = wanted;
    for (let n = 2; key in table && table[key] !== text; n++) key = `${wanted}.${n}`;
    table[key] = text;
    holder[property] = `%${key}%`;
    moved++;
  }
  return { nls: table, moved };
}

/** Literals still in the manifest, and `%key%` references package.nls.json lacks. */
export function problems(manifest, nls) {
  return localizableStrings(manifest).flatMap(([holder, property, key]) => {
    const text = holder[property];
    if (!isKey(text)) return [`${key}: "${text.slice(0, 60)}" is not in package.nls.json`];
    return text.slice(1, -1) in nls ? [] : [`${text} is missing from package.nls.json`];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  const nls = fs.existsSync(NLS) ? JSON.parse(fs.readFileSync(NLS, 'utf8')) : {};
  if (process.argv.includes('--check')) {
    const found = problems(manifest, nls);
    for (const line of found) console.error(line);
    process.exit(found.length ? 1 : 0);
  }
  const result = extract(manifest, nls);
  if (result.moved > 0) {
    fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
    fs.writeFileSync(NLS, JSON.stringify(result.nls, null, 2) + '\n');
  }
  const left = problems(manifest, result.nls);
  console.log(
    `package.nls.json: ${result.moved} string(s) moved, ${Object.keys(result.nls).length} in all${left.length ? `; ${left.length} problem(s):` : ''}`,
  );
  for (const line of left) console.error(line);
  process.exit(left.length ? 1 : 0);
}
