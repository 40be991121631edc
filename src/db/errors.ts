// The data layer's own error: a value handed to it (a cursor, an id) that it cannot use. It knows
// nothing of HTTP; the API renders it as a 422 naming the field (server/errors.ts asAppError).
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
