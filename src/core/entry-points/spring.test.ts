import * as assert from 'node:assert/strict';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: Spring', () => {
  it('joins the class @RequestMapping with each method mapping, with and without arguments', async () => {
    const points = await entryPointsOf({
      'src/main/java/shop/OrderController.java': [
        'package shop;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/orders")',
        'public class OrderController {',
        '  @GetMapping',
        '  public List<Order> all() { return null; }',
        '  @GetMapping("/{id}")',
        '  public Order one(@PathVariable long id) { return null; }',
        '  @PostMapping(path = "/bulk")',
        '  public void bulk() {}',
        '  @RequestMapping(value = {"/a", "/b"}, method = RequestMethod.PUT)',
        '  public void ab() {}',
        '  @GetMapping(Paths.COMPUTED)',
        '  public void computed() {}',
        '  public void helper() {}',
        '}',
      ].join('\n'),
      'src/main/java/shop/NotWeb.java':
        'package shop;\nimport com.example.GetMapping;\nclass NotWeb {\n  @GetMapping("/x") void x() {}\n}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /orders @src/main/java/shop/OrderController.java:6 -> src/main/java/shop/OrderController.java#OrderController.all',
      'GET /orders/{id} @src/main/java/shop/OrderController.java:8 -> src/main/java/shop/OrderController.java#OrderController.one',
      'POST /orders/bulk @src/main/java/shop/OrderController.java:10 -> src/main/java/shop/OrderController.java#OrderController.bulk',
      'PUT /orders/a @src/main/java/shop/OrderController.java:12 -> src/main/java/shop/OrderController.java#OrderController.ab',
      'PUT /orders/b @src/main/java/shop/OrderController.java:12 -> src/main/java/shop/OrderController.java#OrderController.ab',
    ]);
  });
});

describe('entry points: Spring mappings declared on an interface', () => {
  it('are served by the controllers that implement it, whose methods are the handlers', async () => {
    const points = await entryPointsOf({
      'src/main/java/shop/api/OrdersApi.java': [
        'package shop.api;',
        'import org.springframework.web.bind.annotation.*;',
        '@RequestMapping("/api/orders")',
        'public interface OrdersApi {',
        '  @GetMapping("/{id}")',
        '  Order show(@PathVariable long id);',
        '  @PostMapping',
        '  Order place(@RequestBody Order order);',
        '}',
      ].join('\n'),
      'src/main/java/shop/web/OrdersController.java': [
        'package shop.web;',
        'import org.springframework.web.bind.annotation.RestController;',
        'import shop.api.OrdersApi;',
        '@RestController',
        'public class OrdersController implements OrdersApi, java.io.Serializable {',
        '  public Order show(long id) { return null; }',
        '  public Order place(Order order) { return order; }',
        '}',
      ].join('\n'),
      // Not a controller: implementing the interface in a client serves nothing.
      'src/main/java/shop/client/OrdersClient.java':
        'package shop.client;\nimport shop.api.OrdersApi;\npublic class OrdersClient implements OrdersApi {\n  public Order show(long id) { return null; }\n}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /api/orders/{id} @src/main/java/shop/api/OrdersApi.java:5 -> src/main/java/shop/web/OrdersController.java#OrdersController.show',
      'POST /api/orders @src/main/java/shop/api/OrdersApi.java:7 -> src/main/java/shop/web/OrdersController.java#OrdersController.place',
    ]);
  });
});
