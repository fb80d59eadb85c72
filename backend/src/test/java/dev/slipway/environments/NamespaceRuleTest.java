package dev.slipway.environments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceRuleTest {

    @Test
    void fills_in_app_team_and_environment() {
        assertThat(NamespaceRule.render("{team}-{app}-{env}", "web", "shop", "dev")).isEqualTo("web-shop-dev");
    }

    @Test
    void long_names_are_cut_to_63_characters_with_a_stable_hash() {
        String app = "a".repeat(40);
        String team = "t".repeat(24);
        String namespace = NamespaceRule.render("{team}-{app}-{env}", team, app, "production");

        assertThat(namespace).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
        assertThat(namespace).isEqualTo(NamespaceRule.render("{team}-{app}-{env}", team, app, "production"));
        assertThat(namespace).isNotEqualTo(NamespaceRule.render("{team}-{app}-{env}", team, app, "productiox"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{app}-{env}", "{team}", "apps-{env}", "{team}-{app}-{env}"})
    void accepts_templates_of_letters_digits_dashes_and_placeholders(String template) {
        assertThat(NamespaceRule.templateProblem(template)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{app}_{env}", "{application}", "Apps-{env}", "{env}-", "-{env}", "1{env}"})
    void refuses_templates_that_cannot_give_a_namespace(String template) {
        assertThat(NamespaceRule.templateProblem(template)).isPresent();
    }
}
