import * as assert from 'node:assert/strict';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: Flask, FastAPI, Django', () => {
  it('Flask: app and blueprint routes with url_prefix, methods and shorthand verbs', async () => {
    const points = await entryPointsOf({
      'shop/orders.py': [
        'from flask import Blueprint, Flask',
        "bp = Blueprint('orders', __name__, url_prefix='/orders')",
        '',
        "@bp.route('/<int:order_id>', methods=['GET', 'POST'])",
        '@login_required',
        'def show(order_id):',
        '    pass',
        '',
        "@bp.get('/')",
        'def index():',
        '    pass',
        '',
        'app = Flask(__name__)',
        "@app.route('/health')",
        'def health():',
        '    return "ok"',
        '',
        "@cache.get('/x')",
        'def not_a_route():',
        '    pass',
      ].join('\n'),
    });
    assert.deepEqual(summary(points), [
      'GET /orders/<int:order_id> @shop/orders.py:4 -> shop/orders.py#show',
      'POST /orders/<int:order_id> @shop/orders.py:4 -> shop/orders.py#show',
      'GET /orders/ @shop/orders.py:9 -> shop/orders.py#index',
      'GET /health @shop/orders.py:14 -> shop/orders.py#health',
    ]);
  });

  it('FastAPI: routers with a prefix, included under another prefix from another file', async () => {
    const points = await entryPointsOf({
      'app/main.py':
        'from fastapi import FastAPI\nfrom app.routers import items\napp = FastAPI()\napp.include_router(items.router, prefix="/api")\n\n@app.get("/")\nasync def root():\n    return {}\n',
      'app/routers/items.py':
        'from fastapi import APIRouter\nrouter = APIRouter(prefix="/items")\n\n@router.get("/{item_id}")\nasync def read_item(item_id: int):\n    pass\n\n@router.delete("/{item_id}")\nasync def delete_item(item_id: int):\n    pass\n',
      'app/routers/__init__.py': '',
    });
    assert.deepEqual(summary(points), [
      'GET / @app/main.py:6 -> app/main.py#root',
      'GET /api/items/{item_id} @app/routers/items.py:4 -> app/routers/items.py#read_item',
      'DELETE /api/items/{item_id} @app/routers/items.py:8 -> app/routers/items.py#delete_item',
    ]);
  });

  it('Django: path() and re_path() with views in another module, and include()', async () => {
    const points = await entryPointsOf({
      'site/urls.py':
        "from django.urls import include, path\nurlpatterns = [\n    path('shop/', include('shop.urls')),\n    path('', home),\n]\ndef home(request):\n    pass\n",
      'shop/urls.py':
        "from django.urls import path, re_path\nfrom . import views\nfrom .views import OrderView\nurlpatterns = [\n    path('orders/<int:pk>/', views.detail, name='detail'),\n    re_path(r'^cart/$', OrderView.as_view()),\n]\n",
      'shop/views.py': 'def detail(request, pk):\n    pass\nclass OrderView:\n    pass\n',
      'shop/__init__.py': '',
    });
    assert.deepEqual(summary(points), [
      'ANY /shop/orders/<int:pk>/ @shop/urls.py:5 -> shop/views.py#detail',
      'ANY /shop/cart/$ @shop/urls.py:6 -> shop/views.py#OrderView',
      'ANY / @site/urls.py:4 -> site/urls.py#home',
    ]);
  });
});

describe('entry points: Django lists mounted elsewhere keep their prefixes', () => {
  it('include(list_var), include((list, "app")) and include("dotted.urls") keep the prefix they are mounted under', async () => {
    const points = await entryPointsOf({
      'site/urls.py': [
        'from django.urls import include, path',
        'from shop import views',
        'from shop.urls import api_patterns',
        '',
        'account_patterns = [',
        "    path('login/', views.login),",
        ']',
        'urlpatterns = [',
        "    path('accounts/', include(account_patterns)),",
        "    path('api/', include((api_patterns, 'api'))),",
        "    path('shop/', include('shop.urls')),",
        ']',
      ].join('\n'),
      'shop/urls.py':
        "from django.urls import path\nfrom . import views\napi_patterns = [\n    path('orders/', views.orders),\n]\nurlpatterns = [\n    path('cart/', views.cart),\n]\n",
      'shop/views.py': 'def login(request):\n    pass\ndef orders(request):\n    pass\ndef cart(request):\n    pass\n',
      'shop/__init__.py': '',
    });
    assert.deepEqual(summary(points), [
      'ANY /api/orders/ @shop/urls.py:4 -> shop/views.py#orders',
      'ANY /shop/cart/ @shop/urls.py:7 -> shop/views.py#cart',
      'ANY /accounts/login/ @site/urls.py:6 -> shop/views.py#login',
    ]);
  });

  it('a list mounted under several prefixes is listed under each, and an inline include([...]) nests', async () => {
    const points = await entryPointsOf({
      'site/urls.py': [
        'from django.urls import include, path, re_path',
        'from . import views',
        '',
        'shared = [',
        "    path('items/', views.items),",
        ']',
        'urlpatterns = [',
        "    path('v1/', include(shared)),",
        "    re_path(r'^v2/', include(shared)),",
        "    path('admin/', include([",
        "        path('users/', views.users),",
        "        path('audit/', include(shared)),",
        '    ])),',
        ']',
        "urlpatterns += [path('health/', views.health)]",
      ].join('\n'),
      'site/views.py': 'def items(r):\n    pass\ndef users(r):\n    pass\ndef health(r):\n    pass\n',
      'site/__init__.py': '',
    });
    assert.deepEqual(summary(points).sort(), [
      'ANY /admin/audit/items/ @site/urls.py:5 -> site/views.py#items',
      'ANY /admin/users/ @site/urls.py:11 -> site/views.py#users',
      'ANY /health/ @site/urls.py:15 -> site/views.py#health',
      'ANY /v1/items/ @site/urls.py:5 -> site/views.py#items',
      'ANY ^v2/items/ @site/urls.py:5 -> site/views.py#items',
    ]);
  });

  it('include() of an imported urls module object, and urlpatterns = [...] + other_list', async () => {
    const points = await entryPointsOf({
      'site/urls.py': [
        'from django.urls import include, path',
        'from blog import urls as blog_urls',
        'from blog.urls import extra',
        "urlpatterns = [path('blog/', include(blog_urls))] + extra",
      ].join('\n'),
      'blog/urls.py':
        "from django.urls import path\nfrom .views import post, feed\nurlpatterns = [path('<slug>/', post)]\nextra = [path('feed/', feed)]\n",
      'blog/views.py': 'def post(r, slug):\n    pass\ndef feed(r):\n    pass\n',
      'blog/__init__.py': '',
    });
    assert.deepEqual(summary(points), [
      'ANY /blog/<slug>/ @blog/urls.py:3 -> blog/views.py#post',
      'ANY /feed/ @blog/urls.py:4 -> blog/views.py#feed',
    ]);
  });
});

