export interface Caller {
  customerId: string;
  name: string;
  phone: string;
}

/** Finds the customer by the number they call from, so the agent does not have to ask. */
export function findCaller(callers: Caller[], phone: string): Caller | undefined {
  const digits = phone.replace(/\D/g, '');
  return callers.find((c) => c.phone.replace(/\D/g, '') === digits);
}
