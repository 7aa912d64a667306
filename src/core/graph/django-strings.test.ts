import * as assert from 'node:assert/strict';
import { importsOf, type FileImports } from '../code/imports';
import { CodeParser } from '../code/parser';
import { packageWasmDir } from '../code/package-wasm';
import { depsOf } from './deps';
import { buildGraph } from './graph';
import { Resolver } from './resolve';
import { edgesOf } from './test-graph';

describe('dependency graph: modules Django imports by their dotted name', () => {
  const parser = new CodeParser(packageWasmDir());
  after(() => parser.dispose());

  async function graphOf(sources: Record<string, string>) {
    const files = Object.keys(sources).sort();
    const imports = new Map<string, FileImports>();
    for (const file of files) imports.set(file, await importsOf(parser, 'python', sources[file]!));
    const resolver = new Resolver({ files, texts: new Map() });
    return { graph: buildGraph({ files, imports, resolver }), resolver };
  }

  it('ROOT_URLCONF and include("…") are edges; a third-party include is external; a missing module is unresolved, with one warning', async () => {
    const { graph, resolver } = await graphOf({
      'site/__init__.py': '',
      'site/settings.py': "ROOT_URLCONF = 'site.urls'\nDEBUG = True\n",
      'site/urls.py': [
        'from django.urls import include, path',
        'urlpatterns = [',
        "    path('shop/', include('shop.urls')),",
        "    path('api/', include(('shop.api_urls', 'api'), namespace='api')),",
        "    path('accounts/', include('allauth.urls')),",
        "    path('blog/', include('shop.blog_urls')),",
        "    path('blog2/', include('shop.blog_urls')),",
        ']',
      ].join('\n'),
      'shop/__init__.py': '',
      'shop/urls.py': 'from django.urls import path\nurlpatterns = []\n',
      'shop/api_urls.py': 'from django.urls import path\nurlpatterns = []\n',
      // Not a URL conf: a function named include is no Django include.
      'shop/other.py': "def include(x):\n    pass\ninclude('shop.urls')\n",
    });
    assert.deepEqual(edgesOf(graph), ['site/settings.py -> site/urls.py', 'site/urls.py -> shop/api_urls.py', 'site/urls.py -> shop/urls.py']);
    const report = depsOf(graph, [], true);
    assert.deepEqual(
      report.unresolved?.map((u) => `${u.file}:${u.line} ${u.specifier}`),
      ['site/urls.py:6 shop.blog_urls', 'site/urls.py:7 shop.blog_urls'],
    );
    assert.deepEqual(resolver.warnings, ["site/urls.py names the module 'shop.blog_urls', which is not in the repository (Django imports it at run time)"]);
  });
});
