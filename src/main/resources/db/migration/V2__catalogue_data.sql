-- The initial catalogue: 5 categories, the 33 technologies the product tracks, the aliases people search them by,
-- and the factual relations between catalogue members ("source <type> target").
-- All names, categories and descriptions are written in our own words; no text is copied from any website.
-- first_released is the year of first public release; NULL where a pattern or practice has no honest single year.
-- Homepages are the official sites; patterns and practices have no official site, so they link to a neutral
-- reference article instead.
-- Rows are looked up by slug (never by id), so a typo fails the migration with a not-null violation.

insert into category (slug, name, kind, description) values
    ('languages', 'Programming languages', 'language',
     'General-purpose programming languages used to write backend services, tools and scripts.'),
    ('runtimes', 'Runtimes', 'runtime',
     'Environments that execute JavaScript and TypeScript outside the browser, on servers and in command-line tools.'),
    ('frameworks', 'Frameworks', 'framework',
     'Web and application frameworks for building backend services and APIs on top of a language or runtime.'),
    ('architecture', 'Architecture and practices', 'architecture',
     'Architectural patterns and engineering practices such as microservices, serverless and containerization, '
     'together with broad technology trends such as blockchain and artificial intelligence.'),
    ('databases', 'Databases', 'database',
     'Database management systems, relational and non-relational, used to store and query application data.');

