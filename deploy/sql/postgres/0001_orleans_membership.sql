-- Collab / PostgreSQL 15 (Npgsql, Orleans invariant "Npgsql")
-- 0001: Orleans 10.4.2 ADO.NET clustering (membership) contract.
--
-- Written for Collab. The only names fixed by Orleans are the table
-- OrleansQuery(QueryKey, QueryText), the query keys, the @parameter names
-- the provider binds, and the result column names it reads; the storage
-- tables/functions below are our own design.
--
-- Idempotent: safe to run again; re-running replaces query texts/functions.
-- No BEGIN/COMMIT here: the migration runner wraps each file in one
-- transaction (plus an advisory lock) and records collab_schema_version.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster (Orleans "DeploymentId" = ClusterOptions.ClusterId).
-- version is the membership table etag; every membership write bumps it.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

-- One row per silo incarnation (address, port, generation).
-- Timestamps are timestamptz: Npgsql sends Orleans' UTC DateTime values as
-- timestamptz, so no session-TimeZone conversion can shift them.
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150) NOT NULL
                    REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Insert a silo row guarded by the table version (optimistic concurrency).
-- Returns true only when the version matched AND the row was new; otherwise
-- nothing is changed (inner block = savepoint) and false is returned.
CREATE OR REPLACE FUNCTION collab_orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE orleans_membership_version
           SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment_id
           AND version = p_version;
        IF NOT FOUND THEN
            RAISE SQLSTATE 'CB001';
        END IF;

        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name,
             status, proxy_port, start_time, i_am_alive_time)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
             p_status, COALESCE(p_proxy_port, 0), p_start_time, p_i_am_alive_time);
        RETURN true;
    EXCEPTION
        WHEN SQLSTATE 'CB001' OR unique_violation THEN
            RETURN false;
    END;
END
$$;

-- Update status / suspicions of an existing silo row, guarded by the version.
CREATE OR REPLACE FUNCTION collab_orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        UPDATE orleans_membership_version
           SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment_id
           AND version = p_version;
        IF NOT FOUND THEN
            RAISE SQLSTATE 'CB001';
        END IF;

        UPDATE orleans_membership
           SET status          = p_status,
               suspect_times   = p_suspect_times,
               i_am_alive_time = GREATEST(i_am_alive_time, p_i_am_alive_time)
         WHERE deployment_id = p_deployment_id
           AND address = p_address
           AND port = p_port
           AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE SQLSTATE 'CB001';
        END IF;
        RETURN true;
    EXCEPTION
        WHEN SQLSTATE 'CB001' THEN
            RETURN false;
    END;
END
$$;

-- ---------------------------------------------------------------------------
-- Query texts executed by Orleans.Clustering.AdoNet 10.4.2.
-- Result column names are quoted so they come back exactly as Orleans reads them.
-- ---------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- (DeploymentId) -> one boolean: true if the version row was created now.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted";
$q$),

-- (DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
--  ProxyPort, StartTime, IAmAliveTime, Version) -> one boolean.
('InsertMembershipKey', $q$
SELECT collab_orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$),

-- (DeploymentId, Address, Port, Generation, Status, SuspectTimes,
--  IAmAliveTime, Version) -> one boolean.
('UpdateMembershipKey', $q$
SELECT collab_orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated";
$q$),

-- (DeploymentId, Address, Port, Generation, IAmAliveTime); no version bump,
-- never moves the heartbeat backwards.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$q$),

-- (DeploymentId, Address, Port, Generation) -> always >= 1 row when the
-- version row exists: the version, plus the silo columns (NULL if no silo row).
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$q$),

-- (DeploymentId) -> version row joined with every silo row.
('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$q$),

-- (DeploymentId, Status = 3/Active) -> Address, ProxyPort, Generation.
('GatewaysQueryKey', $q$
SELECT m.address    AS "Address",
       m.proxy_port AS "ProxyPort",
       m.generation AS "Generation"
  FROM orleans_membership m
 WHERE m.deployment_id = @DeploymentId
   AND m.status = @Status
   AND m.proxy_port > 0;
$q$),

-- (DeploymentId): drop the whole cluster's membership.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Required by the 10.4.2 start-up check; only used when
-- CleanupDefunctSiloEntryKey is absent. (DeploymentId, IAmAliveTime = cutoff):
-- prune Dead (6) rows that started and last beat before the cutoff and carry
-- no suspicion votes.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
   AND COALESCE(suspect_times, '') = '';
$q$),

-- Optional in 10.4.2 (used when present): delete ONE Dead row only if it
-- still holds exactly the values the provider just read.
-- (DeploymentId, Address, Port, Generation, SuspectTimes, StartTime, IAmAliveTime)
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
