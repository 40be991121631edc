export async function compareWith(_rev: string, _suites: string[], _rounds: number): Promise<void> {}
