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
      'app/main.py': 'from fastapi import FastAPI\nfrom app.routers import items\napp = FastAPI()\napp.include_router(items.router, prefix="/api")\n\n@app.get("/")\nasync def root():\n    return {}\n',
      'app/routers/items.py': 'from fastapi import APIRouter\nrouter = APIRouter(prefix="/items")\n\n@router.get("/{item_id}")\nasync def read_item(item_id: int):\n    pass\n\n@router.delete("/{item_id}")\nasync def delete_item(item_id: int):\n    pass\n',
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
      'site/urls.py': "from django.urls import include, path\nurlpatterns = [\n    path('shop/', include('shop.urls')),\n    path('', home),\n]\ndef home(request):\n    pass\n",
      'shop/urls.py': "from django.urls import path, re_path\nfrom . import views\nfrom .views import OrderView\nurlpatterns = [\n    path('orders/<int:pk>/', views.detail, name='detail'),\n    re_path(r'^cart/$', OrderView.as_view()),\n]\n",
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
