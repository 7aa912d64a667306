import type { Severity } from '../types';

/** Every diagnostic code the map parser emits, its severity, and what to do about it. docs/cx-map.md lists the same. */
export const MAP_DIAGNOSTIC_CODES = {
  'map-too-large': {
    severity: 'error',
    fix: 'Split the map into cx-map.yaml files in the folders whose code they cover.',
  },
  'too-deep': {
    severity: 'error',
    fix: 'Remove the deeply nested brackets or indentation; a map is only a few levels deep.',
  },
  'yaml-syntax': { severity: 'error', fix: 'Fix the YAML at the position shown (indentation, quotes, brackets).' },
  'yaml-warning': { severity: 'warning', fix: 'Follow the YAML warning; the map is read anyway.' },
  'duplicate-key': { severity: 'error', fix: 'Remove or rename the repeated key; only the first one is read.' },
  'not-a-map': { severity: 'error', fix: 'Start the file with `version: 1` and a `journeys:` list.' },
  'missing-version': { severity: 'error', fix: 'Add `version: 1` at the top of the file.' },
  'unsupported-version': { severity: 'error', fix: 'Write `version: 1` (a number, no quotes).' },
  'missing-field': { severity: 'error', fix: 'Add the required key named in the message.' },
  'wrong-type': {
    severity: 'error',
    fix: 'Give the key the kind of value named in the message (text, a list, key: value pairs).',
  },
  'empty-value': { severity: 'error', fix: 'Write a value for the key, or remove it when it is optional.' },
  'empty-list': { severity: 'error', fix: 'Add at least one entry: journeys, touchpoints and paths cannot be empty.' },
  'unknown-key': { severity: 'warning', fix: 'Rename the key to the suggested one, or remove it.' },
  'merge-key': { severity: 'error', fix: 'Write the keys out instead of merging them in with `<<`.' },
  'alias-limit': { severity: 'error', fix: 'Use fewer `*alias` references; write the values out.' },
  'bad-id': { severity: 'error', fix: 'Use lowercase letters, digits and `-`, starting with a letter or digit.' },
  'duplicate-journey-id': { severity: 'error', fix: 'Give each journey of the map its own id.' },
  'duplicate-touchpoint-id': { severity: 'error', fix: 'Give each touchpoint of the journey its own id.' },
  'bad-tier': { severity: 'error', fix: 'Use one of critical, high, medium, low.' },
  'bad-channel': {
    severity: 'error',
    fix: 'Use one of web, mobile, email, sms, voice, chat, contact-center, api, store, other.',
  },
  'bad-link': { severity: 'error', fix: 'Use an http:// or https:// URL.' },
  'empty-pattern': { severity: 'error', fix: "Write a path relative to the map's folder, or remove the entry." },
  'nul-in-pattern': { severity: 'error', fix: 'Remove the NUL character.' },
  'pattern-too-long': { severity: 'error', fix: 'Split the pattern into several shorter ones.' },
  'absolute-pattern': { severity: 'error', fix: "Write the path relative to the map's folder, with `/`." },
  'parent-segment': { severity: 'error', fix: 'Remove the `..`; put a map in the parent folder to cover files there.' },
  'too-many-alternatives': {
    severity: 'error',
    fix: 'Use `*` or `**` instead of long brace lists, or split the pattern.',
  },
  'bad-symbol': { severity: 'error', fix: 'Write `Outer.inner` or a top-level name, `*` allowed within a segment.' },
  'too-many-problems': {
    severity: 'warning',
    fix: 'Fix the problems shown; the rest are reported once these are fixed.',
  },
} as const satisfies Record<string, { severity: Severity; fix: string }>;

export type MapDiagnosticCode = keyof typeof MAP_DIAGNOSTIC_CODES;
