package dev.slipway.webhooks;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a delivery reads and writes, in plain SQL: this is the path a git provider waits on, and single
 * statements without an ORM session or transaction around them are most of what keeps it short.
 */
@Repository
class WebhookStore {

    /** The condition of the unique index {@code webhook_deliveries_once} (V21), which ON CONFLICT must repeat. */
    private static final String ONCE = "(app_id, provider, delivery_id) where delivery_id is not null"
            + " and outcome not in ('REFUSED', 'DUPLICATE')";

    /** A verified push to the app's branch, stored before its build is queued. */
    record Pending(long id, long appId, WebhookProvider provider, String ref, String commit) {

        String branch() {
            return ref.substring(PushEvent.BRANCH_PREFIX.length());
        }
    }

    /** A push of a branch that got its build. */
    record Queued(String commit, int build) {
    }

    /** How many deliveries of an app keep their request, verified and refused ones each: see {@link #forgetOldRequests}. */
    static final int KEPT_REQUESTS = 50;
    /** How many bytes of bodies the verified deliveries of one app keep together. */
    static final int KEPT_BODY_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sealed secret that signs the app's deliveries, if one was generated. */
    Optional<UUID> secretOf(long appId) {
        return jdbc.sql("select secret_id from app_webhooks where app_id = ?").param(appId).query(UUID.class).optional();
    }

    /**
     * A delivery as received, before its outcome is known.
     *
     * @param headers the request's headers as {@link StoredRequests#json} writes them (secrets redacted)
     * @param body    the raw body; null when it is not to be kept (a refused delivery)
     */
    record NewDelivery(long appId, WebhookProvider provider, @Nullable String deliveryId, String event,
                       Instant receivedAt, String headers, byte @Nullable [] body, int bodySize,
                       @Nullable Long redeliveryOf, @Nullable String redeliveredBy) {
    }

    /** What is kept of a delivery's request: its headers, and its body when it was verified. */
    record KeptRequest(String headers, byte @Nullable [] body) {
    }

    /**
     * Stores a delivery unless its id was stored before (refused deliveries aside).
     *
     * @return the stored row's id; empty when the provider sent this delivery id before and nothing was stored
     */
    Optional<Long> storeOnce(NewDelivery delivery, @Nullable String repository, @Nullable String ref,
                             @Nullable String commit, DeliveryOutcome outcome, String reason) {
        return jdbc.sql("insert into webhook_deliveries (app_id, provider, delivery_id, event, repository, ref,"
                        + " commit_sha, outcome, reason, received_at, request_headers, body, body_size, redelivery_of,"
                        + " redelivered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
                        + " on conflict " + ONCE + " do nothing returning id")
                .params(delivery.appId(), delivery.provider().name(), text(delivery.deliveryId(), 100),
                        String.valueOf(cut(delivery.event(), 64)), text(repository, 2048), text(ref, 300),
                        text(commit != null && commit.matches("[0-9a-f]{40}") ? commit : null, 40),
                        outcome.name(), String.valueOf(cut(reason, 1000)), Timestamp.from(delivery.receivedAt()),
                        delivery.headers(), new SqlParameterValue(Types.BINARY, delivery.body()), delivery.bodySize(),
                        new SqlParameterValue(Types.BIGINT, delivery.redeliveryOf()),
                        text(delivery.redeliveredBy(), 40))
                .query(Long.class).optional();
    }

