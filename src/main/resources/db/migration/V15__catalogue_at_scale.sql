-- The whole field: more kinds of category, a finer split as an attribute of a technology, source keys that may feed
-- an umbrella concept and its member (the topic docker feeds Containerization and Docker), and the universe of each
-- bundled source (every item it measures, mapped or not), from which the observations of mapped technologies derive.

alter table category drop constraint category_kind_check;
alter table category add constraint category_kind_check
    check (kind in ('language', 'runtime', 'framework', 'architecture', 'database', 'messaging', 'infrastructure',
                    'cloud', 'api'));

-- A finer split within a category (relational, document… databases; hyperscaler, paas… clouds), filterable.
alter table technology add column type varchar(32)
    constraint technology_type_format check (type ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
create index technology_type_idx on technology (type, slug);

-- Survey items are named "<section> | <label>", which can be long.
alter table technology_source_key alter column source_key type varchar(400);
alter table technology_source_key drop constraint technology_source_key_pkey;
alter table technology_source_key add primary key (signal_key, source_key, technology_id);

-- Every item of a bundled source per period, as the source publishes it: the observations of a technology are the
-- sums of its keys' rows (derive_observations), and the items no technology maps are what /discover ranks. Kept apart
-- from observation, so that the scoring tables hold only what is scored.
create table universe_observation (
    signal_key   varchar(64)      not null references signal (key),
    source_key   varchar(400)     not null,
    granularity  varchar(16)      not null,
    period_start date             not null,
    value        double precision not null,
    raw_value    double precision,
    constraint universe_observation_pk primary key (signal_key, source_key, granularity, period_start),
    constraint universe_observation_granularity_check check (granularity in ('month', 'quarter', 'year')),
    constraint universe_observation_value_finite check (value = value and value not in ('Infinity', '-Infinity'))
);
-- /discover reads one signal's items by period.
create index universe_observation_period_idx on universe_observation (signal_key, period_start);

-- The observations of these technologies in every signal that has a universe: the sum of their keys' items per
-- period. Values an upload or a connector wrote (ingestion_id set) are left as they are; derived values that no key
-- gives any more go. Only rows whose value changes are written, so an unchanged mapping changes nothing.
create function derive_observations(technologies bigint[]) returns void language sql as $$
    with derived as (
        -- summed in key order, so that every database adds a technology's keys in the same order, to the last bit
        select k.technology_id, u.signal_key, u.granularity, u.period_start, sum(u.value order by u.source_key) as value,
               sum(u.raw_value order by u.source_key) as raw_value
        from technology_source_key k
        join universe_observation u on u.signal_key = k.signal_key and u.source_key = k.source_key
        where k.technology_id = any(technologies)
        group by k.technology_id, u.signal_key, u.granularity, u.period_start),
    gone as (
        delete from observation o
        where o.technology_id = any(technologies) and o.ingestion_id is null
          and exists (select 1 from universe_observation u where u.signal_key = o.signal_key)
          and not exists (select 1 from derived d where d.technology_id = o.technology_id
                            and d.signal_key = o.signal_key and d.granularity = o.granularity
                            and d.period_start = o.period_start))
    insert into observation (technology_id, signal_key, granularity, period_start, value, raw_value)
    select technology_id, signal_key, granularity, period_start, value, raw_value from derived
    on conflict (technology_id, signal_key, granularity, period_start) do update
        set value = excluded.value, raw_value = excluded.raw_value, ingested_at = now()
        where observation.ingestion_id is null
          and (observation.value, observation.raw_value) is distinct from (excluded.value, excluded.raw_value);
$$;
