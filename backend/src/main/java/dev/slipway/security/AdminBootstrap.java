package dev.slipway.security;

import dev.slipway.audit.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Creates the first platform admin on an empty database, so a fresh installation can be signed into.
 * The password comes from {@code SLIPWAY_ADMIN_PASSWORD}, or is generated and printed once: it is not
 * stored anywhere in clear, so whoever installs Slipway reads it from this first log.
 *
 * <p>For automation (like Argo CD's initial admin secret), {@code SLIPWAY_ADMIN_TOKEN_FILE} names a file
 * holding an API token chosen outside Slipway; it becomes a token of that admin while the admin has no
 * token at all, so a script can use the API from the first start without anyone signing in.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final AuditLog audit;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String username;
    private final @Nullable String configuredPassword;
    private final ApiTokenService tokens;
    private final @Nullable String tokenFile;

    AdminBootstrap(UserRepository users, AuditLog audit, PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock,
                   @Value("${slipway.admin.username:admin}") String username,
                   @Value("${slipway.admin.password:}") @Nullable String configuredPassword,
                   ApiTokenService tokens, @Value("${slipway.admin.token-file:}") @Nullable String tokenFile) {
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.clock = clock;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.tokens = tokens;
        this.tokenFile = tokenFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Read first: a malformed file stops the start before anything is written.
        String token = StringUtils.hasText(tokenFile) ? readTokenFile(Path.of(tokenFile)) : null;
        if (users.count() == 0) {
            createFirstAdmin();
        }
        if (token != null) {
            adoptToken(token);
        }
    }

    /** The token in the file, or a start-stopping error that says what the file must hold. */
    static String readTokenFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("SLIPWAY_ADMIN_TOKEN_FILE names " + file.toAbsolutePath()
                    + ", which cannot be read (" + e.getMessage() + "). Point it at a readable file holding one token,"
                    + " or unset it.", e);
        }
        if (!ApiTokenService.BOOTSTRAP_FORMAT.matcher(content).matches()) {
            throw new IllegalStateException("SLIPWAY_ADMIN_TOKEN_FILE (" + file.toAbsolutePath() + ") must hold one"
                    + " API token: 'slw_' followed by 32 to 196 letters, digits, '-' or '_', and nothing else. Make one"
                    + " with: echo \"slw_$(openssl rand -hex 32)\" > " + file);
        }
        return content;
    }

    private void adoptToken(String token) {
        User admin = users.findByUsername(username).orElse(null);
        if (admin == null) {
            log.warn("SLIPWAY_ADMIN_TOKEN_FILE is set, but there is no user '{}' (SLIPWAY_ADMIN_USERNAME) to give the"
                    + " token to; it is not installed.", username);
            return;
        }
        if (tokens.adopt(admin.id(), username, token, "admin token file")) {
            log.info("Installed the API token from SLIPWAY_ADMIN_TOKEN_FILE for '{}' (starts with {}).", username,
                    token.substring(0, 10));
        } else {
            log.info("SLIPWAY_ADMIN_TOKEN_FILE left alone: '{}' already has API tokens (a revoked one counts, so a"
                    + " revoked token does not come back).", username);
        }
    }

    private void createFirstAdmin() {
        boolean generated = !StringUtils.hasText(configuredPassword);
        String password = generated ? generatePassword() : configuredPassword;
        Credentials.usernameProblem(username).ifPresent(problem -> {
            throw new IllegalStateException("SLIPWAY_ADMIN_USERNAME " + problem);
        });
        Credentials.passwordProblem(password, username).ifPresent(problem -> {
            throw new IllegalStateException("SLIPWAY_ADMIN_PASSWORD " + problem + ". Choose a longer password, or"
                    + " leave it unset to have one generated.");
        });
        try {
            transactions.executeWithoutResult(tx -> {
                users.saveAndFlush(new User(username, "Administrator", passwordEncoder.encode(password), true,
                        clock.instant()));
                audit.record("slipway", "user.created", "user", username, null,
                        Map.of("platformAdmin", "true", "reason", "first start on an empty database"));
            });
        } catch (DataIntegrityViolationException e) {
            // Another replica starting on the same empty database created the admin a moment earlier.
            log.info("The first admin was created by another Slipway instance.");
            return;
        }
        if (generated) {
            log.warn("""

                    ==========================================================================
                     Created the first platform admin. This password is shown only once:
                       username: {}
                       password: {}
                     Sign in and change it under Account, or set SLIPWAY_ADMIN_PASSWORD
                     before the first start next time.
                    ==========================================================================""",
                    username, password);
        } else {
            log.info("Created the first platform admin '{}' with the password from SLIPWAY_ADMIN_PASSWORD.", username);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
