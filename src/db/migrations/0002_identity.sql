-- People, permissions and personal data (issue #3): organisation, users, roles, sessions, API
-- tokens, audit log; complaint scope columns; keyed hashes for encrypted personal data.

CREATE TABLE org_units (
  id          uuid PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('branch', 'department', 'leadership_group', 'supervision', 'senior_management')),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE users (
  id                    uuid PRIMARY KEY,
  username              text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name          text NOT NULL,
  email                 text,
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL DEFAULT true,
  active                boolean NOT NULL DEFAULT true,
  failed_logins         integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  password_changed_at   timestamptz NOT NULL,
  last_login_at         timestamptz,
  created_at            timestamptz NOT NULL,
  created_by            text NOT NULL,
  updated_at            timestamptz NOT NULL
);

CREATE TABLE user_roles (
  user_id  uuid NOT NULL REFERENCES users (id),
  role     text NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE user_org_units (
  user_id      uuid NOT NULL REFERENCES users (id),
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (user_id, org_unit_id)
);

-- Server-side sessions: the cookie carries a random token; only its hash is stored.
CREATE TABLE sessions (
  id            text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  name          text NOT NULL,
  prefix        text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  actions       text[] NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  use_count     bigint NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  target_type  text,
  target_id    text,
  ip           text,
  details      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION append_only();

-- Data scope (R-H1): the branch a complaint belongs to and the departments handling it.
ALTER TABLE complaints ADD COLUMN branch_id uuid REFERENCES org_units (id);
ALTER TABLE complaints ADD COLUMN department_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX complaints_branch_id_idx ON complaints (branch_id);
CREATE INDEX complaints_department_ids_idx ON complaints USING gin (department_ids);
CREATE INDEX complaints_created_by_idx ON complaints (created_by);

-- ID document and account numbers are stored encrypted; these keyed hashes find them by exact value.
ALTER TABLE complaints ADD COLUMN complainant_id_number_hash text;
ALTER TABLE complaints ADD COLUMN complainant_account_hash text;
CREATE INDEX complaints_id_number_hash_idx ON complaints (complainant_id_number_hash);
CREATE INDEX complaints_account_hash_idx ON complaints (complainant_account_hash);