    /**
     * Drops the requests of the app's older deliveries, so what is kept stays bounded whatever is sent: the
     * newest {@value #KEPT_REQUESTS} verified deliveries keep headers and body, up to {@value #KEPT_BODY_BYTES}
     * bytes of bodies together (a push is a few kilobytes; the cap per body is 1 MB), and the newest
     * {@value #KEPT_REQUESTS} refused ones keep their headers. Refused deliveries are counted apart, so
     * strangers sending junk cannot push the team's verified deliveries out. Fifty is what the app's page
     * lists; ten megabytes per app keeps a thousand apps' deliveries under ten gigabytes at the very worst.
     * Rows another replica is pruning at the same moment are skipped, not waited for. Run by
     * {@link OldRequests} in the background, never while a provider waits.
     */
    void forgetOldRequests(long appId) {
        jdbc.sql("""
                        update webhook_deliveries set request_headers = null, body = null where id in (
                            select id from webhook_deliveries where id in (
                                select id from (
                                    select id, row_number() over kept as n,
                                           sum(case when body is null then 0 else body_size end) over kept as bytes
                                    from webhook_deliveries where app_id = ? and request_headers is not null
                                    window kept as (partition by outcome = 'REFUSED' order by id desc)) ranked
                                where n > ? or bytes > ?)
                            for update skip locked)""")
                .params(appId, KEPT_REQUESTS, KEPT_BODY_BYTES)
                .update();
    }

    /** The kept request of a delivery; empty when it was dropped, or received before requests were kept. */
    Optional<KeptRequest> request(long id) {
        return jdbc.sql("select request_headers::text as headers, body from webhook_deliveries where id = ?"
                        + " and request_headers is not null")
                .param(id)
                .query((row, n) -> new KeptRequest(row.getString("headers"), row.getBytes("body")))
                .optional();
    }

    /** The newest pending push's id; 0 when none waits. */
    long newestPending() {
        return jdbc.sql("select coalesce(max(id), 0) from webhook_deliveries where outcome = 'BUILD_PENDING'")
                .query(Long.class).single();
    }

    /**
     * Claims the pending pushes of the branch whose push has waited longest, oldest first, up to the
     * given id; rows another Slipway replica is settling are skipped. Must run in a transaction, which
     * holds the claim.
     */
    List<Pending> claimOldestBranch(long upTo) {
        record Branch(long appId, String ref) {
        }
        Optional<Branch> oldest = jdbc.sql("select app_id, ref from webhook_deliveries where outcome = 'BUILD_PENDING'"
                        + " and id <= ? order by id limit 1 for update skip locked")
                .param(upTo)
                .query((row, n) -> new Branch(row.getLong("app_id"), row.getString("ref"))).optional();
        return oldest.map(branch -> jdbc.sql("select id, app_id, provider, ref, commit_sha from webhook_deliveries"
                                + " where outcome = 'BUILD_PENDING' and app_id = ? and ref = ? and id <= ?"
                                + " order by id for update skip locked")
                        .params(branch.appId(), branch.ref(), upTo)
                        .query((row, n) -> new Pending(row.getLong("id"), row.getLong("app_id"),
                                WebhookProvider.valueOf(row.getString("provider")), row.getString("ref"),
                                row.getString("commit_sha")))
                        .list())
                .orElse(List.of());
    }

    /** Waits until no other transaction settles pushes of this branch; held until this one ends. */
    void lockBranch(long appId, String ref) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('webhook-push:' || ? || ':' || ?, 0))")
                .params(appId, ref).query((row, n) -> 1).single();
    }

    /** The newest push of the same branch, received after this one, that already got its build. */
    Optional<Queued> queuedAfter(Pending push) {
        return jdbc.sql("select commit_sha, build_number from webhook_deliveries where app_id = ? and ref = ? and id > ?"
                        + " and outcome = 'BUILD_QUEUED' order by id desc limit 1")
                .params(push.appId(), push.ref(), push.id())
                .query((row, n) -> new Queued(row.getString("commit_sha"), row.getInt("build_number"))).optional();
    }

    /** Records what became of a pending push. */
    void settle(long id, DeliveryOutcome outcome, String reason, @Nullable Integer build) {
        jdbc.sql("update webhook_deliveries set outcome = ?, reason = ?, build_number = ? where id = ?"
                        + " and outcome = 'BUILD_PENDING'")
                .params(outcome.name(), String.valueOf(cut(reason, 1000)), new SqlParameterValue(Types.INTEGER, build), id)
                .update();
    }

    /** Typed, so a null costs no round trip asking the driver for the column's type. */
    private static SqlParameterValue text(@Nullable String value, int max) {
        return new SqlParameterValue(Types.VARCHAR, cut(value, max));
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
