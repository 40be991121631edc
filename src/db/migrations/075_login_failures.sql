-- Failed sign-ins per account, so that an account is locked after repeated failures on every
-- server sharing one PostgreSQL (an in-memory count would let each server allow its own).
-- Keyed by the e-mail as typed (lower-cased), whether or not such a user exists: an unknown
-- address is locked the same way, so the lock-out does not tell which addresses have accounts.
-- A successful sign-in removes the row; rows whose window and lock are over mean nothing and are
-- removed by the next failure of the same account (and swept at each sign-in, 500 at a time).
CREATE TABLE login_failures (
  account text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_failures_window ON login_failures (window_start);
