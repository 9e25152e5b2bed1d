package dev.detour.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code SLACK_APP_TOKEN} set, Detour opens a Socket Mode connection to Slack instead of waiting for
 * requests on {@code /slack/events}, for workspaces that cannot expose a public URL. Same {@link App}, same
 * handlers.
 */
@Singleton
@Requires(beans = App.class)
@Requires(property = "slack.app-token")
public class SocketModeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SocketModeRunner.class);

    private final App app;
    private final String appToken;
    private SocketModeApp socketMode;

    public SocketModeRunner(App app, @Property(name = "slack.app-token") String appToken) {
        this.app = app;
        this.appToken = appToken;
    }

    @EventListener
    public synchronized void onStartup(StartupEvent event) {
        try {
            socketMode = new SocketModeApp(appToken, app);
            socketMode.startAsync();
            LOG.info("Slack Socket Mode connection started");
        } catch (Exception e) {
            // Detour keeps serving the API, flags and console; the log says why Slack is unreachable.
            LOG.error("Slack Socket Mode could not start: {}", e.toString());
        }
    }

    @PreDestroy
    public synchronized void close() throws Exception {
        if (socketMode != null) {
            // Closing the connection runs the client's close listeners, which would dial Slack again: a Detour
            // that is shutting down must not (seen as "Failed to connect to a new Socket Mode server endpoint"
            // logged after the application had closed).
            SocketModeClient client = socketMode.getClient();
            if (client != null) {
                client.setAutoReconnectOnCloseEnabled(false);
                client.setAutoReconnectEnabled(false);
            }
            socketMode.close();
        }
    }
}
