import * as assert from 'node:assert/strict';
import { importsOf, type FileImports } from '../code/imports';
import { depsOf } from './deps';
import { buildGraph } from './graph';
import { Resolver } from './resolve';
import { edgesOf } from './test-graph';
import { packageParser } from '../../../test/support/tree-sitter';

describe('dependency graph: modules Django imports by their dotted name', () => {
  const parser = packageParser();
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
    assert.deepEqual(edgesOf(graph), [
      'site/settings.py -> site/urls.py',
      'site/urls.py -> shop/api_urls.py',
      'site/urls.py -> shop/urls.py',
    ]);
    const report = depsOf(graph, [], true);
    assert.deepEqual(
      report.unresolved?.map((u) => `${u.file}:${u.line} ${u.specifier}`),
      ['site/urls.py:6 shop.blog_urls', 'site/urls.py:7 shop.blog_urls'],
    );
    assert.deepEqual(resolver.warnings, [
      "site/urls.py names the module 'shop.blog_urls', which is not in the repository (Django imports it at run time)",
    ]);
  });

  it("a settings module's dotted names are edges: apps, middleware, backends, handlers, as Django's import_string reads them", async () => {
    const { graph, resolver } = await graphOf({
      'site/__init__.py': '',
      'site/settings.py': [
        "INSTALLED_APPS = ['django.contrib.admin', 'shop']",
        "MIDDLEWARE = ['django.middleware.common.CommonMiddleware', 'shop.middleware.TimingMiddleware']",
        "AUTHENTICATION_BACKENDS = ('shop.backends.JWTAuthentication',)",
        "REST_FRAMEWORK = {'EXCEPTION_HANDLER': 'shop.errors.handler', 'DEFAULT_RENDERER': 'shop.missing.Renderer'}",
        "DATABASES = {'default': {'NAME': 'db.sqlite3'}}",
        "ROOT_URLCONF = 'site.urls'",
        'def helper():',
        "    return 'shop.errors'",
      ].join('\n'),
      'site/urls.py': 'urlpatterns = []\n',
      'shop/__init__.py': '',
      'shop/middleware.py': 'class TimingMiddleware:\n    pass\n',
      'shop/backends.py': 'class JWTAuthentication:\n    pass\n',
      'shop/errors.py': 'def handler(exc, context):\n    pass\n',
      // Not a settings module: its dotted strings are only strings.
      'shop/views.py': "TEMPLATE = 'shop.middleware.x'\n",
    });
    assert.deepEqual(edgesOf(graph), [
      'site/settings.py -> shop/__init__.py',
      'site/settings.py -> shop/backends.py',
      'site/settings.py -> shop/errors.py',
      'site/settings.py -> shop/middleware.py',
      'site/settings.py -> site/urls.py',
    ]);
    assert.deepEqual(resolver.warnings, [
      "site/settings.py names the module 'shop.missing.Renderer', which is not in the repository (Django imports it at run time)",
    ]);
  });
});
