// Why a write was refused: nobody is signed in, or the signed-in viewer may not do this. The access
// layer knows nothing of HTTP; the API renders these as 401 and 403 (server/errors.ts asAppError).
export class AccessDeniedError extends Error {
  constructor(
    readonly reason: 'unauthorized' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

export const SIGN_IN_MESSAGE = 'Sign in, or send an API token as "Authorization: Bearer <token>".';

export const accessDenied = {
  unauthorized: (message = SIGN_IN_MESSAGE) => new AccessDeniedError('unauthorized', message),
  forbidden: (message: string) => new AccessDeniedError('forbidden', message),
};
