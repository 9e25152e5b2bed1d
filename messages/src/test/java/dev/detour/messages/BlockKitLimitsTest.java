package dev.detour.messages;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.service.DetourStatus;
import dev.detour.incidents.service.IncidentReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the size of the catalog, every message and view stays inside Block Kit's documented limits. */
class BlockKitLimitsTest {
    private static final Instant NOW = Instant.parse("2026-06-07T07:12:00Z");
    private static final String LONG = "An unusually long display name that goes on and on ".repeat(3);

    private final Catalog catalog = bigCatalog(4, 10, 30);
    private final Names names = new Names(catalog);
    private final Incident incident = everythingDown();
    private final DetourStatus status = allUnavailable();

    @Test
    void theRootMessageOfAnIncidentAffectingFortyModelsFits() {
        SlackMessage root = new IncidentRootMessage(names).render(incident, status);
        assertMessageFits(root.blocks(), Limits.MESSAGE_BLOCKS);
        assertTrue(root.blocks().toString().contains("more"), "long lists say how many were left out");
    }

    @Test
    void theStatusAndTheAppHomeFit() {
        assertMessageFits(new StatusMessage(names).render(status).blocks(), Limits.MESSAGE_BLOCKS);
        View home = new AppHomeView(new StatusMessage(names)).render(status);
        assertMessageFits(home.getBlocks(), Limits.VIEW_BLOCKS);
    }

    @Test
    void theDeclareFormOffersAtMostAHundredChoices() {
        View declare = new Modals(catalog).declare();
        assertMessageFits(declare.getBlocks(), Limits.VIEW_BLOCKS);
        InputBlock targets = (InputBlock) declare.getBlocks().get(0);
        MultiStaticSelectElement select = (MultiStaticSelectElement) targets.getElement();
        int options = select.getOptionGroups().stream().mapToInt(group -> group.getOptions().size()).sum();
        assertTrue(options <= Limits.OPTIONS, options + " options");
    }

    @Test
    void theSummaryOfALongIncidentFits() {
        var entries = new ArrayList<dev.detour.incidents.incident.TimelineEntry>();
        for (int i = 0; i < 500; i++) {
            entries.add(new dev.detour.incidents.incident.TimelineEntry(NOW.plusSeconds(i), Actor.user("U0ALICE"),
                    dev.detour.incidents.incident.TimelineEntry.Type.UPDATE, "update " + i + " " + LONG));
        }
        assertMessageFits(new ManagerSummary(names, Wording.english()).render(new IncidentReport(incident, entries,
                List.of(), NOW)).blocks(), Limits.MESSAGE_BLOCKS);
    }

    @Test
    void aHugeThreadReplyIsClipped() {
        SlackMessage reply = SlackMessage.plain("x".repeat(10_000));
        assertMessageFits(reply.blocks(), Limits.MESSAGE_BLOCKS);
        assertTrue(reply.text().length() <= Limits.SECTION_TEXT);
    }

    private static void assertMessageFits(List<LayoutBlock> blocks, int maxBlocks) {
        assertTrue(blocks.size() <= maxBlocks, blocks.size() + " blocks");
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section && section.getText() != null) {
                int length = section.getText().getText().length();
                assertTrue(length <= Limits.SECTION_TEXT, "section of " + length);
            }
            if (block instanceof HeaderBlock header) {
                assertTrue(header.getText().getText().length() <= Limits.HEADER_TEXT, "header too long");
            }
            if (block instanceof ActionsBlock actions) {
                assertTrue(actions.getElements().size() <= Limits.ACTIONS_ELEMENTS, "too many actions");
                for (BlockElement element : actions.getElements()) {
                    if (element instanceof ButtonElement button) {
                        assertTrue(button.getText().getText().length() <= Limits.BUTTON_TEXT, "button text");
                    }
                    if (element instanceof StaticSelectElement select) {
                        assertTrue(select.getOptions().size() <= Limits.OPTIONS, "menu options");
                        select.getOptions().forEach(option -> assertTrue(option.getText().getText().length()
                                <= Limits.OPTION_TEXT, "option text"));
                    }
                }
            }
        }
    }

    private static Catalog bigCatalog(int providerCount, int modelsEach, int taskClassCount) {
        List<Provider> providers = new ArrayList<>();
        List<ModelId> all = new ArrayList<>();
        for (int p = 0; p < providerCount; p++) {
            ProviderId provider = ProviderId.of("provider-" + p);
            List<Model> models = new ArrayList<>();
            for (int m = 0; m < modelsEach; m++) {
                ModelId model = ModelId.of("model-" + p + "-" + m);
                models.add(new Model(model, provider, LONG + p + "." + m));
                all.add(model);
            }
            providers.add(new Provider(provider, "Provider " + p + " " + LONG, Optional.empty(), false, false,
                    Map.of(), models));
        }
        List<TaskClass> taskClasses = new ArrayList<>();
        for (int t = 0; t < taskClassCount; t++) {
            taskClasses.add(new TaskClass(TaskClassId.of("task-" + t), "Task " + t + " " + LONG,
                    List.of(all.get(t % all.size()), all.get((t + 1) % all.size())), FailoverMode.AUTO,
                    Duration.ofMinutes(15), ConsentAnswer.DENY));
        }
        return new Catalog(providers, taskClasses);
    }

    private Incident everythingDown() {
        List<Target> targets = new ArrayList<>();
        catalog.providers().forEach(provider -> targets.add(Target.provider(provider.id())));
        catalog.models().forEach(model -> targets.add(Target.model(model.id())));
        IncidentChange change = Incident.open(new IncidentId(1), IncidentKind.OUTAGE, LONG, targets,
                Actor.user("U0ALICE"), NOW);
        return ((IncidentChange.Applied) change).incident();
    }

    private DetourStatus allUnavailable() {
        List<DetourStatus.ProviderStatus> providers = catalog.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(), false, Optional.of(NOW))).toList();
        List<DetourStatus.ModelStatus> models = catalog.models().stream()
                .map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), false, false,
                        Optional.of(NOW))).toList();
        List<DetourStatus.TaskClassStatus> taskClasses = catalog.taskClasses().stream()
                .map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(), t.failover(), t.route(),
                        new Route(t.id(), RouteState.STOPPED, Optional.empty(), Optional.empty(),
                                RouteCause.NO_MODEL_AVAILABLE), Optional.of(NOW))).toList();
        return new DetourStatus(NOW, providers, models, taskClasses, List.of(incident));
    }
}
