from dataclasses import dataclass

REFUND_WINDOW_DAYS = 30


class RefundNotAllowed(Exception):
    pass


@dataclass
class RefundRequest:
    order_id: str
    amount_cents: int
    status: str = "pending"


def request(order_id: str, amount_cents: int) -> dict:
    if amount_cents <= 0:
        raise RefundNotAllowed("the amount must be positive")
    refund = RefundRequest(order_id=order_id, amount_cents=amount_cents)
    # Refunds are reviewed by a batch job every night before payments issues them.
    return {"order_id": refund.order_id, "status": refund.status}
