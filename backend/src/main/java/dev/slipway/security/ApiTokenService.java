package dev.slipway.security;

import dev.slipway.audit.AuditLog;
import dev.slipway.shared.Actor;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API. A token acts as its owner, with the owner's current rights; it
 * stops working when revoked, when it expires, or when the owner is disabled.
 */
@Service
public class ApiTokenService {

    /** Recognisable in logs and secret scanners, like GitHub's {@code ghp_}. */
    static final String TOKEN_PREFIX = "slw_";
    private static final int SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length() + 6;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 200;
    /**
     * What a token chosen outside Slipway must look like: the prefix and at least 32 URL-safe characters
     * (e.g. {@code slw_$(openssl rand -hex 32)}), so it is as hard to guess as the ones Slipway makes.
     */
    static final Pattern BOOTSTRAP_FORMAT =
            Pattern.compile("slw_[A-Za-z0-9_-]{32," + (MAX_TOKEN_LENGTH - 4) + "}");

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a token for the actor that may do whatever the actor may. The secret is in the answer and
     * nowhere else.
     *
     * @param validFor how long the token works; null for a token that never expires
     */
    @Transactional
    public CreatedApiToken create(Actor actor, String name, @Nullable Duration validFor) {
        return create(actor, name, validFor, false);
    }

    /**
     * Creates a token for the actor. The secret is in the answer and nowhere else.
     *
     * @param validFor how long the token works; null for a token that never expires
     * @param readOnly the token may only read (GET requests), whatever rights its owner has
     */
    @Transactional
    public CreatedApiToken create(Actor actor, String name, @Nullable Duration validFor, boolean readOnly) {
        String cleaned = Text.clean(name);
        InputCheck check = new InputCheck().field("name", Text.requiredText(cleaned, 100));
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            check.fail("validFor", "must be a positive duration, or empty for a token that never expires");
        }
        check.throwIfInvalid();
        if (tokens.countByUserIdAndName(actor.userId(), cleaned) > 0) {
            throw new InvalidInputException("name", "you already have a token named '" + cleaned
                    + "'; choose another name so you can tell them apart");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(actor.userId(), cleaned, hash(secret),
                secret.substring(0, SHOWN_PREFIX_LENGTH), now, validFor == null ? null : now.plus(validFor), readOnly));
        Map<String, String> details = new HashMap<>();
        details.put("name", cleaned);
        details.put("expiresAt", validFor == null ? "never" : now.plus(validFor).toString());
        details.put("scope", readOnly ? "read-only" : "full");
        audit.record(actor, "api-token.created", "user", actor.username(), null, details);
        return new CreatedApiToken(token.toView(), secret);
    }

    /**
     * Makes a secret chosen outside Slipway (the first-start token file) a token of the user, unless the
     * user has any token already, revoked ones included: a token an admin revoked must not come back at
     * the next start.
     *
     * @return whether the token was added
     */
    @Transactional
    boolean adopt(long userId, String username, String secret, String name) {
        if (!BOOTSTRAP_FORMAT.matcher(secret).matches()) {
            throw new IllegalArgumentException("not in Slipway's token format");
        }
        // replicas starting together on an empty database read the same file: the lock makes them take turns
        users.lock(userId);
        if (tokens.countByUserId(userId) > 0) {
            return false;
        }
        if (tokens.findByTokenHash(hash(secret)).isPresent()) {
            throw new IllegalStateException("the token in the file already belongs to another user; write a new one");
        }
        tokens.save(new ApiToken(userId, name, hash(secret), secret.substring(0, SHOWN_PREFIX_LENGTH),
                clock.instant(), null, false));
        audit.record("slipway", "api-token.created", "user", username, null,
                Map.of("name", name, "expiresAt", "never", "scope", "full", "reason", "SLIPWAY_ADMIN_TOKEN_FILE"));
        return true;
    }

    /** Revokes every token of the actor that still works; answers how many were revoked. */
    @Transactional
    public int revokeAll(Actor actor) {
        int revoked = tokens.revokeAllOf(actor.userId(), clock.instant());
        if (revoked > 0) {
            audit.record(actor, "api-token.revoked-all", "user", actor.username(), null,
                    Map.of("count", Integer.toString(revoked)));
        }
        return revoked;
    }

    /** How many of the actor's tokens still work. */
    @Transactional(readOnly = true)
    public long activeCount(Actor actor) {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByCreatedAtDesc(actor.userId()).stream().filter(t -> t.usableAt(now)).count();
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(Actor actor) {
        return tokens.findByUserIdOrderByCreatedAtDesc(actor.userId()).stream().map(ApiToken::toView).toList();
    }

    /** Revokes one of the actor's own tokens; revoking twice is harmless. */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException("You have no API token with id " + tokenId + "."));
        if (token.revoke(clock.instant())) {
            audit.record(actor, "api-token.revoked", "user", actor.username(), null,
                    Map.of("name", token.toView().name(), "prefix", token.toView().prefix()));
        }
    }

    /**
     * Who a presented token stands for and what it may do, or empty when it is unknown, revoked, expired,
     * or its owner is disabled.
     */
    @Transactional
    public Optional<TokenLogin> authenticate(String presented) {
        if (!presented.startsWith(TOKEN_PREFIX) || presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(presented))
                .filter(t -> t.usableAt(now))
                .flatMap(t -> users.findById(t.userId()).filter(User::enabled).map(u -> {
                    tokens.touch(t.id(), now, now.minus(LAST_USED_RESOLUTION));
                    SlipwayPrincipal principal = u.toPrincipal();
                    principal.eraseCredentials();
                    return new TokenLogin(principal, t.readOnly());
                }));
    }

    /**
     * A token that authenticated a request.
     *
     * @param readOnly the token may only read, whatever its owner may do
     */
    public record TokenLogin(SlipwayPrincipal principal, boolean readOnly) {
    }

    /**
     * SHA-256 is enough here: the token has 256 bits of entropy, so unlike a password it cannot be
     * guessed from its hash, and a fast hash lets the lookup be a unique-index read.
     */
    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
