-- Collab / PostgreSQL 15 (Npgsql, Orleans invariant "Npgsql")
-- 0002: Orleans 10.4.2 ADO.NET grain persistence contract.
-- Idempotent; no BEGIN/COMMIT (the runner wraps the file in a transaction).
--
-- Parameters bound by Orleans.Persistence.AdoNet (all queries):
--   @GrainIdHash int, @GrainIdN0 bigint, @GrainIdN1 bigint, @GrainTypeHash int,
--   @GrainTypeString text, @GrainIdExtensionString text|null, @ServiceId text
-- plus @GrainStateVersion int|null (write/clear/delete) and @PayloadBinary bytea (write).
-- Optimistic concurrency: version is the grain's ETag; a write/clear/delete that
-- does not match returns no row, which Orleans turns into InconsistentStateException.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_storage
(
    grain_id_hash             integer     NOT NULL,
    grain_id_n0               bigint      NOT NULL,
    grain_id_n1               bigint      NOT NULL,
    grain_type_hash           integer     NOT NULL,
    grain_type_string         text        NOT NULL,
    grain_id_extension_string text        NULL,
    service_id                text        NOT NULL,
    payload_binary            bytea       NULL,
    modified_on               timestamptz NOT NULL DEFAULT now(),
    version                   integer     NULL
);

-- Identity of a state row. Strings go through md5() so arbitrarily long grain
-- types / string keys never hit the btree row-size limit; the hashes lead so
-- that the lookups below use this index.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_identity
    ON orleans_storage (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                        md5(grain_type_string), md5(COALESCE(grain_id_extension_string, '')));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- -> at most one row: PayloadBinary (NULL = no state / cleared), Version.
('ReadFromStorageKey', $q$
SELECT s.payload_binary AS "PayloadBinary",
       s.version        AS "Version"
  FROM orleans_storage s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type_string = @GrainTypeString
   AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
 LIMIT 1;
$q$),

-- -> one row NewGrainStateVersion on success, no row on a version conflict.
-- GrainStateVersion NULL = first write (insert, version 1); otherwise update
-- the row whose version equals it and bump the version.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage s
       SET payload_binary = @PayloadBinary,
           modified_on    = now(),
           version        = s.version + 1
     WHERE @GrainStateVersion IS NOT NULL
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.service_id = @ServiceId
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type_string = @GrainTypeString
       AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_storage
        (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
         grain_id_extension_string, service_id, payload_binary, modified_on, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),

-- ClearStateAsync with DeleteStateOnClear = false (default): keep the row,
-- null the payload, bump the version. -> new version, or no row on conflict.
('ClearStorageKey', $q$
UPDATE orleans_storage s
   SET payload_binary = NULL,
       modified_on    = now(),
       version        = s.version + 1
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type_string = @GrainTypeString
   AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version AS "Version";
$q$),

-- ClearStateAsync with DeleteStateOnClear = true (optional key): delete the
-- row. -> a value different from the old ETag on success, no row on conflict.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type_string = @GrainTypeString
   AND s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "Version";
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
