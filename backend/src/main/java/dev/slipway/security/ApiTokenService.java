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
     * Creates a token for the actor. The secret is in the answer and nowhere else.
     *
     * @param validFor how long the token works; null for a token that never expires
     */
    @Transactional
    public CreatedApiToken create(Actor actor, String name, @Nullable Duration validFor) {
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
                secret.substring(0, SHOWN_PREFIX_LENGTH), now, validFor == null ? null : now.plus(validFor)));
        Map<String, String> details = new HashMap<>();
        details.put("name", cleaned);
        details.put("expiresAt", validFor == null ? "never" : now.plus(validFor).toString());
        audit.record(actor, "api-token.created", "user", actor.username(), null, details);
        return new CreatedApiToken(token.toView(), secret);
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
     * The principal a presented token stands for, or empty when it is unknown, revoked, expired, or its
     * owner is disabled.
     */
    @Transactional
    public Optional<SlipwayPrincipal> authenticate(String presented) {
        if (!presented.startsWith(TOKEN_PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(presented))
                .filter(t -> t.usableAt(now))
                .flatMap(t -> users.findById(t.userId()).filter(User::enabled).map(u -> {
                    tokens.touch(t.id(), now, now.minus(LAST_USED_RESOLUTION));
                    SlipwayPrincipal principal = u.toPrincipal();
                    principal.eraseCredentials();
                    return principal;
                }));
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
