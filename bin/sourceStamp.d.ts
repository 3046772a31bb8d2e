export const ROOT_DIR: string;
export const DIST_DIR: string;
export const BUILD_INFO: string;
export function sourceStamp(): string;
export function builtStamp(): string | null;
