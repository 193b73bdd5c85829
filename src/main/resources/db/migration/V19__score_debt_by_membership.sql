-- Stored scores hold figures by technology id (no names, no attributions, no rendered answers since V18), so a change
-- of the catalogue makes a category's scores stale only when it changes who is in it. Everything else (names,
-- descriptions, aliases, relations, source keys, sources) bumps the data version, which drops cached answers, and no
-- more: a rename no longer recomputes every category. Observations and series breaks make their technologies'
-- categories stale; a signal (its publication lag decides when a value counts) every category, as before.

-- Whether a category's debt includes a change of who is in it: then its scores are recomputed whatever its components
-- do; otherwise a recompute that finds its components unchanged knows its scores are too, and skips them.
alter table score_debt add column members_changed boolean not null default false;

-- A change that only needs cached answers dropped.
create function data_changed() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed) then
        perform next_data_version();
    end if;
    return null;
end;
$$;

-- A technology added or removed: its category's ranks change.
create function technologies_added_or_removed() returns trigger language plpgsql as $$
declare
    bumped bigint;
begin
    if exists (select 1 from changed) then
        bumped := next_data_version();
        insert into score_debt (category_id, data_version, members_changed)
        select distinct c.category_id, bumped, true from changed c
        where exists (select 1 from category k where k.id = c.category_id)
        on conflict (category_id) do update set data_version = excluded.data_version, members_changed = true;
    end if;
    return null;
end;
$$;

-- A technology changed: only a move to another category changes stored scores (both categories').
create function technologies_updated() returns trigger language plpgsql as $$
declare
    bumped bigint;
begin
    if exists (select 1 from new_rows) then
        bumped := next_data_version();
        insert into score_debt (category_id, data_version, members_changed)
        select distinct moved.category_id, bumped, true
        from (select o.category_id from old_rows o join new_rows n on n.id = o.id where n.category_id <> o.category_id
              union
              select n.category_id from old_rows o join new_rows n on n.id = o.id where n.category_id <> o.category_id)
             as moved
        on conflict (category_id) do update set data_version = excluded.data_version, members_changed = true;
    end if;
    return null;
end;
$$;

drop trigger technology_inserted on technology;
drop trigger technology_updated on technology;
drop trigger technology_deleted on technology;
create trigger technology_inserted after insert on technology referencing new table as changed
    for each statement execute function technologies_added_or_removed();
create trigger technology_updated after update on technology referencing old table as old_rows new table as new_rows
    for each statement execute function technologies_updated();
create trigger technology_deleted after delete on technology referencing old table as changed
    for each statement execute function technologies_added_or_removed();

do $$
declare
    name text;
    event text;
begin
    foreach name in array array['category', 'technology_alias', 'technology_relation', 'technology_source_key',
                                'source'] loop
        foreach event in array array['inserted', 'updated', 'deleted'] loop
            execute format('drop trigger %1$s_%2$s on %1$s', name, event);
        end loop;
        execute format('create trigger %1$s_inserted after insert on %1$s referencing new table as changed '
                       'for each statement execute function data_changed()', name);
        execute format('create trigger %1$s_updated after update on %1$s referencing new table as changed '
                       'for each statement execute function data_changed()', name);
        execute format('create trigger %1$s_deleted after delete on %1$s referencing old table as changed '
                       'for each statement execute function data_changed()', name);
    end loop;
end;
$$;

-- A series break changes its technology's growths and trends: its category, as an observation does.
drop trigger series_break_inserted on series_break;
drop trigger series_break_updated on series_break;
drop trigger series_break_deleted on series_break;
create trigger series_break_inserted after insert on series_break referencing new table as changed
    for each statement execute function observations_changed();
create trigger series_break_updated after update on series_break referencing new table as changed
    for each statement execute function observations_changed();
create trigger series_break_deleted after delete on series_break referencing old table as changed
    for each statement execute function observations_changed();
