# Sourced by .ci/serve, .ci/test and bench/run: makes sure a PostgreSQL datasource exists for the given database.
# Needs no root. In order:
#   - QUARKUS_DATASOURCE_REACTIVE_URL already set: used as is.
#   - a working Docker engine: the datasource stays unset so that Quarkus Dev Services starts PostgreSQL.
#   - a local PostgreSQL answering on 127.0.0.1:5432: the role techtrends and the database are created in it (as the
#     postgres superuser when this user can become it, else they must exist already).
#   - otherwise an embedded, real PostgreSQL 15 (zonky binaries from Maven Central, started by .ci/EmbeddedPostgres.java),
#     its data under ${TECH_TRENDS_CACHE_DIR:-~/.cache/tech-trends-api}/embedded-postgres; stop_embedded_postgres stops
#     it. TECH_TRENDS_POSTGRES=embedded skips the two local options.
ensure_datasource() {
    local database="$1"
    if [ -n "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then
        echo "datasource: using QUARKUS_DATASOURCE_REACTIVE_URL from the environment"
        return 0
    fi
    if [ "${TECH_TRENDS_POSTGRES:-auto}" != embedded ]; then
        if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
            echo "datasource: Docker is available, Quarkus Dev Services will start PostgreSQL"
            return 0
        fi
        if local_postgres "$database"; then
            return 0
        fi
    fi
    embedded_postgres "$database"
}

export_datasource() { # host port database
    export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$1:$2/$3"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$1:$2/$3"
    export QUARKUS_DATASOURCE_USERNAME=techtrends
    export QUARKUS_DATASOURCE_PASSWORD=techtrends
}

local_postgres() {
    local database="$1"
    command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 || return 1
    if [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; then
        as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL || return 1
select 'create role techtrends login password ''techtrends'''
where not exists (select 1 from pg_roles where rolname = 'techtrends') \gexec
select 'create database $database owner techtrends'
where not exists (select 1 from pg_database where datname = '$database') \gexec
SQL
    elif ! PGPASSWORD=techtrends psql -q -h 127.0.0.1 -U techtrends -d "$database" -c 'select 1' >/dev/null 2>&1; then
        echo "datasource: the local PostgreSQL has no database $database for techtrends, and this user cannot create it"
        return 1
    fi
    export_datasource 127.0.0.1 5432 "$database"
    echo "datasource: local PostgreSQL, database $database"
}

embedded_postgres() {
    local database="$1" dir classpath
    dir="${TECH_TRENDS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tech-trends-api}/embedded-postgres"
    mkdir -p "$dir" target
    echo "datasource: no PostgreSQL here; starting an embedded one (zonky binaries from Maven Central)"
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >/dev/null
    classpath=$(cat target/test.classpath)
    rm -f "$dir/$database.port"
    java -cp "$classpath" .ci/EmbeddedPostgres.java "$dir/$database" "$dir/$database.port" "$database" \
        >"$dir/$database.log" 2>&1 &
    EMBEDDED_POSTGRES_PID=$!
    for _ in $(seq 1 120); do
        [ -s "$dir/$database.port" ] && break
        kill -0 "$EMBEDDED_POSTGRES_PID" 2>/dev/null || break
        sleep 0.5
    done
    if [ ! -s "$dir/$database.port" ]; then
        tail -n 20 "$dir/$database.log" >&2
        echo "datasource: the embedded PostgreSQL did not start (log: $dir/$database.log)" >&2
        return 1
    fi
    export_datasource 127.0.0.1 "$(cat "$dir/$database.port")" "$database"
    echo "datasource: embedded PostgreSQL on port $(cat "$dir/$database.port"), database $database, data in $dir/$database"
}

stop_embedded_postgres() {
    if [ -n "${EMBEDDED_POSTGRES_PID:-}" ] && kill -0 "$EMBEDDED_POSTGRES_PID" 2>/dev/null; then
        kill "$EMBEDDED_POSTGRES_PID" && wait "$EMBEDDED_POSTGRES_PID" 2>/dev/null || true
    fi
    return 0
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}
