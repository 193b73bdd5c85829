-- Method v3 stores, per component, what its level is a share of and its level on the usage survey's scale (used when
-- a score weights developer_usage), next to its own normalised level (used when it does not).
alter table score_component
    add column level_basis varchar(16) not null default 'universe'
        constraint score_component_level_basis_check check (level_basis in ('universe', 'category', 'published')),
    add column anchored_level float8,
    add column anchored_normalised_level float8;
