-- Stored scores, and the data version that tells readers (ETags) and the score job when anything changed.

-- One row, bumped by every statement that changes the catalogue or the observations. Scores are derived data and
-- do not bump it; they remember the version they were computed from (score_run.data_version).
create table data_version (
    id         smallint    primary key default 1 check (id = 1),
    version    bigint      not null,
    changed_at timestamptz not null
);
insert into data_version (id, version, changed_at) values (1, 1, now());

-- Every replica listens on tech_trends_data, so cached responses are dropped within milliseconds of a change.
create function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1, changed_at = now() where id = 1;
    perform pg_notify('tech_trends_data', 'data');
    return null;
end;
$$;

create trigger category_changes after insert or update or delete on category
    for each statement execute function bump_data_version();
create trigger technology_changes after insert or update or delete on technology
    for each statement execute function bump_data_version();
create trigger technology_alias_changes after insert or update or delete on technology_alias
    for each statement execute function bump_data_version();
create trigger technology_relation_changes after insert or update or delete on technology_relation
    for each statement execute function bump_data_version();
create trigger technology_source_key_changes after insert or update or delete on technology_source_key
    for each statement execute function bump_data_version();
create trigger source_changes after insert or update or delete on source
    for each statement execute function bump_data_version();
create trigger signal_changes after insert or update or delete on signal
    for each statement execute function bump_data_version();
create trigger observation_changes after insert or update or delete on observation
    for each statement execute function bump_data_version();

-- The last computation per method version: which data it saw and which quarter is the default asOf.
create table score_run (
    method_version varchar(16) primary key,
    data_version   bigint      not null,
    first_quarter  date        not null,
    as_of          date        not null,
    computed_at    timestamptz not null,
    duration_ms    integer     not null
);

create function notify_scores_stored() returns trigger language plpgsql as $$
begin
    perform pg_notify('tech_trends_data', 'scores');
    return null;
end;
$$;
create trigger score_run_changes after insert or update on score_run
    for each statement execute function notify_scores_stored();

-- Per-signal levels and growths (stage 1 of the method): what custom weights are recomputed from.
create table score_component (
    method_version   varchar(16)      not null,
    category_id      bigint           not null references category (id) on delete cascade,
    quarter          date             not null,
    technology_id    bigint           not null references technology (id) on delete cascade,
    signal_key       varchar(64)      not null references signal (key),
    data_quarter     date             not null,
    share            double precision,
    level            double precision,
    normalised_level double precision,
    growth           double precision,
    primary key (method_version, category_id, quarter, technology_id, signal_key)
);
create index score_component_technology_idx on score_component (method_version, technology_id, quarter);

-- Scores with the default weights, per technology and quarter; detail is the full /score response body.
create table score (
    method_version      varchar(16)      not null,
    technology_id       bigint           not null references technology (id) on delete cascade,
    quarter             date             not null,
    category_id         bigint           not null references category (id) on delete cascade,
    popularity          double precision,
    momentum            double precision,
    momentum_pct        double precision,
    trend_score         double precision,
    trend_score_delta   double precision,
    coverage            double precision not null,
    confidence          varchar(16)      not null,
    stage               varchar(16),
    rank                integer,
    rank_change         integer,
    overall_rank        integer,
    overall_rank_change integer,
    -- Text, not jsonb: served byte for byte as stored, with the field order of the computed answers.
    detail              text             not null,
    primary key (method_version, technology_id, quarter)
);
-- rankings?category= (ordered by rank), rankings and movers across categories.
create index score_category_quarter_idx on score (method_version, category_id, quarter, rank);
create index score_quarter_idx on score (method_version, quarter, overall_rank);
