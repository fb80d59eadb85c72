package dev.slipway.ui.errors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.ui.MainLayout;
import dev.slipway.ui.apps.AppListView;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a page needs a role the user lacks; the message names the role and whom to ask. */
@ParentLayout(MainLayout.class)
@PermitAll
public class ForbiddenView extends VerticalLayout implements HasErrorParameter<ForbiddenException> {

    private final Paragraph message = new Paragraph();

    public ForbiddenView() {
        add(new H2("Not allowed"), message, new RouterLink("Back to your apps", AppListView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ForbiddenException> parameter) {
        message.setText(parameter.getException().getMessage());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
