import * as assert from 'node:assert/strict';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';

const FILES: Record<string, string> = {
  'cx-map.yaml':
    'version: 1\njourneys:\n  - id: shop\n    name: Shop\n    tier: high\n    touchpoints:\n      - id: views\n        name: Views\n        paths:\n          - shop/views.py\n',
  'site/__init__.py': '',
  'site/settings.py': "ROOT_URLCONF = 'site.urls'\nINSTALLED_APPS = ['shop']\n",
  'site/urls.py': [
    'from django.urls import include, path',
    'from shop import views',
    'order_urls = [',
    "    path('details/', views.details),",
    ']',
    'urlpatterns = [',
    "    path('orders/<int:pk>/', include(order_urls)),",
    "    path('v1/', include('shop.urls')),",
    "    path('v2/', include('shop.urls')),",
    "    path('old/', include('shop.urlz')),",
    ']',
  ].join('\n'),
  'shop/__init__.py': '',
  'shop/urls.py': "from django.urls import path\nfrom . import views\nurlpatterns = [path('cart/', views.cart)]\n",
  'shop/views.py': 'def details(request, pk):\n    pass\ndef cart(request):\n    pass\n',
};

describe('cx-impact on a Django project: URL confs mounted elsewhere, and modules named by strings', function () {
  this.timeout(60_000);
  after(removeScratch);

  it('entry-points keeps each prefix; deps follows include() strings and lists the missing one, with one warning', () => {
    const repo = TestRepo.create(FILES);
    repo.commit('base');
    const env = { XDG_CACHE_HOME: scratchDir('cx-impact-cache-') };
    const points = repo.cli(['entry-points', '--format', 'json'], { env });
    assert.equal(points.code, 0, points.stderr);
    const routes = (JSON.parse(points.stdout) as { entryPoints: { route: string }[] }).entryPoints
      .map((p) => p.route)
      .sort();
    assert.deepEqual(routes, ['/orders/<int:pk>/details/', '/v1/cart/', '/v2/cart/']);

    const deps = repo.cli(['deps', 'site/urls.py', '--unresolved', '--format', 'json'], { env });
    assert.equal(deps.code, 0, deps.stderr);
    const entry = (
      JSON.parse(deps.stdout) as {
        files: { imports: { file: string }[]; unresolved: { line: number; specifier: string }[] }[];
      }
    ).files[0]!;
    assert.deepEqual(entry.imports.map((i) => i.file).sort(), ['shop/urls.py', 'shop/views.py']);
    assert.deepEqual(
      entry.unresolved.map((u) => `${u.line} ${u.specifier}`),
      ['10 shop.urlz'],
    );
    const warnings = deps.stderr.split('\n').filter((l) => l.includes('warning'));
    assert.deepEqual(warnings, [
      "cx-impact: warning: site/urls.py names the module 'shop.urlz', which is not in the repository (Django imports it at run time)",
    ]);

    // The settings module reaches the URL conf it names: a change to shop/urls.py is seen by whoever imports the settings.
    const settings = repo.cli(['deps', 'site/settings.py', '--format', 'json'], { env });
    assert.deepEqual(
      (JSON.parse(settings.stdout) as { files: { imports: { file: string }[] }[] }).files[0]!.imports.map(
        (i) => i.file,
      ).sort(),
      ['shop/__init__.py', 'site/urls.py'],
    );
  });
});
