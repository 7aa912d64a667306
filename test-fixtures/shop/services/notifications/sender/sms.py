MAX_LENGTH = 160


def shipped(order_id: str, carrier: str, tracking_url: str) -> str:
    text = f"Your order {order_id} is on its way with {carrier}: {tracking_url}"
    return text[:MAX_LENGTH]
