-- One open incident per provider, enforced by the database: each provider with an open incident has one row
-- here naming it, so a second open incident for the same provider cannot be written, whichever replica tries.
CREATE TABLE open_incident_provider (
    provider_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    incident_id  BIGINT       NOT NULL REFERENCES incident (id)
);

-- Opening or joining an incident takes this row's lock first, so concurrent signals for one provider queue up
-- and the later ones join the incident the first one opened instead of failing on the constraint above.
CREATE TABLE incident_opening_lock (
    id     INT    NOT NULL PRIMARY KEY,
    opens  BIGINT NOT NULL
);
INSERT INTO incident_opening_lock (id, opens) VALUES (1, 0);
