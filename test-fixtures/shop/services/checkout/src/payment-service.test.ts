import { PaymentService } from './payment-service';

describe('PaymentService', () => {
  it('is constructed with the payments URL', () => {
    const service = new PaymentService('http://payments.internal');
    if (!service) throw new Error('no service');
  });
});
