-- The token-encryption key each connection's tokens are encrypted with (key rotation, issue 9). Values written
-- before key ids existed ('v1:' ciphertext) are under the single TOKEN_ENCRYPTION_KEY, whose id is 'legacy'.
alter table connections add column token_key_id text;
update connections set token_key_id = 'legacy' where access_token_enc is not null;
-- the re-encryption job looks for rows not under the current key; the key-usage gauge counts rows per key
create index connections_token_key_id on connections (token_key_id) where token_key_id is not null;
