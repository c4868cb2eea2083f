export function webIsStale(): boolean;
export function buildWebIfStale(): void;
