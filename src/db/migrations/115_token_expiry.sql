-- API tokens may carry an expiry: after it the token is refused like an unknown one.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
