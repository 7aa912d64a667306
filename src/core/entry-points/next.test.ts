import * as assert from 'node:assert/strict';
import { nextRouteOf } from './next';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: Next.js pages and route handlers', () => {
  it('maps file paths to routes', () => {
    const table: [string, string | undefined][] = [
      ['pages/index.tsx', '/'],
      ['pages/orders/[id].tsx', '/orders/[id]'],
      ['src/pages/api/cart.ts', '/api/cart'],
      ['pages/_app.tsx', undefined],
      ['app/(shop)/checkout/page.tsx', '/checkout'],
      ['apps/web/app/orders/[id]/route.ts', '/orders/[id]'],
      ['app/@modal/login/page.tsx', '/login'],
      ['app/orders/layout.tsx', undefined],
      ['app/orders/page.test.tsx', undefined],
    ];
    for (const [path, route] of table) assert.equal(nextRouteOf(path)?.route, route, path);
  });

  it('finds pages, API routes and route handlers of a Next.js app (next.config beside it)', async () => {
    const points = await entryPointsOf({
      'web/next.config.mjs': 'export default {};\n',
      'web/pages/index.tsx': 'export default function Home() { return null; }\n',
      'web/pages/api/orders.ts': 'export default async function handler(req, res) {}\n',
      'web/src/app/orders/[id]/route.ts':
        "export async function GET() {}\nconst post = () => {};\nexport { post as POST };\nexport const dynamic = 'force-dynamic';\n",
      'web/src/app/(shop)/cart/page.tsx': 'const Page = () => null;\nexport default Page;\n',
      'web/app/util.ts': 'export default 1;\n',
    });
    assert.deepEqual(summary(points), [
      'ANY /api/orders @web/pages/api/orders.ts:1 -> web/pages/api/orders.ts#handler',
      'page / @web/pages/index.tsx:1 -> web/pages/index.tsx#Home',
      'page /cart @web/src/app/(shop)/cart/page.tsx:2 -> web/src/app/(shop)/cart/page.tsx#Page',
      'GET /orders/[id] @web/src/app/orders/[id]/route.ts:1 -> web/src/app/orders/[id]/route.ts#GET',
      'POST /orders/[id] @web/src/app/orders/[id]/route.ts:3 -> web/src/app/orders/[id]/route.ts#POST',
    ]);
  });

  it('needs evidence: a pages folder without next.config or a next import is not Next.js', async () => {
    const points = await entryPointsOf({
      'docs/pages/intro.tsx': 'export default function Intro() { return null; }\n',
      'site/app/about/page.tsx': "import Link from 'next/link';\nexport default function About() { return null; }\n",
    });
    assert.deepEqual(summary(points), ['page /about @site/app/about/page.tsx:2 -> site/app/about/page.tsx#About']);
  });
});
