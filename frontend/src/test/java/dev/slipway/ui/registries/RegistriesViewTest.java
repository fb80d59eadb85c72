package dev.slipway.ui.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.slipway.registries.RegistryService;
import dev.slipway.registries.RegistryView;
import dev.slipway.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(UiTestSupport.class)
class RegistriesViewTest extends SpringBrowserlessTest {

    @Autowired
    UiTestSupport support;
    @Autowired
    RegistryService registries;

    @Override
    @AfterEach
    protected void cleanVaadinEnvironment() {
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_admin_adds_a_registry_and_points_staging_at_it() {
        support.signIn(support.admin());
        navigate("admin/registries", RegistriesView.class);
        String name = UiTestSupport.unique("harbor");

        test($(Button.class).withText("Add registry").single()).click();
        test($(TextField.class).withLabel("Name").single()).setValue(name);
        test($(TextField.class).withLabel("Address").single()).setValue("https://harbor.internal/shop");
        test($(Button.class).withText("Save").single()).click();
        assertThat($(TextField.class).withLabel("Address").single().getErrorMessage())
                .as("the scheme is refused in the form").contains("without a scheme");

        test($(TextField.class).withLabel("Address").single()).setValue("harbor.internal/shop");
        test($(Checkbox.class).withLabelContaining("plain HTTP").single()).click();
        test($(TextField.class).withLabel("Username").single()).setValue("robot");
        test($(PasswordField.class).withLabel("Password or token").single()).setValue("push-token-1");
        test($(Button.class).withText("Save").single()).click();
        @SuppressWarnings("unchecked")
        Grid<RegistryView> grid = $(Grid.class).single();
        var rows = test(grid);
        int row = java.util.stream.IntStream.range(0, rows.size()).filter(i -> name.equals(rows.getCellText(i, 0)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed"));
        assertThat(rows.getCellText(row, 1)).isEqualTo("harbor.internal/shop");
        assertThat(rows.getCellText(row, 2)).isEqualTo("plain HTTP allowed, as robot (password set)");
        assertThat(rows.getCellText(row, 3)).isEqualTo("not used");
        assertThat(registries.list(support.admin())).filteredOn(r -> r.name().equals(name)).singleElement()
                .satisfies(r -> {
                    assertThat(r.insecure()).isTrue();
                    assertThat(r.hasPassword()).isTrue();
                });

        @SuppressWarnings("unchecked")
        Select<String> staging = $(Select.class).withLabel("staging").single();
        assertThat(staging.getValue()).as("the test installation has no SLIPWAY_BUILD_REGISTRY")
                .contains("none configured");
        test(staging).selectItem(name);

        try {
            assertThat(registries.assignments(support.admin())).containsEntry("staging", name);
        } finally {
            registries.assign(support.admin(), "staging", null);
            registries.delete(support.admin(), name);
        }
    }
}
