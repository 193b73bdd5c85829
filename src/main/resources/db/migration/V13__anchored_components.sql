-- Method v3 stores, per component, what its level is a share of and its level on the usage survey's scale (used when
-- a score weights developer_usage), next to its own normalised level (used when it does not).
alter table score_component
    add column level_basis varchar(16) not null default 'universe'
        constraint score_component_level_basis_check check (level_basis in ('universe', 'category', 'published')),
    add column anchored_level float8,
    add column anchored_normalised_level float8;

-- Which implementation of a method version computed the stored scores (ScoringMethod.revision): a new one is
-- recomputed in full at the next start.
alter table score_run add column method_revision varchar(32) not null default '1';
