package dev.slipway.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes that behave the same on a real API server and in the sandbox: create, or replace (PUT) with
 * the live resourceVersion, retried on conflict. Server-side apply and strategic merge patch are
 * avoided on purpose: the sandbox's API server has neither. Objects Slipway did not label are never
 * changed, and an object that already holds what Slipway would write is not written again, so a
 * reconcile pass that repeats itself costs reads only.
 */
public final class KubernetesWrites {

    /** Attempts of one write before a conflict is given up to the caller (the engine retries later). */
    static final int MAX_ATTEMPTS = 5;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesWrites() {
    }

    /**
     * Whether {@code live} (for example from an informer's cache) already holds what Slipway would write
     * for {@code desired}: then {@link #apply} would change nothing, and need not even read the object.
     */
    public static boolean upToDate(HasMetadata desired, @Nullable HasMetadata live) {
        return live != null && managedBySlipway(live) && hash(desired).equals(annotation(live, Labels.APPLIED_HASH));
    }

    /**
     * Makes the cluster hold {@code desired}: creates it when absent, replaces it when Slipway's last
     * write differs, does nothing when it does not. A Deployment without replicas (an HPA owns them)
     * keeps its live replica count. A Namespace that exists in any form is left as it is: Slipway only
     * needs it to exist, and clusters often have namespaces made by their admins.
     *
     * @throws ForeignObjectException   when an object of that name exists without Slipway's label
     * @throws KubernetesClientException when the API server refuses, or still conflicts after
     *                                   {@value #MAX_ATTEMPTS} attempts
     */
    public static WriteOutcome apply(KubernetesClient client, HasMetadata desired) {
        if (immutable(desired)) {
            return ensure(client, desired);
        }
        String hash = hash(desired);
        KubernetesClientException conflict = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            HasMetadata live = client.resource(desired).get();
            try {
                if (live == null) {
                    client.resource(stamped(desired, hash)).create();
                    return WriteOutcome.CREATED;
                }
                if (desired instanceof Namespace) {
                    return WriteOutcome.UNCHANGED;
                }
                if (!managedBySlipway(live)) {
                    throw new ForeignObjectException(desired.getKind(), desired.getMetadata().getName(),
                            desired.getMetadata().getNamespace());
                }
                if (hash.equals(annotation(live, Labels.APPLIED_HASH))) {
                    return WriteOutcome.UNCHANGED;
                }
                client.resource(replacement(desired, live, hash)).update();
                return WriteOutcome.UPDATED;
            } catch (KubernetesClientException e) {
                // 409 on create: someone created it since we looked; on update: someone changed it since we
                // read it. Either way, read again and decide again.
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                conflict = e;
            }
        }
        throw Objects.requireNonNull(conflict);
    }

    /**
     * Config objects are named after their content and immutable: one that exists already holds what
     * this one would. They get no applied-hash annotation, since a Secret's hash would be a hash of
     * its values.
     */
    private static WriteOutcome ensure(KubernetesClient client, HasMetadata desired) {
        HasMetadata live = client.resource(desired).get();
        if (live != null) {
            if (!managedBySlipway(live)) {
                throw new ForeignObjectException(desired.getKind(), desired.getMetadata().getName(),
                        desired.getMetadata().getNamespace());
            }
            return WriteOutcome.UNCHANGED;
        }
        try {
            client.resource(desired).create();
            return WriteOutcome.CREATED;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return WriteOutcome.UNCHANGED; // created by someone else since we looked: same name, same content
            }
            throw e;
        }
    }

    private static boolean immutable(HasMetadata desired) {
        return (desired instanceof ConfigMap c && Boolean.TRUE.equals(c.getImmutable()))
                || (desired instanceof Secret s && Boolean.TRUE.equals(s.getImmutable()));
    }

    /**
     * Deletes the app's config objects in the environment except those named in {@code keep}: the ones
     * releases that may still be rolled back to refer to. A rollback to an older release recreates its
     * objects from the release's pinned config, so nothing is lost by deleting them.
     *
     * @return the names deleted
     */
    public static List<String> deleteConfigObjectsExcept(KubernetesClient client, String namespace, String app,
                                                         String environment, Set<String> keep) {
        Map<String, String> selector = Map.of(Labels.APP, app, Labels.ENV, environment, Labels.CONFIG, "true",
                Labels.MANAGED_BY, Labels.SLIPWAY);
        List<HasMetadata> found = new ArrayList<>();
        found.addAll(client.configMaps().inNamespace(namespace).withLabels(selector).list().getItems());
        found.addAll(client.secrets().inNamespace(namespace).withLabels(selector).list().getItems());
        List<String> deleted = new ArrayList<>();
        for (HasMetadata object : found) {
            if (!keep.contains(object.getMetadata().getName())) {
                client.resource(object).delete();
                deleted.add(object.getKind() + " " + object.getMetadata().getName());
            }
        }
        return deleted;
    }

    /**
     * Deletes the Deployment, Service and HPA Slipway made for an app in one environment (all named
     * after the app), and its config objects. Objects of that name without Slipway's labels for this app and environment are
     * left alone.
     *
     * @return whether anything was deleted
     */
    public static boolean deleteWorkload(KubernetesClient client, String namespace, String app, String environment) {
        List<HasMetadata> found = new ArrayList<>();
        found.add(client.apps().deployments().inNamespace(namespace).withName(app).get());
        for (String name : List.of(Manifests.canaryName(app), Manifests.slotName(app, Labels.BLUE),
                Manifests.slotName(app, Labels.GREEN))) {
            found.add(client.apps().deployments().inNamespace(namespace).withName(name).get());
        }
        for (String name : List.of(app, Manifests.canaryName(app), Manifests.stableServiceName(app),
                Manifests.previewName(app))) {
            found.add(client.services().inNamespace(namespace).withName(name).get());
        }
        // routes exist only where the environment has a traffic router; a cluster without their API says 404
        for (String name : List.of(app, Manifests.canaryName(app))) {
            found.add(optional(() -> client.network().v1().ingresses().inNamespace(namespace).withName(name).get()));
        }
        found.add(optional(() -> client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class)
                .inNamespace(namespace).withName(app).get()));
        found.add(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName(app).get());
        found.addAll(client.configMaps().inNamespace(namespace).withLabels(Map.of(Labels.APP, app, Labels.ENV, environment,
                Labels.CONFIG, "true")).list().getItems());
        found.addAll(client.secrets().inNamespace(namespace).withLabels(Map.of(Labels.APP, app, Labels.ENV, environment,
                Labels.CONFIG, "true")).list().getItems());
        boolean deleted = false;
        for (HasMetadata object : found) {
            if (object != null && belongsTo(object, app, environment)) {
                deleted |= !client.resource(object).delete().isEmpty();
            }
        }
        return deleted;
    }

    private static @Nullable HasMetadata optional(java.util.function.Supplier<? extends @Nullable HasMetadata> read) {
        try {
            return read.get();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * A stable digest of everything Slipway writes: labels, annotations (but this digest itself) and
     * all content outside metadata and status. Map keys are sorted first, so the same desired object
     * always gives the same digest whatever order its maps were filled in.
     */
    static String hash(HasMetadata desired) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = SERIALIZATION.convertValue(desired, Map.class);
        tree.remove("metadata");
        tree.remove("status");
        ObjectMeta meta = desired.getMetadata();
        Map<String, String> annotations = new TreeMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
        annotations.remove(Labels.APPLIED_HASH);
        tree.put("name", meta.getName());
        tree.put("namespace", meta.getNamespace());
        tree.put("labels", meta.getLabels() == null ? Map.of() : meta.getLabels());
        tree.put("annotations", annotations);
        byte[] canonical = SERIALIZATION.asJson(canonical(tree)).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean managedBySlipway(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && Labels.SLIPWAY.equals(labels.get(Labels.MANAGED_BY));
    }

    private static boolean belongsTo(HasMetadata object, String app, String environment) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return managedBySlipway(object) && app.equals(labels.get(Labels.APP)) && environment.equals(labels.get(Labels.ENV));
    }

    /** A copy of {@code desired} carrying the digest, so the caller's object is never changed. */
    private static HasMetadata stamped(HasMetadata desired, String hash) {
        HasMetadata copy = SERIALIZATION.clone(desired);
        Map<String, String> annotations = new TreeMap<>(
                copy.getMetadata().getAnnotations() == null ? Map.of() : copy.getMetadata().getAnnotations());
        annotations.put(Labels.APPLIED_HASH, hash);
        copy.getMetadata().setAnnotations(annotations);
        return copy;
    }

    /**
     * What replaces the live object: Slipway's content, plus what others legitimately keep on it. A PUT
     * replaces the whole object, so without this the deployment controller's revision annotation, a
     * finalizer or the Service's allocated cluster IP would be dropped on every write.
     */
    private static HasMetadata replacement(HasMetadata desired, HasMetadata live, String hash) {
        HasMetadata next = stamped(desired, hash);
        ObjectMeta meta = next.getMetadata();
        ObjectMeta liveMeta = live.getMetadata();
        meta.setResourceVersion(liveMeta.getResourceVersion());
        meta.setLabels(keepForeignKeys(meta.getLabels(), liveMeta.getLabels()));
        meta.setAnnotations(keepForeignKeys(meta.getAnnotations(), liveMeta.getAnnotations()));
        if (meta.getFinalizers() == null || meta.getFinalizers().isEmpty()) {
            meta.setFinalizers(liveMeta.getFinalizers());
        }
        if (meta.getOwnerReferences() == null || meta.getOwnerReferences().isEmpty()) {
            meta.setOwnerReferences(liveMeta.getOwnerReferences());
        }
        if (next instanceof Deployment deployment && live instanceof Deployment liveDeployment
                && deployment.getSpec().getReplicas() == null && liveDeployment.getSpec() != null) {
            // An HPA owns the count: writing none would reset the Deployment to 1 replica.
            deployment.getSpec().setReplicas(liveDeployment.getSpec().getReplicas());
        }
        if (next instanceof Service service && live instanceof Service liveService && liveService.getSpec() != null) {
            keepAllocatedAddresses(service.getSpec(), liveService.getSpec());
        }
        return next;
    }

    /** Keys outside Slipway's own prefixes were put there by someone else (a controller, an admin) and stay. */
    private static Map<String, String> keepForeignKeys(@Nullable Map<String, String> ours,
                                                       @Nullable Map<String, String> live) {
        Map<String, String> merged = new TreeMap<>();
        if (live != null) {
            live.forEach((key, value) -> {
                if (!key.startsWith("slipway.dev/") && !key.startsWith("app.kubernetes.io/")) {
                    merged.put(key, value);
                }
            });
        }
        if (ours != null) {
            merged.putAll(ours);
        }
        return merged;
    }

    /** The cluster IP is allocated by the API server and immutable; sending none must not look like a change. */
    private static void keepAllocatedAddresses(ServiceSpec spec, ServiceSpec live) {
        if (spec.getClusterIP() == null) {
            spec.setClusterIP(live.getClusterIP());
        }
        if (spec.getClusterIPs() == null || spec.getClusterIPs().isEmpty()) {
            spec.setClusterIPs(live.getClusterIPs());
        }
        if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
            spec.setIpFamilies(live.getIpFamilies());
        }
        if (spec.getIpFamilyPolicy() == null) {
            spec.setIpFamilyPolicy(live.getIpFamilyPolicy());
        }
    }

    private static @Nullable String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(String.valueOf(k), canonical(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? "" : canonical(v)).toList();
        }
        return value;
    }
}
