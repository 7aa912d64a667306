/** The storefront is a Next.js app: its pages are src/pages/**. */
export default { reactStrictMode: true };
