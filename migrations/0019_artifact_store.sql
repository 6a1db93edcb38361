-- Trained artifacts in PostgreSQL (ARTIFACT_STORE=postgres), so any process of a cluster can load
-- a model another built. Content-addressed throughout: a chunk is named by its SHA-256, a blob by
-- the SHA-256 of all its bytes (the list of its chunks in order), a manifest by the SHA-256 of its
-- text. Rows are never updated; writing what is already there is a no-op. Owned by src/ml.

create table artifact_chunks (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea not null
);

-- Written after all its chunks, so a blob row means the whole blob is readable.
create table artifact_blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint not null check (bytes >= 0),
  chunks text[] not null,
  created_at timestamptz not null default now()
);

create table artifact_manifests (
  hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
  body text not null,
  created_at timestamptz not null default now()
);
