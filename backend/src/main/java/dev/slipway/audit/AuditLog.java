package dev.slipway.audit;

import dev.slipway.shared.Actor;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

    private final AuditEventRepository repository;
    private final Clock clock;

    AuditLog(AuditEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records a change. Must run inside the transaction that makes the change, so both commit or neither.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String targetType, String target, @Nullable String team,
                       Map<String, String> details) {
        repository.save(new AuditEvent(clock.instant(), actor, action, targetType, target, team, Map.copyOf(details)));
    }

    /** Records a change made by a signed-in user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String targetType, String target, @Nullable String team,
                       Map<String, String> details) {
        record(actor.username(), action, targetType, target, team, details);
    }

    /**
     * The newest entries first. Only platform admins may browse the whole log.
     *
     * @throws InvalidInputException when the time range is empty ({@code to} not after {@code from}), which
     *                               is a mistake in the query rather than a question with no answer
     */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Actor actor, AuditQuery query, Pageable pageable) {
        actor.requirePlatformAdmin("browse the audit log");
        if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
            throw new InvalidInputException("to", "must be later than from (" + query.from() + "): the range"
                    + " includes from and ends just before to");
        }
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return repository.findAll(matching(query), newestFirst).map(AuditEvent::toEntry);
    }

    private static Specification<AuditEvent> matching(AuditQuery query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (StringUtils.hasText(query.actor())) {
                where.add(cb.equal(root.get("actor"), query.actor().strip()));
            }
            if (StringUtils.hasText(query.action())) {
                where.add(cb.like(root.get("action"), Text.escapeLike(query.action().strip()) + "%", '\\'));
            }
            if (StringUtils.hasText(query.target())) {
                where.add(cb.like(cb.lower(root.get("target")),
                        "%" + Text.escapeLike(query.target().strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
            }
            if (StringUtils.hasText(query.team())) {
                where.add(cb.equal(root.get("team"), query.team().strip()));
            }
            if (StringUtils.hasText(query.app())) {
                where.add(cb.equal(root.get("targetType"), "app"));
                where.add(cb.equal(root.get("target"), query.app().strip()));
            }
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), query.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
