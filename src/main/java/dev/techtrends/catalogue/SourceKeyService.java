package dev.techtrends.catalogue;

import dev.techtrends.database.DerivedData;
import dev.techtrends.web.problem.InvalidInputException;
import dev.techtrends.web.problem.NoSuchResourceException;
import dev.techtrends.web.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a technology is named in each signal, replaced as a whole: in one transaction the keys change and the
 * technology's observations derive again from the stored universe of every bundled source (derive_observations), so
 * it has its whole history at once, with no re-import; then the scores follow.
 */
@ApplicationScoped
public class SourceKeyService {

    private final Pool pool;
    private final DerivedData scores;

    public SourceKeyService(Pool pool, DerivedData scores) {
        this.pool = pool;
        this.scores = scores;
    }

    /**
     * @throws NoSuchResourceException for an unknown technology
     * @throws InvalidInputException   for an unknown signal or a key given twice, naming each entry
     */
    public Uni<Void> replace(String slug, List<SourceKeyInput> keys) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select id from technology where slug = $1 for update").execute(Tuple.of(slug))
                .chain(technology -> {
                    if (technology.size() == 0) {
                        throw NoSuchResourceException.of("technology", slug);
                    }
                    long id = technology.iterator().next().getLong(0);
                    return connection.preparedQuery("select key from signal").execute().chain(signals -> {
                        Set<String> known = new HashSet<>();
                        signals.forEach(row -> known.add(row.getString(0)));
                        check(keys, known);
                        return connection.preparedQuery("delete from technology_source_key where technology_id = $1")
                                .execute(Tuple.of(id))
                                .chain(() -> connection.preparedQuery("""
                                                insert into technology_source_key (signal_key, source_key, technology_id)
                                                select s, k, $3 from unnest($1::text[], $2::text[]) as u (s, k)""")
                                        .execute(Tuple.of(keys.stream().map(SourceKeyInput::signal)
                                                .toArray(String[]::new), keys.stream().map(k -> k.key().strip())
                                                .toArray(String[]::new), id)))
                                .chain(() -> connection.preparedQuery("select derive_observations(array[$1::bigint])")
                                        .execute(Tuple.of(id)));
                    });
                }))
                .chain(() -> scores.caughtUp());
    }

    private static void check(List<SourceKeyInput> keys, Set<String> knownSignals) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SourceKeyInput key = keys.get(i);
            if (!knownSignals.contains(key.signal())) {
                errors.add(new Problem.FieldError("[" + i + "].signal", "no signal has the key '" + key.signal()
                        + "'; see /api/v1/signals"));
            } else if (!seen.add(key.signal() + "\u0000" + key.key().strip())) {
                errors.add(new Problem.FieldError("[" + i + "].key", "repeats '" + key.key().strip() + "' of "
                        + key.signal()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid source keys.", errors);
        }
    }
}
