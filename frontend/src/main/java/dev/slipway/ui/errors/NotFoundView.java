package dev.slipway.ui.errors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import dev.slipway.shared.NotFoundException;
import dev.slipway.ui.MainLayout;
import dev.slipway.ui.apps.AppListView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.annotation.security.PermitAll;

/**
 * Shown when a page names something that does not exist or that the user may not see, for example an
 * app of another team typed into the address bar. It says which, in the service's words.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph message = new Paragraph();

    public NotFoundView() {
        add(new H2("Not found"), message, new RouterLink("Back to your apps", AppListView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        message.setText(parameter.getException().getMessage());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
