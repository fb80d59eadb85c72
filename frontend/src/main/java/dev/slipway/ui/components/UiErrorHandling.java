package dev.slipway.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.SlipwayException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What the user sees when a click fails and the view did not handle it: the service's own message for
 * errors the user can fix, an error id (also in the log) for everything else. Without this Vaadin would
 * only log the exception and the click would seem to do nothing.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrorHandling::handle));
    }

    private static void handle(ErrorEvent event) {
        Throwable error = rootUserError(event.getThrowable());
        String message;
        if (error instanceof InvalidInputException invalid) {
            message = "Nothing was saved. " + invalid.getMessage();
        } else if (error instanceof SlipwayException userError) {
            message = userError.getMessage();
        } else if (error instanceof ObjectOptimisticLockingFailureException) {
            message = "Someone else changed this at the same time. Reload the page and repeat your change.";
        } else {
            String id = UUID.randomUUID().toString();
            log.error("Unexpected error in the UI (error id {})", id, event.getThrowable());
            message = "Something went wrong. The error is logged with id " + id + "; give it to your platform team.";
        }
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> Notifications.error(message));
        }
    }

    private static Throwable rootUserError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SlipwayException || t instanceof ObjectOptimisticLockingFailureException) {
                return t;
            }
        }
        return error;
    }
}