insert into technology (slug, name, category_id, description, homepage, first_released) values
    -- languages
    ('php', 'PHP', (select id from category where slug = 'languages'),
     'A general-purpose scripting language created by Rasmus Lerdorf for server-side web development, where code is '
     'often embedded in HTML templates. Its reference interpreter is the Zend Engine, and it underlies many content '
     'management systems and web frameworks.',
     'https://www.php.net/', 1995),
    ('python', 'Python', (select id from category where slug = 'languages'),
     'A dynamically typed, interpreted language created by Guido van Rossum, known for its readable, '
     'indentation-based syntax. It is widely used for web backends, scripting and automation, data analysis and '
     'machine learning; the reference implementation is CPython.',
     'https://www.python.org/', 1991),
    ('java', 'Java', (select id from category where slug = 'languages'),
     'A statically typed, object-oriented language originally developed at Sun Microsystems and now stewarded by '
     'Oracle and the OpenJDK community. Programs compile to bytecode for the Java Virtual Machine, and it is a '
     'long-standing choice for enterprise backend systems.',
     'https://dev.java/', 1995),
    ('ruby', 'Ruby', (select id from category where slug = 'languages'),
     'A dynamic, object-oriented scripting language created by Yukihiro Matsumoto in Japan, designed around '
     'programmer productivity and expressive syntax. On the backend it is best known through the Ruby on Rails '
     'framework.',
     'https://www.ruby-lang.org/', 1995),
    ('javascript', 'JavaScript', (select id from category where slug = 'languages'),
     'The scripting language of web browsers, created at Netscape and standardised as ECMAScript by the TC39 '
     'committee of Ecma International. It is dynamically typed with first-class functions and an event-driven '
     'execution model, and runtimes such as Node.js also use it for server-side code.',
     'https://tc39.es/', 1995),
    ('typescript', 'TypeScript', (select id from category where slug = 'languages'),
     'A superset of JavaScript developed by Microsoft that adds optional static types checked at compile time. '
     'TypeScript code is compiled, or has its types stripped, to plain JavaScript, so it runs wherever JavaScript '
     'runs.',
     'https://www.typescriptlang.org/', 2012),
    ('go', 'Go', (select id from category where slug = 'languages'),
     'A statically typed, compiled language designed at Google, with a small syntax, garbage collection and built-in '
     'concurrency through goroutines and channels. It produces self-contained native binaries and is common for '
     'network services, command-line tools and cloud infrastructure software.',
     'https://go.dev/', 2009),
    ('csharp', 'C#', (select id from category where slug = 'languages'),
     'A statically typed, multi-paradigm language developed by Microsoft for the .NET platform and standardised as '
     'ECMA-334. It is used for web backends with ASP.NET Core, desktop applications and game development with '
     'Unity.',
     'https://learn.microsoft.com/dotnet/csharp/', 2000),
    ('kotlin', 'Kotlin', (select id from category where slug = 'languages'),
     'A statically typed language developed by JetBrains that compiles to JVM bytecode, JavaScript and native code '
     'and interoperates with Java. Google recommends it for Android development, and it is also used for '
     'server-side applications.',
     'https://kotlinlang.org/', 2011),
    ('rust', 'Rust', (select id from category where slug = 'languages'),
     'A compiled systems programming language that enforces memory safety at compile time through ownership and '
     'borrowing rules instead of a garbage collector. Started by Graydon Hoare and sponsored by Mozilla, it is now '
     'developed by the Rust project with support from the Rust Foundation.',
     'https://www.rust-lang.org/', 2010),
    -- runtimes
    ('nodejs', 'Node.js', (select id from category where slug = 'runtimes'),
     'A JavaScript runtime created by Ryan Dahl and built on Google''s V8 engine that runs JavaScript outside the '
     'browser. Its event-driven, non-blocking I/O model suits network servers, and it ships with the npm package '
     'manager.',
     'https://nodejs.org/', 2009),
    ('deno', 'Deno', (select id from category where slug = 'runtimes'),
     'A JavaScript and TypeScript runtime created by Ryan Dahl, the original author of Node.js, built on V8 and '
     'written in Rust. It runs TypeScript without a separate build step, denies file, network and environment '
     'access unless permitted, and includes a formatter, linter and test runner.',
     'https://deno.com/', 2020),
    ('bun', 'Bun', (select id from category where slug = 'runtimes'),
     'A JavaScript and TypeScript runtime written mainly in Zig that uses WebKit''s JavaScriptCore engine. It '
     'bundles a package manager, bundler and test runner, and implements most Node.js APIs so that many Node.js '
     'programs run unchanged.',
     'https://bun.sh/', 2022),
    -- frameworks
    ('nestjs', 'NestJS', (select id from category where slug = 'frameworks'),
     'A framework for server-side applications on Node.js, written in TypeScript. It organises code into modules, '
     'controllers and providers connected by dependency injection, an approach borrowed from Angular, and uses '
     'Express or Fastify as its HTTP layer.',
     'https://nestjs.com/', 2017),
    ('ruby-on-rails', 'Ruby on Rails', (select id from category where slug = 'frameworks'),
     'A full-stack web framework for Ruby, extracted by David Heinemeier Hansson from the Basecamp application. It '
     'follows the model-view-controller pattern and favours convention over configuration, with the Active Record '
     'object-relational mapper and database migrations built in.',
     'https://rubyonrails.org/', 2004),
    ('express', 'Express', (select id from category where slug = 'frameworks'),
     'A minimal web framework for Node.js that provides routing and a middleware pipeline for handling HTTP '
     'requests. Many other Node.js frameworks build on it or copy its API; it is a project of the OpenJS '
     'Foundation.',
     'https://expressjs.com/', 2010),
    ('django', 'Django', (select id from category where slug = 'frameworks'),
     'A full-stack Python web framework first developed at the Lawrence Journal-World newspaper. It includes an '
     'object-relational mapper, an automatically generated admin interface, authentication and form handling, and '
     'is maintained under the Django Software Foundation.',
     'https://www.djangoproject.com/', 2005),
    ('flask', 'Flask', (select id from category where slug = 'frameworks'),
     'A lightweight Python web framework built on the Werkzeug WSGI toolkit and the Jinja template engine. It '
     'provides routing and request handling and leaves choices such as database access to extensions; it is '
     'maintained by the Pallets project.',
     'https://flask.palletsprojects.com/', 2010),
    ('fastapi', 'FastAPI', (select id from category where slug = 'frameworks'),
     'A Python framework for building HTTP APIs that derives request validation and serialisation from standard '
     'type hints. It builds on Starlette for the web layer and Pydantic for data validation, supports asynchronous '
     'handlers and generates OpenAPI documentation automatically.',
     'https://fastapi.tiangolo.com/', 2018),
    ('spring-boot', 'Spring Boot', (select id from category where slug = 'frameworks'),
     'A project of the Spring ecosystem for creating stand-alone applications on the Spring Framework for the JVM. '
     'It configures the application automatically from the libraries on the classpath and can embed a web server '
     'such as Tomcat, so a service runs as a single executable JAR.',
     'https://spring.io/projects/spring-boot', 2014),
    ('laravel', 'Laravel', (select id from category where slug = 'frameworks'),
     'A model-view-controller web framework for PHP created by Taylor Otwell. It includes the Eloquent '
     'object-relational mapper, the Blade template engine, database migrations and job queues, and builds on '
     'several Symfony components.',
     'https://laravel.com/', 2011),
    ('quarkus', 'Quarkus', (select id from category where slug = 'frameworks'),
     'A Java framework started by Red Hat for applications that run in containers and on Kubernetes. It moves much '
     'of the framework''s start-up work to build time to reduce start-up time and memory use, and can compile '
     'applications to native executables with GraalVM.',
     'https://quarkus.io/', 2019),
    ('aspnet-core', 'ASP.NET Core', (select id from category where slug = 'frameworks'),
     'Microsoft''s open-source, cross-platform framework for web applications and APIs on .NET, a redesign of the '
     'earlier Windows-only ASP.NET. Applications are usually written in C# and served by the built-in Kestrel web '
     'server.',
     'https://dotnet.microsoft.com/apps/aspnet', 2016),
    -- architecture: patterns, practices and broad trends
    ('microservices', 'Microservices', (select id from category where slug = 'architecture'),
     'An architectural style in which an application is built as a set of small services that are deployed '
     'independently and communicate over the network, typically through HTTP APIs or messaging. Each service owns '
     'one business capability and often its own data, trading the simplicity of a single deployable unit for '
     'independent release and scaling.',
     'https://en.wikipedia.org/wiki/Microservices', null),
    ('serverless', 'Serverless', (select id from category where slug = 'architecture'),
     'A cloud execution model in which the provider runs code on demand and manages the servers, scaling and '
     'capacity, charging for actual use rather than reserved machines. It covers functions as a service, such as '
     'AWS Lambda, and other fully managed backend services.',
     'https://en.wikipedia.org/wiki/Serverless_computing', null),
    ('containerization', 'Containerization', (select id from category where slug = 'architecture'),
     'Packaging an application with its dependencies into an isolated container image that runs on a shared '
     'operating system kernel. Docker popularised the practice, the Open Container Initiative standardises image '
     'and runtime formats, and orchestrators such as Kubernetes schedule containers across clusters of machines.',
     'https://en.wikipedia.org/wiki/Containerization_(computing)', null),
    ('blockchain', 'Blockchain', (select id from category where slug = 'architecture'),
     'A distributed ledger in which records are grouped into blocks, each linked to the previous one by a '
     'cryptographic hash, and kept consistent across many nodes by a consensus protocol. It was introduced with '
     'Bitcoin and extended with programmable smart contracts by platforms such as Ethereum.',
     'https://en.wikipedia.org/wiki/Blockchain', 2009),
    ('artificial-intelligence', 'Artificial Intelligence', (select id from category where slug = 'architecture'),
     'The field of building computer systems that perform tasks associated with human intelligence, such as '
     'recognising images and speech, understanding language and making predictions. In software development it '
     'now mostly means machine learning, including deep learning and large language models, and the tools used to '
     'train and serve them.',
     'https://en.wikipedia.org/wiki/Artificial_intelligence', null),
    -- databases
    ('postgresql', 'PostgreSQL', (select id from category where slug = 'databases'),
     'An open-source object-relational database system that grew out of the POSTGRES project at the University of '
     'California, Berkeley. It supports a large part of the SQL standard with full transactions, and can be '
     'extended with custom data types, functions, index methods and extensions.',
     'https://www.postgresql.org/', 1996),
    ('mysql', 'MySQL', (select id from category where slug = 'databases'),
     'An open-source relational database system created by the Swedish company MySQL AB and owned by Oracle since '
     'its acquisition of Sun Microsystems in 2010. It is a common database for web applications; its default '
     'InnoDB storage engine provides transactions and row-level locking.',
     'https://www.mysql.com/', 1995),
    ('mongodb', 'MongoDB', (select id from category where slug = 'databases'),
     'A document database that stores records as JSON-like documents in a binary format (BSON) instead of rows in '
     'fixed tables. It supports secondary indexes, an aggregation pipeline, replication and horizontal sharding, '
     'and is developed by MongoDB, Inc.',
     'https://www.mongodb.com/', 2009),
    ('redis', 'Redis', (select id from category where slug = 'databases'),
     'An in-memory data store, created by Salvatore Sanfilippo, that maps keys to data structures such as strings, '
     'hashes, lists, sets and sorted sets. It is commonly used as a cache, message broker and session store, and '
     'can persist its data to disk.',
     'https://redis.io/', 2009);

