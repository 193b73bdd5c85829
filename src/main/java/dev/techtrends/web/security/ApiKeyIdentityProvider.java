package dev.techtrends.web.security;

import dev.techtrends.TechTrendsConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Checks API keys against the configured ones. Admin keys carry the "admin" role; client keys identify a caller
 * without granting writes. With no keys configured nobody can write: there is no default key.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    public static final String ADMIN_ROLE = "admin";

    private final List<byte[]> adminKeyDigests;
    private final List<byte[]> clientKeyDigests;

    public ApiKeyIdentityProvider(TechTrendsConfig config) {
        this.adminKeyDigests = digests(config.security().adminApiKeys());
        this.clientKeyDigests = digests(config.security().clientApiKeys());
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = sha256(request.key());
        int admin = indexOf(adminKeyDigests, presented);
        if (admin >= 0) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("admin-key-" + (admin + 1)))
                    .addRole(ADMIN_ROLE)
                    .build());
        }
        int client = indexOf(clientKeyDigests, presented);
        if (client >= 0) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("client-key-" + (client + 1)))
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
    }

    /** The principal of a configured key (admin-key-1, client-key-2, ...), or null for any other text. */
    public String principalOf(String key) {
        byte[] presented = sha256(key);
        int admin = indexOf(adminKeyDigests, presented);
        if (admin >= 0) {
            return "admin-key-" + (admin + 1);
        }
        int client = indexOf(clientKeyDigests, presented);
        return client >= 0 ? "client-key-" + (client + 1) : null;
    }

    /** Compares digests in constant time so response timing does not reveal how much of a key matched. */
    private static int indexOf(List<byte[]> digests, byte[] presented) {
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented)) {
                found = i;
            }
        }
        return found;
    }

    private static List<byte[]> digests(Optional<List<String>> keys) {
        return keys.orElse(List.of()).stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(ApiKeyIdentityProvider::sha256)
                .toList();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
