from fastapi import APIRouter, HTTPException

from . import refunds, tracking

router = APIRouter(prefix="/orders")


@router.get("/{order_id}/tracking")
def get_tracking(order_id: str) -> dict:
    return tracking.latest_scan(order_id)


@router.post("/{order_id}/refunds")
def request_refund(order_id: str, amount_cents: int) -> dict:
    try:
        return refunds.request(order_id, amount_cents)
    except refunds.RefundNotAllowed as error:
        raise HTTPException(status_code=409, detail=str(error)) from error
