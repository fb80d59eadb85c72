package dev.slipway.security;

import dev.slipway.audit.AuditLog;
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

    AdminBootstrap(UserRepository users, AuditLog audit, PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock,
                   @Value("${slipway.admin.username:admin}") String username,
                   @Value("${slipway.admin.password:}") @Nullable String configuredPassword) {
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.clock = clock;
        this.username = username;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
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
