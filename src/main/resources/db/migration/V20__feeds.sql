-- What the Atom feeds publish: changes of the method-v4 rankings, and new breakouts, recorded once per data version
-- by the replica that stored its scores (FeedRecorder). Derived data: none of these tables bumps the data version.

-- The last recorded state of every category's v4 ranking at its newest quarter; a new data version is compared to it.
create table feed_state (
    category_id   bigint      not null references category (id) on delete cascade,
    technology_id bigint      not null references technology (id) on delete cascade,
    rank          integer,
    direction     varchar(8),
    tier          integer,
    primary key (category_id, technology_id)
);

-- The data version recorded last. Its row lock orders replicas: one records a version, the others find it done.
create table feed_recorded (
    id           smallint primary key default 1 check (id = 1),
    data_version bigint not null
);
insert into feed_recorded (id, data_version) values (1, 0);

create table feed_entry (
    id             bigint generated always as identity primary key,
    data_version   bigint           not null,
    published_at   timestamptz      not null,
    category_id    bigint           not null references category (id) on delete cascade,
    technology_id  bigint           not null references technology (id) on delete cascade,
    as_of          date             not null,
    kind           varchar(16)      not null
        constraint feed_entry_kind_check check (kind in ('rising', 'fading', 'tier', 'top', 'dropped')),
    rank           integer,
    previous_rank  integer,
    tier           integer,
    previous_tier  integer,
    trend_score    double precision,
    momentum_pct   double precision,
    constraint feed_entry_once unique (data_version, category_id, technology_id, kind)
);
create index feed_entry_category_idx on feed_entry (category_id, id desc);
create index feed_entry_technology_idx on feed_entry (technology_id, id desc);

-- Breakouts as first seen: one entry per universe item, when it first entered the default list of /api/v1/discover.
create table breakout_entry (
    id           bigint generated always as identity primary key,
    data_version bigint           not null,
    published_at timestamptz      not null,
    signal_key   varchar(64)      not null references signal (key) on delete cascade,
    source_key   varchar(200)     not null,
    since        varchar(16)      not null,
    as_of        varchar(16)      not null,
    level_then   double precision not null,
    level_now    double precision not null,
    growth_pct   double precision not null,
    unit         varchar(200)     not null,
    constraint breakout_entry_once unique (signal_key, source_key)
);
