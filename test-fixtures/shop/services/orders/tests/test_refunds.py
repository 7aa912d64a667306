import pytest

from orders import refunds


def test_rejects_zero_amount():
    with pytest.raises(refunds.RefundNotAllowed):
        refunds.request("ord_1", 0)