-- Names people search by. Case-only variants of a technology's own name are left out: search ignores case.
insert into technology_alias (technology_id, alias) values
    ((select id from technology where slug = 'php'), 'Hypertext Preprocessor'),
    ((select id from technology where slug = 'python'), 'py'),
    ((select id from technology where slug = 'python'), 'python3'),
    ((select id from technology where slug = 'python'), 'CPython'),
    ((select id from technology where slug = 'java'), 'JDK'),
    ((select id from technology where slug = 'java'), 'OpenJDK'),
    ((select id from technology where slug = 'java'), 'Java SE'),
    ((select id from technology where slug = 'javascript'), 'js'),
    ((select id from technology where slug = 'javascript'), 'ECMAScript'),
    ((select id from technology where slug = 'javascript'), 'ES6'),
    ((select id from technology where slug = 'typescript'), 'ts'),
    ((select id from technology where slug = 'go'), 'golang'),
    ((select id from technology where slug = 'csharp'), 'C Sharp'),
    ((select id from technology where slug = 'csharp'), 'csharp'),
    ((select id from technology where slug = 'rust'), 'rust-lang'),
    ((select id from technology where slug = 'rust'), 'rustlang'),
    ((select id from technology where slug = 'nodejs'), 'node'),
    ((select id from technology where slug = 'nodejs'), 'nodejs'),
    ((select id from technology where slug = 'nodejs'), 'node js'),
    ((select id from technology where slug = 'bun'), 'bunjs'),
    ((select id from technology where slug = 'nestjs'), 'Nest'),
    ((select id from technology where slug = 'nestjs'), 'Nest.js'),
    ((select id from technology where slug = 'ruby-on-rails'), 'Rails'),
    ((select id from technology where slug = 'ruby-on-rails'), 'RoR'),
    ((select id from technology where slug = 'express'), 'Express.js'),
    ((select id from technology where slug = 'express'), 'ExpressJS'),
    ((select id from technology where slug = 'spring-boot'), 'Spring'),
    ((select id from technology where slug = 'spring-boot'), 'SpringBoot'),
    ((select id from technology where slug = 'aspnet-core'), 'ASP.NET'),
    ((select id from technology where slug = 'aspnet-core'), '.NET Core'),
    ((select id from technology where slug = 'aspnet-core'), 'dotnet'),
    ((select id from technology where slug = 'microservices'), 'microservice'),
    ((select id from technology where slug = 'microservices'), 'micro services'),
    ((select id from technology where slug = 'microservices'), 'microservice architecture'),
    ((select id from technology where slug = 'serverless'), 'FaaS'),
    ((select id from technology where slug = 'serverless'), 'functions as a service'),
    ((select id from technology where slug = 'serverless'), 'lambda'),
    ((select id from technology where slug = 'containerization'), 'Docker'),
    ((select id from technology where slug = 'containerization'), 'Kubernetes'),
    ((select id from technology where slug = 'containerization'), 'containers'),
    ((select id from technology where slug = 'containerization'), 'container orchestration'),
    ((select id from technology where slug = 'blockchain'), 'Web3'),
    ((select id from technology where slug = 'blockchain'), 'Ethereum'),
    ((select id from technology where slug = 'blockchain'), 'distributed ledger'),
    ((select id from technology where slug = 'blockchain'), 'smart contracts'),
    ((select id from technology where slug = 'artificial-intelligence'), 'AI'),
    ((select id from technology where slug = 'artificial-intelligence'), 'ML'),
    ((select id from technology where slug = 'artificial-intelligence'), 'machine learning'),
    ((select id from technology where slug = 'artificial-intelligence'), 'deep learning'),
    ((select id from technology where slug = 'artificial-intelligence'), 'LLM'),
    ((select id from technology where slug = 'artificial-intelligence'), 'generative AI'),
    ((select id from technology where slug = 'artificial-intelligence'), 'GenAI'),
    ((select id from technology where slug = 'postgresql'), 'Postgres'),
    ((select id from technology where slug = 'mongodb'), 'Mongo');

