-- What each replica's gateway windows counted, one row per replica, model and completed second. Gateway batches
-- are spread over the replicas, so each replica judges a model on its own counts plus the other replicas' rows
-- (GatewayWindowSharing). Rows older than the detection window are deleted; nothing here needs a backup.
CREATE TABLE gateway_second (
    replica          VARCHAR(64)   NOT NULL,
    model            VARCHAR(200)  NOT NULL,
    epoch_second     BIGINT        NOT NULL,
    requests         INT           NOT NULL,
    provider_errors  INT           NOT NULL,
    capacity_errors  INT           NOT NULL,
    our_side_errors  INT           NOT NULL,
    slow             INT           NOT NULL,
    latency          VARCHAR(2000) NOT NULL,   -- the latency histogram, sparse: bucket:count,bucket:count
    PRIMARY KEY (replica, model, epoch_second)
);
CREATE INDEX gateway_second_at ON gateway_second (epoch_second);
