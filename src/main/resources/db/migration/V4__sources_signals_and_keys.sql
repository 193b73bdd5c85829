-- The bundled sources (see src/main/resources/data/*/PROVENANCE.md), their signals, and how each catalogue
-- technology is named in each signal. Technologies absent here (Quarkus everywhere; Deno and Bun outside
-- GitHub topics) have no data in that signal: they are left unmapped, never filled in.

insert into source (id, name, publisher, url, licence, licence_url, attribution, version, retrieved_at) values
('pypl', 'PYPL PopularitY of Programming Language index (languages and databases)', 'Pierre Carbonnelle',
 'https://pypl.github.io/PYPL.html', 'CC BY 3.0', 'https://creativecommons.org/licenses/by/3.0/',
 'PYPL PopularitY of Programming Language index, Pierre Carbonnelle, https://pypl.github.io/PYPL.html (data files PYPL/All.js and DB/All.js from github.com/pypl/pypl.github.io @ e17e0c1), licensed CC BY 3.0. Values converted to monthly CSV by Tech Trends API.',
 'github.com/pypl/pypl.github.io@e17e0c1667b91e8b9137f573572595d7750513a6', date '2026-07-01'),
('stackoverflow', 'Stack Overflow questions per tag (Stack Exchange Data Explorer)', 'Stack Exchange, Inc.',
 'https://data.stackexchange.com/stackoverflow/query/675441', 'CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/',
 'Stack Overflow question counts by tag and month, from the Stack Exchange Data Explorer (query 675441, extract of 2026-01 via github.com/Karim-Farhat/Stack-Overflow-Programming-Languages-Trend-Analysis @ 087b938), licensed CC BY-SA 4.0. https://stackoverflow.com',
 'github.com/Karim-Farhat/Stack-Overflow-Programming-Languages-Trend-Analysis@087b9381de34a51aa71358075422ffd17528431e', date '2026-01-17'),
('github-innovation-graph', 'GitHub Innovation Graph (languages and repository topics)', 'GitHub',
 'https://innovationgraph.github.com/', 'CC0 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/',
 'GitHub Innovation Graph, version 1.0.9 (2026-01-28), GitHub, https://github.com/github/innovationgraph (CC0-1.0). languages.csv @ 8f7b24a, topics.csv @ 882cd69.',
 'github.com/github/innovationgraph: languages.csv@8f7b24a39d386e63bbeae067ac5185158c19996c, topics.csv@882cd69904170d39bb25205543fb34c813bed9f5', date '2026-03-26'),
('hn-hiring-trends', 'HN Hiring Trends: technology mentions in Hacker News "Who is hiring?" postings', 'Ryan Williams',
 'https://www.hnhiringtrends.com', 'MIT', 'https://opensource.org/license/mit',
 'Hacker News "Who is hiring?" technology mention counts from HN Hiring Trends by Ryan Williams (github.com/ryanwi/hiringtrends, web/data/data-20240501.js @ c062e6e), MIT License. Aggregated to month/quarter tables by Tech Trends API.',
 'github.com/ryanwi/hiringtrends@c062e6e3db9ef51f820e9e1782e976b30f742dea', date '2024-06-14');

insert into signal (key, source_id, unit, native_granularity, description, min_value, max_value) values
('search_interest', 'pypl', 'share of "<name> tutorial" Google searches among the tracked languages (or databases)', 'month',
 'Learning interest: PYPL''s share of Google searches for "<language> tutorial" (databases: the database name), 6-month smoothed, worldwide. Languages and databases are separate universes, each summing to 1.', 0, 1),
('qa_questions', 'stackoverflow', 'share of the month''s questions among the 14 listed tags', 'month',
 'Q&A activity: Stack Overflow questions created in the month carrying the tag, as a share of the questions of the 14 tags in the extract. The raw value is the question count.', 0, 1),
('github_language_developers', 'github-innovation-graph', 'share of developer-language pairs', 'quarter',
 'Developers who pushed to repositories of the language in the quarter, summed over economies, as a share of all developer-language pairs. Dockerfile, Solidity and Jupyter Notebook stand in for containerization, blockchain and AI. The raw value is the developer count.', 0, 1),
('github_topic_developers', 'github-innovation-graph', 'share of developer-topic pairs', 'quarter',
 'Developers who pushed to repositories labelled with the topic in the quarter, summed over economies, as a share of all developer-topic pairs. Several topics of one technology are summed (an upper bound). The raw value is the developer count.', 0, 1),
('job_postings', 'hn-hiring-trends', 'share of the month''s "Who is hiring?" postings that mention the term', 'month',
 'Startup hiring demand: share of top-level postings in the Hacker News "Who is hiring?" thread that mention the technology''s lead term (terms overlap, so one lead term per technology). Months with fewer than 100 postings are left out. The raw value is the number of postings.', 0, 1);

-- (technology slug, signal, source key); read by the bundled-data import and shown on /technologies/{slug}.
insert into technology_source_key (signal_key, source_key, technology_id)
select m.signal_key, m.source_key, t.id
from (values
    ('search_interest', 'PHP', 'php'), ('search_interest', 'Python', 'python'), ('search_interest', 'Java', 'java'),
    ('search_interest', 'JavaScript', 'javascript'), ('search_interest', 'Ruby', 'ruby'),
    ('search_interest', 'TypeScript', 'typescript'), ('search_interest', 'Go', 'go'), ('search_interest', 'C#', 'csharp'),
    ('search_interest', 'Kotlin', 'kotlin'), ('search_interest', 'Rust', 'rust'),
    ('search_interest', 'PostgreSQL', 'postgresql'), ('search_interest', 'MySQL', 'mysql'),
    ('search_interest', 'MongoDB', 'mongodb'), ('search_interest', 'Redis', 'redis'),

    ('qa_questions', 'php', 'php'), ('qa_questions', 'python', 'python'), ('qa_questions', 'java', 'java'),
    ('qa_questions', 'javascript', 'javascript'), ('qa_questions', 'ruby', 'ruby'), ('qa_questions', 'go', 'go'),
    ('qa_questions', 'c#', 'csharp'),

    ('github_language_developers', 'PHP', 'php'), ('github_language_developers', 'Python', 'python'),
    ('github_language_developers', 'Java', 'java'), ('github_language_developers', 'JavaScript', 'javascript'),
    ('github_language_developers', 'Ruby', 'ruby'), ('github_language_developers', 'TypeScript', 'typescript'),
    ('github_language_developers', 'Go', 'go'), ('github_language_developers', 'C#', 'csharp'),
    ('github_language_developers', 'Kotlin', 'kotlin'), ('github_language_developers', 'Rust', 'rust'),
    ('github_language_developers', 'Dockerfile', 'containerization'),
    ('github_language_developers', 'Solidity', 'blockchain'),
    ('github_language_developers', 'Jupyter Notebook', 'artificial-intelligence'),

    ('github_topic_developers', 'php', 'php'), ('github_topic_developers', 'python', 'python'),
    ('github_topic_developers', 'java', 'java'), ('github_topic_developers', 'javascript', 'javascript'),
    ('github_topic_developers', 'typescript', 'typescript'), ('github_topic_developers', 'ruby', 'ruby'),
    ('github_topic_developers', 'golang', 'go'), ('github_topic_developers', 'go', 'go'),
    ('github_topic_developers', 'csharp', 'csharp'), ('github_topic_developers', 'dotnet', 'csharp'),
    ('github_topic_developers', 'kotlin', 'kotlin'), ('github_topic_developers', 'rust', 'rust'),
    ('github_topic_developers', 'nodejs', 'nodejs'), ('github_topic_developers', 'node', 'nodejs'),
    ('github_topic_developers', 'node-js', 'nodejs'),
    ('github_topic_developers', 'deno', 'deno'), ('github_topic_developers', 'bun', 'bun'),
    ('github_topic_developers', 'nestjs', 'nestjs'),
    ('github_topic_developers', 'rails', 'ruby-on-rails'), ('github_topic_developers', 'ruby-on-rails', 'ruby-on-rails'),
    ('github_topic_developers', 'express', 'express'), ('github_topic_developers', 'expressjs', 'express'),
    ('github_topic_developers', 'django', 'django'), ('github_topic_developers', 'flask', 'flask'),
    ('github_topic_developers', 'fastapi', 'fastapi'), ('github_topic_developers', 'spring-boot', 'spring-boot'),
    ('github_topic_developers', 'laravel', 'laravel'),
    ('github_topic_developers', 'asp-net-core', 'aspnet-core'), ('github_topic_developers', 'aspnetcore', 'aspnet-core'),
    ('github_topic_developers', 'microservices', 'microservices'),
    ('github_topic_developers', 'microservice', 'microservices'),
    ('github_topic_developers', 'serverless', 'serverless'), ('github_topic_developers', 'aws-lambda', 'serverless'),
    ('github_topic_developers', 'docker', 'containerization'),
    ('github_topic_developers', 'kubernetes', 'containerization'),
    ('github_topic_developers', 'k8s', 'containerization'),
    ('github_topic_developers', 'containers', 'containerization'),
    ('github_topic_developers', 'blockchain', 'blockchain'), ('github_topic_developers', 'ethereum', 'blockchain'),
    ('github_topic_developers', 'web3', 'blockchain'),
    ('github_topic_developers', 'machine-learning', 'artificial-intelligence'),
    ('github_topic_developers', 'deep-learning', 'artificial-intelligence'),
    ('github_topic_developers', 'ai', 'artificial-intelligence'),
    ('github_topic_developers', 'llm', 'artificial-intelligence'),
    ('github_topic_developers', 'artificial-intelligence', 'artificial-intelligence'),
    ('github_topic_developers', 'generative-ai', 'artificial-intelligence'),
    ('github_topic_developers', 'postgresql', 'postgresql'), ('github_topic_developers', 'postgres', 'postgresql'),
    ('github_topic_developers', 'mysql', 'mysql'), ('github_topic_developers', 'mongodb', 'mongodb'),
    ('github_topic_developers', 'redis', 'redis'),

    ('job_postings', 'PHP', 'php'), ('job_postings', 'Python', 'python'), ('job_postings', 'Java', 'java'),
    ('job_postings', 'JavaScript', 'javascript'), ('job_postings', 'TypeScript', 'typescript'),
    ('job_postings', 'Ruby', 'ruby'), ('job_postings', 'golang', 'go'), ('job_postings', 'C#', 'csharp'),
    ('job_postings', 'Kotlin', 'kotlin'), ('job_postings', 'Rust', 'rust'),
    ('job_postings', 'node.js', 'nodejs'), ('job_postings', 'Express', 'express'), ('job_postings', 'NestJS', 'nestjs'),
    ('job_postings', 'Rails', 'ruby-on-rails'), ('job_postings', 'Django', 'django'), ('job_postings', 'Flask', 'flask'),
    ('job_postings', 'FastAPI', 'fastapi'), ('job_postings', 'Spring', 'spring-boot'),
    ('job_postings', 'Laravel', 'laravel'), ('job_postings', '.NET Core', 'aspnet-core'),
    ('job_postings', 'Microservices', 'microservices'), ('job_postings', 'Lambda', 'serverless'),
    ('job_postings', 'Docker', 'containerization'), ('job_postings', 'Blockchain', 'blockchain'),
    ('job_postings', 'AI', 'artificial-intelligence'),
    ('job_postings', 'Postgresql', 'postgresql'), ('job_postings', 'MySQL', 'mysql'),
    ('job_postings', 'Mongodb', 'mongodb'), ('job_postings', 'Redis', 'redis')
) as m (signal_key, source_key, slug)
join technology t on t.slug = m.slug;
