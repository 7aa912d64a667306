// What the entry-point detectors find. A detector reads one file's tree and reports plain facts (routes as written,
// handlers as named there); `assembleEntryPoints` then joins the files: router prefixes mounted elsewhere, and the
// file that defines each handler.

export type EntryKind = 'http' | 'graphql' | 'page';

/** How a registration names its handler, as written in the registering file. */
export interface HandlerRef {
  /** The handler's symbol when the file alone tells it (`OrdersController.findOne`, `listOrders`). */
  symbol?: string;
  /** Defined in the registering file itself. */
  local?: boolean;
  /** TS/JS: imported from this module specifier; `imported` is the name exported there (`default` for a default import). */
  from?: string;
  imported?: string;
  /** Go: `h.method` (a method of a value in the same package), `name` (a function of the same package), or `pkg.Name`. */
  goMethod?: string;
  goFunc?: string;
  goImport?: string;
  /** Python: `views.detail` with `views` imported from this module (`.`-relative or absolute). */
  pyModule?: string;
}

/** A class as a file names it: imported from `from` (exported there as `imported`), or defined in the file. */
export interface NestClassRef {
  name: string;
  from?: string;
  imported?: string;
}

/** One registration, as its file shows it. */
export interface FoundEntry {
  kind: EntryKind;
  framework: string;
  /** Upper case (`GET`), `ANY` when the registration takes every method; absent for GraphQL and pages. */
  method?: string;
  /** The path as registered in this file, before any prefix mounted from elsewhere. */
  route?: string;
  /** GraphQL: `Query.orders`, `Mutation.placeOrder`, `Order.items`. */
  operation?: string;
  /** 1-based line of the registration (the call or decorator). */
  line: number;
  handler?: HandlerRef;
  /** TS/JS: the router variable the route is registered on, for prefixes mounted in other files. */
  router?: string;
  /** Flask: the route without its blueprint's own url_prefix, for a mount that replaces that prefix. */
  bareRoute?: string;
  /** Spring: declared on this interface; the controllers implementing it serve the route. */
  springInterface?: string;
}

/** `app.use('/api', router)`: routes of `router` (here, or exported by `from`) are served under `prefix`. */
export interface FoundMount {
  prefix: string;
  /** The mounted router's local name in this file. */
  target: string;
  from?: string;
  imported?: string;
  /** The router it is mounted on, whose own prefix applies too. */
  router?: string;
  /** Python (Django `include('shop.urls')`): the module whose routes are mounted. */
  pyModule?: string;
  /** Flask `register_blueprint(bp, url_prefix=…)`: the given prefix replaces the blueprint's own. */
  replacesOwnPrefix?: boolean;
  /** Python: `target` was imported by name from `pyModule` and may be a submodule (`from blog import urls`). */
  pySubmodule?: boolean;
  /** Go: `users.Register(v1.Group("/users"))` hands a group to a function of this imported package (absent: the same package). */
  goImport?: string;
  /** Go: the mount hands the group to a function, named by `target`. */
  goFunction?: boolean;
  /** Go: …a method (`h.Register(v1)`, `h` a value of the package `goImport`). */
  goMethod?: boolean;
}

export interface EntryFacts {
  entries: FoundEntry[];
  mounts: FoundMount[];
  /** TS/JS: local name of the default export, and exported names, so a mount can find the router it imports. */
  defaultExport?: string;
  /** Go: the methods (`Type.method`) and functions this file defines, to resolve handlers in the package. */
  goMethods?: string[];
  goFuncs?: string[];
  /** Python: top-level functions, for `views.detail`. */
  pyFuncs?: string[];
  /** NestJS: `@Module({ controllers: [...] })` classes of this file and the controllers they declare. */
  nestModules?: { className: string; controllers: NestClassRef[] }[];
  /** NestJS: `RouterModule.register([{ path, module, children }])`, flattened: each module and its full path. */
  nestRoutes?: { path: string; module: NestClassRef }[];
  /** NestJS: `app.setGlobalPrefix('api')` in a file importing @nestjs/core: every controller route is under it. */
  nestGlobalPrefix?: string;
  /** Spring: controllers of this file and the interfaces they implement (by simple name). */
  springControllers?: { className: string; interfaces: string[] }[];
  /** The file imports `next` (evidence for a Next.js page or route found by its path). */
  importsNext?: boolean;
  /** TS/JS: the default export and exported GET, POST… functions, for a Next.js page or route found by its path. */
  nextExports?: { defaultExport?: { line: number; name?: string }; methods: { method: string; line: number }[] };
}

/** An entry point of the repository, resolved. Paths are relative to the repository, with `/`. */
export interface EntryPoint {
  kind: EntryKind;
  framework: string;
  method?: string;
  route?: string;
  operation?: string;
  file: string;
  line: number;
  handler?: string;
  handlerFile: string;
}
