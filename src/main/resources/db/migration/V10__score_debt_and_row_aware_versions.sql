-- Scores follow the data durably: every change records, in the same transaction, which categories' stored scores it
-- made stale; the recompute job clears what it covered. A change that changes no row changes nothing.

-- The categories whose stored scores predate the data, since when, and the newest data version that made them stale.
-- The recompute job deletes the rows whose data_version it has covered; rows made stale meanwhile stay.
create table score_debt (
    category_id  bigint      primary key references category (id) on delete cascade,
    since        timestamptz not null default now(),
    data_version bigint      not null
);

-- Replaces the statement triggers of V9, which bumped the version even when a statement changed no row (an upsert of
-- unchanged values fired both its insert and its update trigger: +2, every cache flushed, scores flagged stale).
-- Transition tables let each trigger see the rows it changed; one trigger per event, as PostgreSQL requires.
drop trigger category_changes on category;
drop trigger technology_changes on technology;
drop trigger technology_alias_changes on technology_alias;
drop trigger technology_relation_changes on technology_relation;
drop trigger technology_source_key_changes on technology_source_key;
drop trigger source_changes on source;
drop trigger signal_changes on signal;
drop trigger observation_changes on observation;
drop function bump_data_version();

-- Bumps the data version; returns the new one.
create function next_data_version() returns bigint language plpgsql as $$
declare
    bumped bigint;
begin
    update data_version set version = version + 1, changed_at = now() where id = 1 returning version into bumped;
    perform pg_notify('tech_trends_data', 'data');
    return bumped;
end;
$$;

-- The catalogue, sources and signals: names, memberships and attributions show in every category's scores.
create function catalogue_changed() returns trigger language plpgsql as $$
declare
    bumped bigint;
begin
    if exists (select 1 from changed) then
        bumped := next_data_version();
        insert into score_debt (category_id, data_version)
        select id, bumped from category
        on conflict (category_id) do update set data_version = excluded.data_version;
    end if;
    return null;
end;
$$;

-- Observations: only the categories of the technologies whose values changed.
create function observations_changed() returns trigger language plpgsql as $$
declare
    bumped bigint;
begin
    if exists (select 1 from changed) then
        bumped := next_data_version();
        insert into score_debt (category_id, data_version)
        select distinct t.category_id, bumped from changed c join technology t on t.id = c.technology_id
        on conflict (category_id) do update set data_version = excluded.data_version;
    end if;
    return null;
end;
$$;

do $$
declare
    name text;
begin
    foreach name in array array['category', 'technology', 'technology_alias', 'technology_relation',
                                'technology_source_key', 'source', 'signal'] loop
        execute format('create trigger %1$s_inserted after insert on %1$s referencing new table as changed '
                       'for each statement execute function catalogue_changed()', name);
        execute format('create trigger %1$s_updated after update on %1$s referencing new table as changed '
                       'for each statement execute function catalogue_changed()', name);
        execute format('create trigger %1$s_deleted after delete on %1$s referencing old table as changed '
                       'for each statement execute function catalogue_changed()', name);
    end loop;
end;
$$;

create trigger observation_inserted after insert on observation referencing new table as changed
    for each statement execute function observations_changed();
create trigger observation_updated after update on observation referencing new table as changed
    for each statement execute function observations_changed();
create trigger observation_deleted after delete on observation referencing old table as changed
    for each statement execute function observations_changed();

-- Whatever was stored before this migration is recomputed once.
insert into score_debt (category_id, data_version) select id, (select version from data_version) from category;
