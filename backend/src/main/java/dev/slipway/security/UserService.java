package dev.slipway.security;

import dev.slipway.audit.AuditLog;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local user accounts: created and administered by platform admins, passwords changed by their owners. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiTokenService tokens;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock,
                ApiTokenService tokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
    }

    /**
     * The actor for a signed-in user as the database says now, so that a revoked admin flag or a disabled
     * account takes effect on the next action, not at the next login.
     *
     * @throws ForbiddenException when the account was disabled or removed since login
     */
    @Transactional(readOnly = true)
    public Actor actor(long userId) {
        return users.findById(userId).filter(User::enabled)
                .map(u -> new Actor(u.id(), u.username(), u.platformAdmin()))
                .orElseThrow(() -> new ForbiddenException("Your account is disabled. Ask a platform admin to enable it."));
    }

    /**
     * The principal of an enabled user as the database says now, without the password hash; empty when
     * the account is disabled or gone. Keeps signed-in sessions in step with the users table.
     */
    @Transactional(readOnly = true)
    public Optional<SlipwayPrincipal> principal(long userId) {
        return users.findById(userId).filter(User::enabled).map(u -> {
            SlipwayPrincipal principal = u.toPrincipal();
            principal.eraseCredentials();
            return principal;
        });
    }

    @Transactional
    public UserView create(Actor actor, NewUser user) {
        actor.requirePlatformAdmin("create users");
        String username = Text.clean(user.username());
        String displayName = Text.clean(user.displayName()).isEmpty() ? username : Text.clean(user.displayName());
        new InputCheck()
                .field("username", Credentials.usernameProblem(username))
                .field("displayName", Text.freeText(displayName, 100))
                .field("password", Credentials.passwordProblem(user.password(), username))
                .throwIfInvalid();
        if (users.existsByUsername(username)) {
            throw new InvalidInputException("username", "'" + username + "' is taken; choose another username");
        }
        User saved;
        try {
            saved = users.saveAndFlush(new User(username, displayName, passwordEncoder.encode(user.password()),
                    user.platformAdmin(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("username", "'" + username + "' is taken; choose another username");
        }
        audit.record(actor, "user.created", "user", username, null,
                Map.of("displayName", displayName, "platformAdmin", Boolean.toString(user.platformAdmin())));
        return saved.toView();
    }

    @Transactional(readOnly = true)
    public List<UserView> list(Actor actor) {
        actor.requirePlatformAdmin("list all users");
        return users.findAllByOrderByUsernameAsc().stream().map(User::toView).toList();
    }

    /**
     * One page of all accounts, disabled ones included, whose username or display name contains
     * {@code text} (case-insensitive; blank matches everyone), in the page's order.
     */
    @Transactional(readOnly = true)
    public Page<UserView> search(Actor actor, @Nullable String text, Pageable pageable) {
        actor.requirePlatformAdmin("list all users");
        String needle = Text.escapeLike(Text.clean(text).toLowerCase(Locale.ROOT));
        return users.findMatching(needle, pageable).map(User::toView);
    }

    /** One account: platform admins see anyone's, others only their own. */
    @Transactional(readOnly = true)
    public UserView get(Actor actor, String username) {
        if (!actor.platformAdmin() && !actor.username().equals(username)) {
            throw new ForbiddenException("Only platform admins may see other users' accounts.");
        }
        return load(username).toView();
    }

    /**
     * Enabled users matching {@code text}, for any signed-in user: choosing team members needs it, and a
     * username is not a secret inside one organisation.
     */
    @Transactional(readOnly = true)
    public List<UserView> findActive(Actor actor, String text, int limit) {
        String needle = Text.escapeLike(Text.clean(text).toLowerCase(Locale.ROOT));
        return users.findEnabledMatching(needle, Limit.of(Math.clamp(limit, 1, 50))).stream().map(User::toView).toList();
    }

    /** The user with this username, if it exists. */
    @Transactional(readOnly = true)
    public Optional<UserView> find(String username) {
        return users.findByUsername(username).map(User::toView);
    }

    /** The id of an existing user, for features that link rows to users. */
    @Transactional(readOnly = true)
    public long idOf(String username) {
        return users.findByUsername(username).map(User::id)
                .orElseThrow(() -> new NotFoundException("There is no user '" + username + "'."));
    }

    /** Usernames by id, for showing references that other features store as ids. */
    @Transactional(readOnly = true)
    public Map<Long, UserView> byIds(Collection<Long> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::id, User::toView));
    }

    @Transactional
    public UserView setPlatformAdmin(Actor actor, String username, boolean platformAdmin) {
        actor.requirePlatformAdmin("change who is a platform admin");
        User user = load(username);
        if (user.platformAdmin() == platformAdmin) {
            return user.toView();
        }
        if (!platformAdmin && user.enabled() && lockActiveAdmins() == 1) {
            throw new ConflictException("'" + username + "' is the last platform admin. Make someone else an admin"
                    + " first, or nobody could administer Slipway.");
        }
        user.changePlatformAdmin(platformAdmin, clock.instant());
        audit.record(actor, platformAdmin ? "user.admin-granted" : "user.admin-revoked", "user", username, null, Map.of());
        return user.toView();
    }

    @Transactional
    public UserView setEnabled(Actor actor, String username, boolean enabled) {
        actor.requirePlatformAdmin("enable or disable users");
        User user = load(username);
        if (user.enabled() == enabled) {
            return user.toView();
        }
        if (!enabled && user.id() == actor.userId()) {
            throw new ConflictException("You cannot disable your own account; ask another platform admin.");
        }
        if (!enabled && user.platformAdmin() && lockActiveAdmins() == 1) {
            throw new ConflictException("'" + username + "' is the last platform admin and cannot be disabled.");
        }
        user.changeEnabled(enabled, clock.instant());
        audit.record(actor, enabled ? "user.enabled" : "user.disabled", "user", username, null, Map.of());
        return user.toView();
    }

    @Transactional
    public UserView updateDisplayName(Actor actor, String username, String displayName) {
        if (!actor.platformAdmin() && !actor.username().equals(username)) {
            throw new ForbiddenException("You may change only your own display name.");
        }
        String cleaned = Text.clean(displayName);
        new InputCheck().field("displayName", Text.requiredText(cleaned, 100)).throwIfInvalid();
        User user = load(username);
        user.changeDisplayName(cleaned, clock.instant());
        audit.record(actor, "user.renamed", "user", username, null, Map.of("displayName", cleaned));
        return user.toView();
    }

    /** An admin sets a new password for someone who lost theirs. */
    @Transactional
    public void resetPassword(Actor actor, String username, String newPassword) {
        actor.requirePlatformAdmin("reset passwords");
        User user = load(username);
        new InputCheck().field("password", Credentials.passwordProblem(newPassword, username)).throwIfInvalid();
        user.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        audit.record(actor, "user.password-reset", "user", username, null, Map.of());
    }

    /** A user changes their own password, proving they know the current one; their API tokens keep working. */
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        changeOwnPassword(actor, currentPassword, newPassword, false);
    }

    /**
     * A user changes their own password, proving they know the current one, and may revoke all their API
     * tokens with it (as after a leak), in the same transaction: either both happen or neither.
     *
     * @return how many tokens were revoked
     */
    @Transactional
    public int changeOwnPassword(Actor actor, String currentPassword, String newPassword, boolean revokeTokens) {
        User user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        new InputCheck().field("newPassword", Credentials.passwordProblem(newPassword, user.username())).throwIfInvalid();
        user.changePasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        audit.record(actor, "user.password-changed", "user", user.username(), null, Map.of());
        return revokeTokens ? tokens.revokeAll(actor) : 0;
    }

    /**
     * Counts the active admins while holding their rows, so two admins demoting each other at the same
     * moment cannot both pass the "not the last admin" check.
     */
    private long lockActiveAdmins() {
        return users.lockActiveAdmins().size();
    }

    private User load(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("There is no user '" + username + "'."));
    }

}
