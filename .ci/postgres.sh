# Sourced by .ci/serve and .ci/test: makes sure a PostgreSQL datasource exists for the given database name.
#   - QUARKUS_DATASOURCE_REACTIVE_URL already set: use it as is.
#   - a working Docker engine: leave the datasource unset so Quarkus Dev Services starts PostgreSQL.
#   - otherwise: install (apt) and start the local PostgreSQL cluster, create role and database, export the URLs.
ensure_datasource() {
    local database="$1"
    if [ -n "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then
        echo "datasource: using QUARKUS_DATASOURCE_REACTIVE_URL from the environment"
        return 0
    fi
    if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
        echo "datasource: Docker is available, Quarkus Dev Services will start PostgreSQL"
        return 0
    fi
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "datasource: installing PostgreSQL (apt-get)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /etc/postgresql | sort -n | tail -n 1)
    if [ -z "$version" ]; then
        echo "datasource: no PostgreSQL cluster found under /etc/postgresql" >&2
        return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        echo "datasource: starting PostgreSQL $version"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 1
    done
    as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
select 'create role techtrends login password ''techtrends'''
where not exists (select 1 from pg_roles where rolname = 'techtrends') \gexec
select 'create database $database owner techtrends'
where not exists (select 1 from pg_database where datname = '$database') \gexec
SQL
    export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$database"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database"
    export QUARKUS_DATASOURCE_USERNAME=techtrends
    export QUARKUS_DATASOURCE_PASSWORD=techtrends
    echo "datasource: local PostgreSQL, database $database"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}
