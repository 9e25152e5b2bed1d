package dev.detour.bot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.preview.FlagChange;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.QuestionEffect;
import dev.detour.incidents.preview.SwitchedOffModel;
import dev.detour.incidents.preview.TaskClassEffect;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Names;
import dev.detour.messages.RefusalText;
import dev.detour.messages.SupportPost;
import dev.detour.messages.Wording;
import dev.detour.notifications.language.WordingFactory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code POST /api/preview}: the preview of a change, as JSON, for scripts and runbooks (docs/api.md). Changes
 * nothing and records nothing; a change Detour would refuse is answered 422 with the refusal.
 */
@Controller("/api/preview")
public class PreviewController {
    private final ChangePreviews previews;
    private final PreviewRequest request;
    private final RefusalText refusals;
    private final SupportPost support;

    /** @param english the API speaks English, whatever language the Slack messages use */
    public PreviewController(ChangePreviews previews, Catalog catalog, ObjectMapper json,
                             @Named(WordingFactory.API) Wording english) {
        this.previews = previews;
        this.request = new PreviewRequest(catalog, json);
        this.refusals = new RefusalText(new Names(catalog), english);
        this.support = new SupportPost(new Names(catalog), english);
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> preview(@Body byte[] body) {
        ProposedChange change = request.read(body);
        PreviewOutcome outcome = previews.preview(change);
        if (outcome instanceof PreviewOutcome.Refused refused) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ApiError("refused", refusals.of(refused.refusal())));
        }
        Preview preview = ((PreviewOutcome.Previewed) outcome).preview();
        return HttpResponse.ok(View.of(preview, preview.supportPost().map(kind -> new SupportPostView(kind.word(),
                String.join("\n", support.previewed(preview)))).orElse(null)));
    }

    /**
     * The JSON of a preview: ids and words, durations in ISO-8601, {@code null} for none.
     *
     * @param version     the state it was computed from; a later apply compares it
     * @param supportPost the post support staff would get; {@code null} when the change makes none
     */
    public record View(Change change, String version, List<TaskClass> taskClasses, List<String> paused,
                       List<Question> questions, List<Flag> flags, List<Model> switchedOff,
                       List<Unblockable> unblockable, Change narrower, SupportPostView supportPost) {
        static View of(Preview preview, SupportPostView supportPost) {
            return new View(Change.of(preview.change()), preview.version(),
                    preview.taskClasses().stream().map(TaskClass::of).toList(),
                    preview.paused().stream().map(Object::toString).toList(),
                    preview.questions().stream().map(Question::of).toList(),
                    preview.flags().stream().map(Flag::of).toList(),
                    preview.switchedOff().stream().map(Model::of).toList(),
                    preview.unblockable().stream().map(Unblockable::of).toList(),
                    preview.narrower().map(Change::of).orElse(null), supportPost);
        }
    }

    /**
     * A deployment a push sink cannot block (docs/flags.md, "LiteLLM proxy sink").
     *
     * @param reason {@code config-based} or {@code not-allowed}
     */
    public record Unblockable(String sink, String model, String deployment, String reason) {
        static Unblockable of(UnblockableDeployment deployment) {
            return new Unblockable(deployment.sink(), deployment.model().value(), deployment.deployment(),
                    deployment.reason() == UnblockableDeployment.Reason.CONFIG_BASED ? "config-based"
                            : "not-allowed");
        }
    }

    /**
     * @param kind {@code status} or {@code all-clear}
     * @param text its customer text as the post renders it, one line per feature off its usual model
     */
    public record SupportPostView(String kind, String text) {
    }

    /** The change as the request names it: {@code action} and its {@code targets}, {@code taskClass}, ... */
    public record Change(String action, List<String> targets, String taskClass, String to, String answer) {
        static Change of(ProposedChange change) {
            if (change instanceof ProposedChange.Disable disable) {
                return new Change("disable", ids(disable.targets()), null, null, null);
            } else if (change instanceof ProposedChange.Enable enable) {
                return new Change("enable", ids(enable.targets()), null, null, null);
            } else if (change instanceof ProposedChange.Reroute reroute) {
                String to = reroute.override().map(o -> o instanceof RouteOverride.Pin pin ? pin.model().value()
                        : "stop").orElse("auto");
                return new Change("route", null, reroute.taskClass().value(), to, null);
            }
            ProposedChange.Answer answer = (ProposedChange.Answer) change;
            return new Change("consent", null, answer.taskClass().value(), null, answer.answer().word());
        }

        private static List<String> ids(List<Target> targets) {
            return targets.stream().map(Target::id).toList();
        }
    }

    /** @param before {@code null} when the class has no stored route yet */
    public record TaskClass(String id, RouteView before, RouteView after, boolean changed, boolean paused) {
        static TaskClass of(TaskClassEffect effect) {
            return new TaskClass(effect.taskClass().value(), effect.before().map(RouteView::of).orElse(null),
                    RouteView.of(effect.after()), effect.changed(), effect.paused());
        }
    }

    public record RouteView(String state, String serving, String offered) {
        static RouteView of(Route route) {
            return new RouteView(route.state().word(), route.serving().map(ModelId::value).orElse(null),
                    route.offered().map(ModelId::value).orElse(null));
        }
    }

    public record Question(String taskClass, String offered, String timeout, String onTimeout) {
        static Question of(QuestionEffect question) {
            return new Question(question.taskClass().value(), question.offered().value(), question.timeout().toString(),
                    question.onTimeout().word());
        }
    }

    public record Flag(String key, String before, String after) {
        static Flag of(FlagChange flag) {
            return new Flag(flag.key(), flag.before(), flag.after());
        }
    }

    /**
     * @param health   {@code failing}, {@code healthy} or {@code unknown}
     * @param requests the gateway's requests in its window; {@code null} without gateway numbers
     * @param firing   the sources that say it fails now
     */
    public record Model(String model, String health, Long requests, Long errors, Double errorRate, String window,
                        List<String> firing) {
        static Model of(SwitchedOffModel model) {
            return new Model(model.model().value(), model.health().word(),
                    model.gateway().map(traffic -> traffic.requests()).orElse(null),
                    model.gateway().map(traffic -> traffic.errors()).orElse(null),
                    model.gateway().map(traffic -> traffic.errorRate()).orElse(null),
                    model.gateway().map(traffic -> traffic.window().toString()).orElse(null), model.firing());
        }
    }
}
