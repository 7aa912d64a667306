import * as assert from 'node:assert/strict';
import { splitPattern } from './go-http';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: Go HTTP routers', () => {
  it('splits Go 1.22 patterns', () => {
    assert.deepEqual(splitPattern('GET /unread'), { method: 'GET', route: '/unread' });
    assert.deepEqual(splitPattern('/static/'), { method: 'ANY', route: '/static/' });
    assert.deepEqual(splitPattern('POST example.com/x'), { method: 'POST', route: 'example.com/x' });
  });

  it('net/http: resolves h.method to the file of the package that defines it', async () => {
    const points = await entryPointsOf({
      'internal/web/routes.go': [
        'package web',
        '',
        'import (',
        '\t"net/http"',
        '\t"example.com/shop/internal/health"',
        ')',
        '',
        'func (h *Handler) Routes() *http.ServeMux {',
        '\tmux := http.NewServeMux()',
        '\tmux.HandleFunc("GET /unread", h.showUnreadPage)',
        '\tmux.Handle("POST /orders/{id}/cancel", http.HandlerFunc(h.cancelOrder))',
        '\tmux.HandleFunc("/static/", serveStatic)',
        '\tmux.HandleFunc("GET /healthz", health.Check)',
        '\thttp.HandleFunc("/legacy", func(w http.ResponseWriter, r *http.Request) {})',
        '\tbus.Handle("order.created", h.onCreated)',
        '\treturn mux',
        '}',
      ].join('\n'),
      'internal/web/unread.go':
        'package web\n\nfunc (h *Handler) showUnreadPage(w http.ResponseWriter, r *http.Request) {}\n',
      'internal/web/orders.go':
        'package web\n\nfunc (h *Handler) cancelOrder(w http.ResponseWriter, r *http.Request) {}\nfunc serveStatic(w http.ResponseWriter, r *http.Request) {}\n',
      'internal/web/orders_test.go': 'package web\n\nfunc (h *Handler) cancelOrder2() {}\n',
      'internal/health/health.go': 'package health\n\nfunc Check(w http.ResponseWriter, r *http.Request) {}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /unread @internal/web/routes.go:10 -> internal/web/unread.go#Handler.showUnreadPage',
      'POST /orders/{id}/cancel @internal/web/routes.go:11 -> internal/web/orders.go#Handler.cancelOrder',
      'ANY /static/ @internal/web/routes.go:12 -> internal/web/orders.go#serveStatic',
      'GET /healthz @internal/web/routes.go:13 -> internal/health/health.go#Check',
      'ANY /legacy @internal/web/routes.go:14 -> internal/web/routes.go',
    ]);
  });

  it('gorilla/mux: Methods() and PathPrefix().Subrouter()', async () => {
    const points = await entryPointsOf({
      'api.go': [
        'package main',
        'import "github.com/gorilla/mux"',
        'func routes(s *Server) {',
        '\tr := mux.NewRouter()',
        '\tapi := r.PathPrefix("/api").Subrouter()',
        '\tv1 := api.PathPrefix("/v1").Subrouter()',
        '\tv1.HandleFunc("/orders", s.listOrders).Methods("GET", "HEAD")',
        '\tr.HandleFunc("/", s.home)',
        '}',
        'func (s *Server) listOrders() {}',
        'func (s *Server) home() {}',
      ].join('\n'),
    });
    assert.deepEqual(summary(points), [
      'GET /api/v1/orders @api.go:7 -> api.go#Server.listOrders',
      'HEAD /api/v1/orders @api.go:7 -> api.go#Server.listOrders',
      'ANY / @api.go:8 -> api.go#Server.home',
    ]);
  });

  it('chi: verbs, Route() nesting and Method()', async () => {
    const points = await entryPointsOf({
      'router.go': [
        'package web',
        'import (',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        'func (h *H) Router() chi.Router {',
        '\tr := chi.NewRouter()',
        '\tr.Get("/", h.index)',
        '\tr.Route("/articles", func(r chi.Router) {',
        '\t\tr.Post("/", h.create)',
        '\t\tr.Route("/{id}", func(sub chi.Router) {',
        '\t\t\tsub.Put("/", h.update)',
        '\t\t})',
        '\t})',
        '\tr.Method("DELETE", "/all", h.purge)',
        '\tcache.Get("/x")',
        '\treturn r',
        '}',
        'func (h *H) index() {}',
        'func (h *H) create() {}',
        'func (h *H) update() {}',
      ].join('\n'),
    });
    assert.deepEqual(summary(points), [
      'GET / @router.go:7 -> router.go#H.index',
      'POST /articles @router.go:9 -> router.go#H.create',
      'PUT /articles/{id} @router.go:11 -> router.go#H.update',
      'DELETE /all @router.go:14 -> router.go',
    ]);
  });

  it('gin and echo: upper-case verbs and groups', async () => {
    const points = await entryPointsOf({
      'gin.go':
        'package a\nimport "github.com/gin-gonic/gin"\nfunc r(e *gin.Engine, c *Ctl) {\n\tv1 := e.Group("/v1")\n\tv1.GET("/users/:id", auth(), c.GetUser)\n\te.Any("/ping", ping)\n}\nfunc ping(c *gin.Context) {}\nfunc (c *Ctl) GetUser(ctx *gin.Context) {}\n',
      'echo/e.go':
        'package e\nimport "github.com/labstack/echo/v4"\nfunc r(e *echo.Echo) {\n\tg := e.Group("/admin")\n\tg.POST("/users", createUser)\n}\n',
    });
    assert.deepEqual(summary(points), [
      'POST /admin/users @echo/e.go:5 -> echo/e.go#createUser',
      'GET /v1/users/:id @gin.go:5 -> gin.go#Ctl.GetUser',
      'ANY /ping @gin.go:6 -> gin.go#ping',
    ]);
  });

  it('finds nothing without a router import, and leaves an ambiguous method unresolved', async () => {
    const points = await entryPointsOf({
      'a/a.go': 'package a\nfunc f(r *Router) {\n\tr.Get("/x", h)\n\tr.HandleFunc("/y", g)\n}\n',
      'b/b.go':
        'package b\nimport "net/http"\nfunc f(h *A) { http.HandleFunc("/z", h.serve) }\nfunc (a *A) serve() {}\nfunc (b *B) serve() {}\n',
    });
    assert.deepEqual(summary(points), ['ANY /z @b/b.go:3 -> b/b.go']);
  });
});

