// The first folder has no map: activation must come from the second folder's map.
export const banner = 'Free shipping over 50 EUR';
