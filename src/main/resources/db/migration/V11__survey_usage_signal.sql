-- The Stack Overflow Developer Survey as the signal developer_usage (src/main/resources/data/stackoverflow-survey):
-- yearly values, published months after their period starts, in series whose questions change over the years.

alter table signal drop constraint signal_granularity_check;
alter table signal add constraint signal_granularity_check check (native_granularity in ('month', 'quarter', 'year'));
alter table observation drop constraint observation_granularity_check;
alter table observation add constraint observation_granularity_check
    check (granularity in ('month', 'quarter', 'year'));

-- A survey edition of 2024 covers the year 2024 but is known from its release in July: a score of 2024-Q2 must not
-- use it. 0 for values known within their period.
alter table signal add column publication_lag_months integer not null default 0
    constraint signal_publication_lag_check check (publication_lag_months between 0 and 24);

-- Where a technology's series is not comparable with its previous period (the source changed the item's label or
-- the question it sits in): no growth is computed across it. Data, so that a new break is a row, not code.
create table series_break (
    signal_key    varchar(64) not null references signal (key) on delete cascade,
    technology_id bigint      not null references technology (id) on delete cascade,
    period_start  date        not null,
    reason        text        not null,
    constraint series_break_pk primary key (signal_key, technology_id, period_start)
);
create index series_break_technology_idx on series_break (technology_id);

create trigger series_break_inserted after insert on series_break referencing new table as changed
    for each statement execute function catalogue_changed();
create trigger series_break_updated after update on series_break referencing new table as changed
    for each statement execute function catalogue_changed();
create trigger series_break_deleted after delete on series_break referencing old table as changed
    for each statement execute function catalogue_changed();

insert into source (id, name, publisher, url, licence, licence_url, attribution, version, retrieved_at) values
('stackoverflow-survey', 'Stack Overflow Developer Survey: technologies developers used in the past year',
 'Stack Overflow (Stack Exchange Inc.)', 'https://survey.stackoverflow.co/', 'ODbL 1.0',
 'https://opendatacommons.org/licenses/odbl/1-0/',
 'Stack Overflow Developer Survey 2013–2024, Stack Overflow (Stack Exchange Inc.), licensed under ODbL 1.0; usage shares compiled by Tech Trends API (Derivative Database, ODbL 1.0).',
 'github.com/StackExchange/Survey packages/archive (2017–2024 @ e8c73fd6 and ff9aef06); 2013–2016 via github.com/hanggrian/stackoverflow-survey-chart @ 196a60f',
 date '2026-07-01');

insert into signal (key, source_id, unit, native_granularity, description, min_value, max_value,
                    publication_lag_months) values
('developer_usage', 'stackoverflow-survey', 'percent of respondents', 'year',
 'Developer usage: percent of all Stack Overflow Developer Survey respondents answering the question who used the technology in the past year (extensive development work), one value per edition. Published mid-year, so an edition counts from the quarter after its release (July). Multi-select: percentages of different items cannot be summed. The raw value is the number of respondents to the question, where the source gives it.',
 0, 100, 6);

-- Survey labels → technologies. Left out on purpose (see README "Data sources"): "Spring Framework" (2023–2024, the
-- framework under Spring Boot: the series of "Spring" continues as Spring Boot), "ASP.NET" (the .NET Framework
-- edition, not ASP.NET Core), "Kubernetes" (Docker alone stands for containerization: multi-select shares cannot be
-- summed), "TensorFlow" and "Torch/PyTorch" (libraries, not AI development as a whole).
insert into technology_source_key (signal_key, source_key, technology_id)
select 'developer_usage', m.label, t.id
from (values
    ('PHP', 'php'), ('Python', 'python'), ('Java', 'java'), ('JavaScript', 'javascript'), ('Ruby', 'ruby'),
    ('TypeScript', 'typescript'), ('Go', 'go'), ('C#', 'csharp'), ('Kotlin', 'kotlin'), ('Rust', 'rust'),
    ('Node.js', 'nodejs'), ('Deno', 'deno'), ('Bun', 'bun'),
    ('NestJS', 'nestjs'), ('Ruby on Rails', 'ruby-on-rails'), ('Express', 'express'), ('Django', 'django'),
    ('Flask', 'flask'), ('FastAPI', 'fastapi'), ('Spring', 'spring-boot'), ('Spring Boot', 'spring-boot'),
    ('Laravel', 'laravel'), ('Quarkus', 'quarkus'), ('ASP.NET Core', 'aspnet-core'), ('ASP.NET CORE', 'aspnet-core'),
    ('Docker', 'containerization'), ('Serverless', 'serverless'),
    ('PostgreSQL', 'postgresql'), ('MySQL', 'mysql'), ('MongoDB', 'mongodb'), ('Redis', 'redis')
) as m (label, slug)
join technology t on t.slug = m.slug;

-- Editions whose item is not comparable with the previous edition's (PROVENANCE.md, Caveats).
insert into series_break (signal_key, technology_id, period_start, reason)
select 'developer_usage', t.id, make_date(b.edition, 1, 1), b.reason
from (values
    ('javascript', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('python', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('java', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('csharp', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('php', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('ruby', 2017, 'one question per category from 2017; 2013–2016 was one list of languages and technologies'),
    ('nodejs', 2017, 'one question per category from 2017; Node.js in the frameworks question'),
    ('nodejs', 2019, 'web frameworks asked apart from other frameworks, libraries and tools from 2019'),
    ('nodejs', 2021, 'Node.js asked in the language question'),
    ('nodejs', 2022, 'Node.js asked in the web frameworks and technologies question'),
    ('django', 2019, 'web frameworks asked apart from other frameworks and libraries from 2019'),
    ('spring-boot', 2019, '"Spring" asked in the web frameworks question (2018: frameworks, libraries and tools)'),
    ('spring-boot', 2022, '"Spring" asked in the other frameworks question'),
    ('spring-boot', 2023, '"Spring Boot" asked for the first time, apart from "Spring Framework"'),
    ('deno', 2022, 'Deno asked in the web frameworks question (2021: tools)'),
    ('containerization', 2021, 'Docker asked in the tools question (2019–2020: platforms)'),
    ('containerization', 2022, 'the tools question became developer tools, on another base'),
    ('containerization', 2023, 'the tools question re-scoped to tools for compiling, building and testing')
) as b (slug, edition, reason)
join technology t on t.slug = b.slug;
