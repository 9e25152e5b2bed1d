package dev.detour.bot.slack;

import com.slack.api.bolt.App;
import dev.detour.bot.api.ApiError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** Console mode: Slack requests get a clear answer instead of a 404. */
@Controller("/slack")
@Requires(missingBeans = App.class)
public class SlackNotConfiguredController {

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<ApiError> events() {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("slack_not_configured",
                "Detour runs in console mode: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to take Slack requests"));
    }
}
