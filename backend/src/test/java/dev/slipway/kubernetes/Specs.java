package dev.slipway.kubernetes;

import java.util.Map;

/** Workload specs for tests: one realistic app, and variations of it. */
final class Specs {

    static final String IMAGE = "registry.example.com/payments/billing-api@sha256:"
            + "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    private Specs() {
    }

    static WorkloadSpec billing() {
        return new WorkloadSpec("billing-api", "payments", "staging", "payments-staging", true, 7, IMAGE, 8080,
                "/healthz", "/ready", 3, new WorkloadSpec.Resources("250m", "1", "256Mi", "512Mi"),
                new WorkloadSpec.Rolling("25%", "0", 600), null, Map.of("slipway.dev/sandbox", "healthy"), null);
    }

    static WorkloadSpec autoscaled() {
        return withAutoscaling(billing(), new WorkloadSpec.Autoscaling(2, 10, 70));
    }

    static WorkloadSpec in(String namespace, String app, String environment) {
        WorkloadSpec s = billing();
        return new WorkloadSpec(app, s.team(), environment, namespace, s.createNamespace(), s.release(), s.image(),
                s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(), s.rolling(),
                s.autoscaling(), s.podAnnotations(), s.config());
    }

    static WorkloadSpec release(WorkloadSpec s, int release, String image) {
        return new WorkloadSpec(s.app(), s.team(), s.environment(), s.namespace(), s.createNamespace(), release, image,
                s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(), s.rolling(),
                s.autoscaling(), s.podAnnotations(), s.config());
    }

    static WorkloadSpec rolling(WorkloadSpec s, String maxSurge, String maxUnavailable) {
        return new WorkloadSpec(s.app(), s.team(), s.environment(), s.namespace(), s.createNamespace(), s.release(),
                s.image(), s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(),
                new WorkloadSpec.Rolling(maxSurge, maxUnavailable, s.rolling().progressDeadlineSeconds()),
                s.autoscaling(), s.podAnnotations(), s.config());
    }

    static WorkloadSpec withConfig(WorkloadSpec s, WorkloadSpec.Config config) {
        return new WorkloadSpec(s.app(), s.team(), s.environment(), s.namespace(), s.createNamespace(), s.release(),
                s.image(), s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(), s.rolling(),
                s.autoscaling(), s.podAnnotations(), config);
    }

    static WorkloadSpec withAutoscaling(WorkloadSpec s, WorkloadSpec.Autoscaling autoscaling) {
        return new WorkloadSpec(s.app(), s.team(), s.environment(), s.namespace(), s.createNamespace(), s.release(),
                s.image(), s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(), s.rolling(),
                autoscaling, s.podAnnotations(), s.config());
    }

    static WorkloadSpec routed(WorkloadSpec s, WorkloadSpec.Route route) {
        return new WorkloadSpec(s.app(), s.team(), s.environment(), s.namespace(), s.createNamespace(), s.release(),
                s.image(), s.port(), s.livenessPath(), s.readinessPath(), s.replicas(), s.resources(), s.rolling(),
                s.autoscaling(), s.podAnnotations(), s.config(), route);
    }
}