-- Relations read "source <type> target". Only facts between catalogue members: Bun is written in Zig and the
-- language interpreters and databases in C or C++, none of which are in the catalogue.
insert into technology_relation (source_id, type, target_id) values
    ((select id from technology where slug = 'nestjs'), 'runs-on', (select id from technology where slug = 'nodejs')),
    ((select id from technology where slug = 'nestjs'), 'written-in', (select id from technology where slug = 'typescript')),
    ((select id from technology where slug = 'express'), 'runs-on', (select id from technology where slug = 'nodejs')),
    ((select id from technology where slug = 'express'), 'written-in', (select id from technology where slug = 'javascript')),
    ((select id from technology where slug = 'ruby-on-rails'), 'written-in', (select id from technology where slug = 'ruby')),
    ((select id from technology where slug = 'django'), 'written-in', (select id from technology where slug = 'python')),
    ((select id from technology where slug = 'flask'), 'written-in', (select id from technology where slug = 'python')),
    ((select id from technology where slug = 'fastapi'), 'written-in', (select id from technology where slug = 'python')),
    ((select id from technology where slug = 'spring-boot'), 'written-in', (select id from technology where slug = 'java')),
    ((select id from technology where slug = 'quarkus'), 'written-in', (select id from technology where slug = 'java')),
    ((select id from technology where slug = 'laravel'), 'written-in', (select id from technology where slug = 'php')),
    ((select id from technology where slug = 'aspnet-core'), 'written-in', (select id from technology where slug = 'csharp')),
    ((select id from technology where slug = 'deno'), 'written-in', (select id from technology where slug = 'rust')),
    ((select id from technology where slug = 'nodejs'), 'implements', (select id from technology where slug = 'javascript')),
    ((select id from technology where slug = 'deno'), 'implements', (select id from technology where slug = 'javascript')),
    ((select id from technology where slug = 'deno'), 'implements', (select id from technology where slug = 'typescript')),
    ((select id from technology where slug = 'bun'), 'implements', (select id from technology where slug = 'javascript')),
    ((select id from technology where slug = 'bun'), 'implements', (select id from technology where slug = 'typescript'));
