-- Collab / SQLite (Microsoft.Data.Sqlite; Orleans invariant "System.Data.SQLite")
-- 0001: Orleans 10.4.2 ADO.NET grain persistence contract.
--
-- Idempotent. Run this file as ONE command in autocommit mode (do NOT wrap it in
-- BeginTransaction): "PRAGMA journal_mode=WAL" cannot switch modes inside a
-- transaction. WAL is stored in the database file, so it only has to succeed
-- once per file; every statement below is idempotent, so a failed run is healed
-- by running the file again.
-- Needs SQLite >= 3.35 (RETURNING, UPSERT); Microsoft.Data.Sqlite bundles one.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_storage
(
    grain_id_hash             INTEGER NOT NULL,
    grain_id_n0               INTEGER NOT NULL,
    grain_id_n1               INTEGER NOT NULL,
    grain_type_hash           INTEGER NOT NULL,
    grain_type_string         TEXT    NOT NULL,
    grain_id_extension_string TEXT    NULL,
    service_id                TEXT    NOT NULL,
    payload_binary            BLOB    NULL,
    modified_on               TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version                   INTEGER NULL
);

-- Identity of a state row (NULL extension folded to '' so it stays unique).
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_identity
    ON orleans_storage (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                        grain_type_string, IFNULL(grain_id_extension_string, ''));

-- Query texts. Parameters and semantics are the same as in the PostgreSQL
-- script; "IS" is SQLite's NULL-safe equality. Statements without RETURNING
-- produce no result set, so Orleans only sees the rows it expects.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT s.payload_binary AS PayloadBinary,
       s.version        AS Version
  FROM orleans_storage s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type_string = @GrainTypeString
   AND s.grain_id_extension_string IS @GrainIdExtensionString
 LIMIT 1;
'),
-- Two statements, at most one of which returns a row (NewGrainStateVersion):
-- update-with-version-check, or first insert. No row = version conflict.
('WriteToStorageKey', '
UPDATE orleans_storage
   SET payload_binary = @PayloadBinary,
       modified_on    = CURRENT_TIMESTAMP,
       version        = version + 1
 WHERE @GrainStateVersion IS NOT NULL
   AND grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type_string = @GrainTypeString
   AND grain_id_extension_string IS @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
INSERT INTO orleans_storage
    (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
     grain_id_extension_string, service_id, payload_binary, modified_on, version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
       @GrainIdExtensionString, @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
 WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
'),
('ClearStorageKey', '
UPDATE orleans_storage
   SET payload_binary = NULL,
       modified_on    = CURRENT_TIMESTAMP,
       version        = version + 1
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type_string = @GrainTypeString
   AND grain_id_extension_string IS @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS Version;
'),
('DeleteStorageKey', '
DELETE FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type_string = @GrainTypeString
   AND grain_id_extension_string IS @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS Version;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
