import { PaymentService } from './charge';

// Test files are excluded from the checkout journey by a `!` pattern in cx-map.yaml.
const charge = new PaymentService().charge('o-1', 1250);
if (charge.amountCents !== 1250) throw new Error('charge kept the wrong amount');