describe('entry points: Go groups handed to registering functions', () => {
  it('gin: users.Register(v1.Group("/users")) prefixes the routes registered on the parameter', async () => {
    const points = await entryPointsOf({
      'main.go':
        'package main\nimport (\n\t"github.com/gin-gonic/gin"\n\t"example.com/app/users"\n)\nfunc main() {\n\tr := gin.Default()\n\tv1 := r.Group("/api")\n\tusers.Register(v1.Group("/users"))\n\tlocal(v1)\n}\nfunc local(g *gin.RouterGroup) {\n\tg.GET("/health", health)\n}\nfunc health(c *gin.Context) {}\n',
      'users/routers.go':
        'package users\nimport "github.com/gin-gonic/gin"\nfunc Register(router *gin.RouterGroup) {\n\trouter.POST("/login", Login)\n}\nfunc Login(c *gin.Context) {}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /api/health @main.go:13 -> main.go#health',
      'POST /api/users/login @users/routers.go:4 -> users/routers.go#Login',
    ]);
  });
});

describe('entry points: Go routers built in one function and mounted in another', () => {
  it('chi: r.Mount("/users", users.Routes()) serves the routes of the router Routes() returns', async () => {
    const points = await entryPointsOf({
      'go.mod': 'module ex.com/app\n',
      'main.go':
        'package main\nimport (\n\t"github.com/go-chi/chi/v5"\n\t"ex.com/app/users"\n)\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Route("/api", func(r chi.Router) {\n\t\tr.Mount("/users", users.Routes())\n\t})\n\tr.Mount("/admin", adminRoutes())\n}\nfunc adminRoutes() chi.Router {\n\tr := chi.NewRouter()\n\tr.Get("/stats", stats)\n\treturn r\n}\nfunc stats() {}\n',
      'users/routes.go':
        'package users\nimport "github.com/go-chi/chi/v5"\nfunc Routes() chi.Router {\n\tr := chi.NewRouter()\n\tr.Get("/{id}", show)\n\treturn r\n}\nfunc show() {}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /admin/stats @main.go:15 -> main.go#stats',
      'GET /api/users/{id} @users/routes.go:5 -> users/routes.go#show',
    ]);
  });

  it('gin: a group kept in a variable and handed to a function, which makes its own groups from it', async () => {
    const points = await entryPointsOf({
      'go.mod': 'module ex.com/app\n',
      'main.go':
        'package main\nimport (\n\t"github.com/gin-gonic/gin"\n\t"ex.com/app/api"\n)\nfunc main() {\n\tr := gin.Default()\n\tv1 := r.Group("/api/v1")\n\tapi.RegisterRoutes(v1)\n}\n',
      'api/routes.go':
        'package api\nimport "github.com/gin-gonic/gin"\nfunc RegisterRoutes(rg *gin.RouterGroup) {\n\tusers := rg.Group("/users")\n\tusers.GET("/:id", show)\n}\nfunc show(c *gin.Context) {}\n',
    });
    assert.deepEqual(summary(points), ['GET /api/v1/users/:id @api/routes.go:5 -> api/routes.go#show']);
  });
});

