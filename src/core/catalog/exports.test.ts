import * as assert from 'node:assert/strict';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  parseEntityRef,
  systemEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { backstageName, backstageOwner, renderBackstage, renderMermaid } from './exports';
import type { Catalog, CatalogJourney } from './types';

function journey(over: Partial<CatalogJourney>): CatalogJourney {
  return {
    key: 'checkout',
    id: 'checkout',
    name: 'Checkout',
    tier: 'critical',
    links: {},
    map: 'cx-map.yaml',
    line: 3,
    codeOwners: [],
    touchpoints: [
      {
        id: 'pay',
        name: 'Pay: now',
        channel: 'web',
        files: 2,
        indirectFiles: 0,
        entryPoints: [],
        paths: ['src/**'],
        line: 9,
      },
    ],
    changes: [],
    changesInWindow: 0,
    ...over,
  };
}

const catalog = (journeys: CatalogJourney[]): Catalog => ({
  version: 1,
  generatedAt: '2026-12-07T00:00:00Z',
  repository: { historyComplete: true },
  journeys,
  blindSpots: { uncoveredEntryPoints: [], touchpointsWithoutFiles: [], journeysWithoutEntryPoints: [] },
  diagnostics: [],
  totals: { files: 0, coveredFiles: 0, commits: 0, entryPoints: 0 },
});

describe('the Backstage export', () => {
  // The policies Backstage's catalog applies to every entity it ingests, and the System kind's own validator.
  const policy = EntityPolicies.allOf([
    new SchemaValidEntityPolicy(),
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
  ]);

  it("is multi-document YAML of System entities that Backstage's published schema and policies accept", async () => {
    const yaml = renderBackstage(
      catalog([
        journey({
          owner: '@shop/payments',
          description: 'Pay.',
          slo: '99.9%',
          links: { dashboard: 'https://grafana.example.com/d/x', bad: 'javascript:alert(1)' },
          codeOwners: ['@shop/web'],
        }),
        journey({ key: 'refunds', id: 'refunds', name: 'Get my money back', tier: 'high', owner: 'Payments team' }),
        journey({
          key: 'tracking@packages/app',
          id: 'tracking',
          name: 'Tracking',
          tier: 'low',
          owner: 'ops@example.com',
        }),
        journey({ key: 'orphan-', id: 'orphan-', name: 'No owner', tier: 'medium' }),
        journey({ key: 'orphan', id: 'orphan', name: 'No owner either', tier: 'medium', codeOwners: ['@someone'] }),
      ]),
    );
    const docs = parseAllDocuments(yaml).map((d) => d.toJS() as Entity);
    assert.equal(docs.length, 5);
    for (const entity of docs) {
      assert.ok(await systemEntityV1alpha1Validator.check(entity), entity.metadata.name);
      assert.ok(await policy.enforce(entity), entity.metadata.name);
      assert.equal(entity.kind, 'System');
      assert.equal((entity.spec as { type: string }).type, 'customer-journey');
      parseEntityRef((entity.spec as { owner: string }).owner);
    }
    assert.deepEqual(
      docs.map((d) => d.metadata.name),
      ['checkout', 'refunds', 'tracking-packages-app', 'orphan', 'orphan-2'],
    );
    assert.deepEqual(
      docs.map((d) => (d.spec as { owner: string }).owner),
      [
        'group:default/payments',
        'group:default/payments-team',
        'user:default/ops',
        'group:default/unowned',
        'user:default/someone',
      ],
    );
    assert.deepEqual(
      docs[0]!.metadata.links,
      [{ url: 'https://grafana.example.com/d/x', title: 'dashboard' }],
      'only http(s) links',
    );
    assert.equal(docs[0]!.metadata.annotations?.['cx-impact/owner'], '@shop/payments');
  });

  it('names and owners in Backstage form', () => {
    assert.equal(backstageName('--a b/c..'), 'a-b-c');
    assert.equal(backstageName('x'.repeat(80)).length, 63);
    assert.equal(backstageName('!!!'), 'journey');
    assert.equal(backstageOwner('@org/Team_A'), 'group:default/team_a');
    assert.equal(backstageOwner('  '), undefined);
  });
});

describe('the Mermaid export', () => {
  it('writes a journey block per journey, a section per channel, text without Mermaid syntax', () => {
    const md = renderMermaid(
      catalog([
        journey({ owner: '@shop/pay', description: 'Shoppers <b>pay</b>' }),
        journey({ key: 'x', name: 'X; #1', touchpoints: [] }),
      ]),
    );
    assert.match(
      md,
      /^## Checkout \(critical\)\n\nShoppers \\<b\\>pay\\<\/b\\>\n\n```mermaid\njourney\n {2}title Checkout\n {2}section web\n {4}Pay now: 3: @shop\/pay\n```\n/,
    );
    assert.match(md, /title X 1\n```/);
  });
});