describe('entry points: Flask and FastAPI routers mounted in another place', () => {
  it('Flask: blueprints registered in an application factory, and a blueprint registered on another blueprint', async () => {
    const points = await entryPointsOf({
      'app/__init__.py':
        "from flask import Flask\nfrom .orders import bp as orders_bp\nfrom .api import api\ndef create_app():\n    app = Flask(__name__)\n    app.register_blueprint(orders_bp, url_prefix='/orders')\n    app.register_blueprint(api)\n    return app\n",
      'app/orders.py':
        "from flask import Blueprint\nbp = Blueprint('orders', __name__)\n@bp.route('/<id>')\ndef show(id):\n    pass\n",
      'app/api.py':
        "from flask import Blueprint\nfrom .v1 import v1\napi = Blueprint('api', __name__, url_prefix='/api')\napi.register_blueprint(v1, url_prefix='/v1')\n",
      'app/v1.py': "from flask import Blueprint\nv1 = Blueprint('v1', __name__)\n@v1.get('/x')\ndef x():\n    pass\n",
    });
    assert.deepEqual(summary(points), [
      'GET /orders/<id> @app/orders.py:3 -> app/orders.py#show',
      'GET /api/v1/x @app/v1.py:3 -> app/v1.py#x',
    ]);
  });

  it('FastAPI: a router included without a prefix keeps the prefixes of the router it is included in; an app made in a factory', async () => {
    const points = await entryPointsOf({
      'app/main.py':
        "from fastapi import FastAPI\nfrom app.api.main import api_router\ndef create_app():\n    app = FastAPI()\n    app.include_router(api_router, prefix='/api/v1')\n    return app\n",
      'app/api/main.py':
        "from fastapi import APIRouter\nfrom app.api.routes import items, login\napi_router = APIRouter()\napi_router.include_router(login.router, tags=['login'])\napi_router.include_router(items.router, prefix='/items')\n",
      'app/api/routes/items.py':
        "from fastapi import APIRouter\nrouter = APIRouter()\n@router.get('/{id}')\ndef read(id):\n    pass\n",
      'app/api/routes/login.py':
        "from fastapi import APIRouter\nrouter = APIRouter(tags=['login'])\n@router.post('/login/access-token')\ndef login():\n    pass\n",
    });
    assert.deepEqual(summary(points), [
      'GET /api/v1/items/{id} @app/api/routes/items.py:3 -> app/api/routes/items.py#read',
      'POST /api/v1/login/access-token @app/api/routes/login.py:3 -> app/api/routes/login.py#login',
    ]);
  });
});

describe("entry points: Flask's url_prefix on register_blueprint", () => {
  it("replaces the blueprint's own url_prefix (FastAPI's prefix adds to the router's)", async () => {
    const points = await entryPointsOf({
      'app/__init__.py':
        "from flask import Flask\nfrom .orders import bp\napp = Flask(__name__)\napp.register_blueprint(bp)\napp.register_blueprint(bp, url_prefix='/shop', name='shop_orders')\n",
      'app/orders.py':
        "from flask import Blueprint\nbp = Blueprint('orders', __name__, url_prefix='/orders')\n@bp.get('/<id>')\ndef show(id):\n    pass\n",
    });
    assert.deepEqual(summary(points).sort(), [
      'GET /orders/<id> @app/orders.py:3 -> app/orders.py#show',
      'GET /shop/<id> @app/orders.py:3 -> app/orders.py#show',
    ]);
  });
});

describe('entry points: broken Django URL confs', () => {
  it('an include() with no, odd or computed arguments, a missing module and a list that includes itself: routes listed once, no crash', async () => {
    const points = await entryPointsOf({
      'site/urls.py': [
        'from django.urls import include, path',
        'from shop import views',
        "a = [path('x/', include(a)), path('y/', views.y)]",
        "urlpatterns = [path('', include()), path('n/', include(123)), path('f/', include(f'{x}.urls')), path('c/', include(a)), path('m/', include('nope.urls')), path('self/', include('site.urls'))]",
        'urlpatterns += urlpatterns',
      ].join('\n'),
    });
    assert.deepEqual(summary(points), ['ANY /c/y/ @site/urls.py:3 -> site/urls.py#y']);
  });
});
