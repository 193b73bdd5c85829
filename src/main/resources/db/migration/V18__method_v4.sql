-- Method v4: each component's multi-year trend (what custom weights recompute momentum from), and each score's
-- intervals, direction, one-year change, rank range and tier (what lists and histories show without the detail).

alter table score_component
    add column trend        float8,
    add column trend_error  float8,
    add column trend_from   date,
    add column trend_to     date,
    add column trend_points integer,
    add constraint score_component_trend_complete check (
        (trend is null) = (trend_error is null) and (trend is null) = (trend_from is null)
        and (trend is null) = (trend_to is null) and (trend is null) = (trend_points is null));

alter table score
    add column recent_change_pct  float8,
    add column popularity_low     float8,
    add column popularity_high    float8,
    add column momentum_low       float8,
    add column momentum_high      float8,
    add column trend_score_low    float8,
    add column trend_score_high   float8,
    add column direction          varchar(8)
        constraint score_direction_check check (direction in ('rising', 'fading', 'steady')),
    add column rank_best          integer,
    add column rank_worst         integer,
    add column tier               integer,
    add column overall_rank_best  integer,
    add column overall_rank_worst integer,
    add column overall_tier       integer,
    -- /score answers are rendered from the components on demand (and kept by the response cache): storing every
    -- technology's answer for every quarter was most of a recompute's writes.
    drop column detail;

-- movers?direction=: one direction of a quarter, by momentum.
create index score_movers_idx on score (method_version, quarter, direction, momentum);