describe('entry points: a Go group handed to a method of another package', () => {
  it('echo: h.Register(v1) with h := handler.New() or &handler.Handler{} serves its routes under the group', async () => {
    const points = await entryPointsOf({
      'go.mod': 'module ex.com/app\n',
      'main.go':
        'package main\nimport (\n\t"github.com/labstack/echo/v4"\n\t"ex.com/app/handler"\n\t"ex.com/app/admin"\n)\nfunc main() {\n\te := echo.New()\n\tv1 := e.Group("/api")\n\th := handler.New()\n\th.Register(v1)\n\ta := &admin.Admin{}\n\ta.Register(e.Group("/admin"))\n}\n',
      'handler/routes.go':
        'package handler\nimport "github.com/labstack/echo/v4"\nfunc (h *Handler) Register(v1 *echo.Group) {\n\tguestUsers := v1.Group("/users")\n\tguestUsers.POST("/login", h.Login)\n}\n',
      'handler/handler.go':
        'package handler\ntype Handler struct{}\nfunc New() *Handler { return &Handler{} }\nfunc (h *Handler) Login() {}\n',
      'admin/admin.go':
        'package admin\nimport "github.com/labstack/echo/v4"\ntype Admin struct{}\nfunc (a *Admin) Register(g *echo.Group) {\n\tg.GET("/stats", a.stats)\n}\nfunc (a *Admin) stats() {}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /admin/stats @admin/admin.go:5 -> admin/admin.go#Admin.stats',
      'POST /api/users/login @handler/routes.go:5 -> handler/handler.go#Handler.Login',
    ]);
  });
});

describe('entry points: a group made in a file that imports no router package', () => {
  it('r := router.New() (a package of the repository), v1 := r.Group("/api"), h.Register(v1): the routes keep /api', async () => {
    const points = await entryPointsOf({
      'go.mod': 'module ex.com/app\n',
      'main.go':
        'package main\nimport (\n\t"ex.com/app/handler"\n\t"ex.com/app/router"\n)\nfunc main() {\n\tr := router.New()\n\tv1 := r.Group("/api")\n\th := handler.NewHandler()\n\th.Register(v1)\n}\n',
      'router/router.go':
        'package router\nimport "github.com/labstack/echo/v4"\nfunc New() *echo.Echo {\n\treturn echo.New()\n}\n',
      'handler/routes.go':
        'package handler\nimport "github.com/labstack/echo/v4"\ntype Handler struct{}\nfunc NewHandler() *Handler { return &Handler{} }\nfunc (h *Handler) Register(v1 *echo.Group) {\n\ttags := v1.Group("/tags")\n\ttags.GET("", h.Tags)\n}\nfunc (h *Handler) Tags() {}\n',
      // A Group of something else, handed to a function that registers no route: nothing.
      'report/report.go': 'package report\nfunc Build(g string) {}\nfunc run(x Thing) {\n\tBuild(x.Group("/y"))\n}\n',
    });
    assert.deepEqual(summary(points), ['GET /api/tags @handler/routes.go:7 -> handler/routes.go#Handler.Tags']);
  });
});
