// Types for paths.mjs.
export const CODE_SERVER_VERSION: string;
export const projectRoot: string;
export const hostDir: string;
export const codeServerDir: string;
export const codeServerEntry: string;
export const completeMarker: string;
export const chromiumPath: string;
