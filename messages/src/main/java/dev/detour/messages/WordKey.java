package dev.detour.messages;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.routing.RouteState;

/**
 * Every key of the bundle {@code wording.properties}, so a renderer names a word the compiler knows: a missing or
 * misspelt key does not compile. {@code WordKeyTest} checks that this list and the English bundle agree both ways.
 * A family of keys (one per kind, state, ...) is picked by a switch below, which the compiler checks for
 * completeness.
 */
public enum WordKey {
    KIND_OUTAGE("kind.outage"),
    KIND_DEGRADATION("kind.degradation"),
    KIND_MODEL_CHANGE("kind.model-change"),
    KIND_ROUTING_CHANGE("kind.routing-change"),
    KIND_POLICY_CHANGE("kind.policy-change"),
    KIND_MAINTENANCE("kind.maintenance"),

    SUPPORT_HEADER("support.header"),
    SUPPORT_HEADER_NUMBERED("support.header.numbered"),
    SUPPORT_LEAD_PROVIDER_ERRORS("support.lead.provider-errors"),
    SUPPORT_LEAD_PROVIDERS_ERRORS("support.lead.providers-errors"),
    SUPPORT_LEAD_PROVIDER_SLOW("support.lead.provider-slow"),
    SUPPORT_LEAD_PROVIDERS_SLOW("support.lead.providers-slow"),
    SUPPORT_LEAD_UNNAMED_ERRORS("support.lead.unnamed-errors"),
    SUPPORT_LEAD_UNNAMED_SLOW("support.lead.unnamed-slow"),
    SUPPORT_LEAD_MODEL_CHANGE("support.lead.model-change"),
    SUPPORT_LEAD_ROUTING_CHANGE("support.lead.routing-change"),
    SUPPORT_LEAD_POLICY_CHANGE("support.lead.policy-change"),
    SUPPORT_LEAD_MAINTENANCE("support.lead.maintenance"),
    SUPPORT_AND("support.and"),
    SUPPORT_SEVERAL_PROVIDERS("support.several-providers"),
    SUPPORT_SINCE("support.since"),
    SUPPORT_FALLBACK("support.fallback"),
    SUPPORT_PAUSED("support.paused"),
    SUPPORT_AWAITING("support.awaiting"),
    SUPPORT_FALLBACK_UNNAMED("support.fallback.unnamed"),
    SUPPORT_PAUSED_UNNAMED("support.paused.unnamed"),
    SUPPORT_AWAITING_UNNAMED("support.awaiting.unnamed"),
    SUPPORT_CUSTOMER_IMPACT("support.customer-impact"),
    SUPPORT_FALLBACK_NOTE("support.fallback-note"),
    SUPPORT_UNAFFECTED("support.unaffected"),
    SUPPORT_NEXT("support.next"),
    SUPPORT_UPDATE("support.update"),
    SUPPORT_CHANGES("support.changes"),
    SUPPORT_CHANGES_SEPARATOR("support.changes.separator"),
    SUPPORT_CHANGE_MOVED("support.change.moved"),
    SUPPORT_CHANGE_MOVED_UNNAMED("support.change.moved.unnamed"),
    SUPPORT_CHANGE_BACK("support.change.back"),
    SUPPORT_CHANGE_BACK_UNNAMED("support.change.back.unnamed"),
    SUPPORT_CHANGE_UNPAUSED("support.change.unpaused"),
    SUPPORT_CHANGE_UNPAUSED_MOVED("support.change.unpaused.moved"),
    SUPPORT_CHANGE_UNPAUSED_MOVED_UNNAMED("support.change.unpaused.moved.unnamed"),
    SUPPORT_CHANGE_PAUSED("support.change.paused"),
    SUPPORT_ALLCLEAR_HEADER("support.allclear.header"),
    SUPPORT_ALLCLEAR_BODY("support.allclear.body"),
    SUPPORT_RESOLVED_HEADER("support.resolved.header"),
    SUPPORT_RESOLVED_BODY("support.resolved.body"),
    SUPPORT_RESOLVED_BODY_UNNAMED("support.resolved.body.unnamed"),
    SUPPORT_RESOLVED_SERVED("support.resolved.served"),
    SUPPORT_RESOLVED_NOT_YET("support.resolved.not-yet"),
    SUPPORT_RESOLVED_STILL_OFF("support.resolved.still-off"),
    SUPPORT_RESOLVED_CUSTOMER("support.resolved.customer"),
    SUPPORT_KIND_OUTAGE("support.kind.outage"),
    SUPPORT_KIND_DEGRADATION("support.kind.degradation"),
    SUPPORT_KIND_MODEL_CHANGE("support.kind.model-change"),
    SUPPORT_KIND_ROUTING_CHANGE("support.kind.routing-change"),
    SUPPORT_KIND_POLICY_CHANGE("support.kind.policy-change"),
    SUPPORT_KIND_MAINTENANCE("support.kind.maintenance"),

    SUMMARY_HEADER("summary.header"),
    SUMMARY_TITLE("summary.title"),
    SUMMARY_DURATION("summary.duration"),
    SUMMARY_DETECT("summary.detect"),
    SUMMARY_DETECTION_LEAD("summary.detection.lead"),
    SUMMARY_DETECTION_LAG("summary.detection.lag"),
    SUMMARY_DETECTION_SAME("summary.detection.same"),
    SUMMARY_DETECTION_SILENT("summary.detection.silent"),
    SUMMARY_ACKNOWLEDGE("summary.acknowledge"),
    SUMMARY_MITIGATE("summary.mitigate"),
    SUMMARY_RESOLVE("summary.resolve"),
    SUMMARY_NOT_YET("summary.not-yet"),
    SUMMARY_AFFECTED("summary.affected"),
    SUMMARY_TASK_CLASSES("summary.task-classes"),
    SUMMARY_PERIODS("summary.periods"),
    SUMMARY_PERIOD_FALLBACK("summary.period.fallback"),
    SUMMARY_PERIOD_STOPPED("summary.period.stopped"),
    SUMMARY_PERIOD_AWAITING("summary.period.awaiting"),
    SUMMARY_PERIOD_NONE("summary.period.none"),
    SUMMARY_DECISIONS("summary.decisions"),
    SUMMARY_SIGNALS("summary.signals"),
    SUMMARY_TIMELINE("summary.timeline"),
    SUMMARY_ONGOING("summary.ongoing"),
    BRIEF_AFFECTED("summary.brief.affected"),
    BRIEF_UNAFFECTED("summary.brief.unaffected"),
    BRIEF_FEATURE("summary.brief.feature"),
    BRIEF_ON_FALLBACK("summary.brief.on-fallback"),
    BRIEF_PAUSED("summary.brief.paused"),
    BRIEF_FOUND("summary.brief.found"),
    BRIEF_FOUND_GATEWAY("summary.brief.found.gateway"),
    BRIEF_FOUND_ALERTMANAGER("summary.brief.found.alertmanager"),
    BRIEF_FOUND_PROVIDER_PAGE("summary.brief.found.provider-page"),
    BRIEF_LEAD("summary.brief.lead"),
    BRIEF_LAG("summary.brief.lag"),
    BRIEF_LEAD_SAME("summary.brief.lead.same"),
    BRIEF_FIRST_ACTION("summary.brief.first-action"),
    BRIEF_NO_ACTION("summary.brief.no-action"),
    BRIEF_DECISIONS("summary.brief.decisions"),
    BRIEF_DECISIONS_MORE("summary.brief.decisions.more"),
    BRIEF_DECISION_NONE("summary.brief.decision.none"),
    BRIEF_DECISION_OFF("summary.brief.decision.off"),
    BRIEF_DECISION_ON("summary.brief.decision.on"),
    BRIEF_DECISION_MOVED("summary.brief.decision.moved"),
    BRIEF_DECISION_PAUSED("summary.brief.decision.paused"),
    BRIEF_DECISION_BACK("summary.brief.decision.back"),
    BRIEF_DECISION_DEFAULT_MOVED("summary.brief.decision.default-moved"),
    BRIEF_DECISION_DEFAULT_PAUSED("summary.brief.decision.default-paused"),
    BRIEF_DECISION_RESOLVED("summary.brief.decision.resolved"),
    BRIEF_CAUSE("summary.brief.cause"),
    BRIEF_RESOLUTION("summary.brief.resolution"),
    BRIEF_CAUSE_MISSING("summary.brief.cause.missing"),
    BRIEF_NEXT("summary.brief.next"),
    BRIEF_NEXT_NONE("summary.brief.next.none"),
    BRIEF_NEXT_OPEN("summary.brief.next.open"),
    BRIEF_FOLLOW_UP_OWNER_DUE("summary.brief.follow-up.owner-due"),
    BRIEF_FOLLOW_UP_OWNER("summary.brief.follow-up.owner"),
    BRIEF_FOLLOW_UP_DUE("summary.brief.follow-up.due"),
    BRIEF_FULL("summary.brief.full"),
    BRIEF_SCOPE("summary.brief.scope"),
    BRIEF_SCOPE_NARROWER("summary.brief.scope.narrower"),
    BRIEF_SCOPE_WIDER("summary.brief.scope.wider"),
    BRIEF_SCOPE_ONLY("summary.brief.scope.only"),

    NUDGE_TEXT("nudge.text"),
    NUDGE_BUTTON("nudge.button"),
    HEADS_UP_PAUSED("nudge.heads-up.paused"),
    HEADS_UP_INCIDENT("nudge.heads-up.incident"),
    HEADS_UP_NEXT_CONSENT("nudge.heads-up.next.consent"),
    HEADS_UP_NEXT_STOPPED("nudge.heads-up.next.stopped"),

    WORD_STATE_INVESTIGATING("word.state.investigating"),
    WORD_STATE_IDENTIFIED("word.state.identified"),
    WORD_STATE_MONITORING("word.state.monitoring"),
    WORD_STATE_RESOLVED("word.state.resolved"),
    WORD_KIND_OUTAGE("word.kind.outage"),
    WORD_KIND_DEGRADATION("word.kind.degradation"),
    WORD_KIND_MODEL_CHANGE("word.kind.model-change"),
    WORD_KIND_ROUTING_CHANGE("word.kind.routing-change"),
    WORD_KIND_POLICY_CHANGE("word.kind.policy-change"),
    WORD_KIND_MAINTENANCE("word.kind.maintenance"),
    WORD_AND("word.and"),
    WORD_FAILOVER_AUTO("word.failover.auto"),
    WORD_FAILOVER_CONSENT("word.failover.consent"),
    WORD_FAILOVER_STOP("word.failover.stop"),
    WORD_ANSWER_APPROVE("word.answer.approve"),
    WORD_ANSWER_DENY("word.answer.deny"),

    ROUTE_PRIMARY("route.primary"),
    ROUTE_FALLBACK("route.fallback"),
    ROUTE_AWAITING_CONSENT("route.awaiting-consent"),
    ROUTE_STOPPED("route.stopped"),

    ROOT_HEADLINE("root.headline"),
    ROOT_KIND_OUTAGE("root.kind.outage"),
    ROOT_KIND_DEGRADATION("root.kind.degradation"),
    ROOT_KIND_MODEL_CHANGE("root.kind.model-change"),
    ROOT_KIND_ROUTING_CHANGE("root.kind.routing-change"),
    ROOT_KIND_POLICY_CHANGE("root.kind.policy-change"),
    ROOT_KIND_MAINTENANCE("root.kind.maintenance"),
    ROOT_FEATURES_NONE("root.features.none"),
    ROOT_FEATURES_ONE("root.features.one"),
    ROOT_FEATURES_MANY("root.features.many"),
    ROOT_PROVIDERS_MORE("root.providers-more"),
    ROOT_REFERENCE("root.reference"),
    ROOT_OPENED("root.opened"),
    ROOT_OPENED_AUTOMATICALLY("root.opened.automatically"),
    ROOT_ACKNOWLEDGED("root.acknowledged"),
    ROOT_RESOLVED("root.resolved"),
    ROOT_AFFECTED("root.affected"),
    ROOT_HEALTHY("root.healthy"),
    ROOT_FAILING("root.failing"),
    ROOT_EVIDENCE_ERRORS("root.evidence.errors"),
    ROOT_OFF("root.off"),
    ROOT_OFF_SINCE("root.off.since"),
    ROOT_OFF_BY("root.off.by"),
    ROOT_OFF_AUTOMATICALLY("root.off.automatically"),
    ROOT_OFF_WITH_PROVIDER("root.off.with-provider"),
    ROOT_TASK_CLASSES("root.task-classes"),
    ROOT_SIGNALS_SEEN("root.signals-seen"),
    ROOT_SIGNAL_COUNT("root.signal-count"),
    ROOT_BUTTON_ACKNOWLEDGE("root.button.acknowledge"),
    ROOT_BUTTON_DISABLE("root.button.disable"),
    ROOT_BUTTON_ENABLE("root.button.enable"),
    ROOT_MENU_DISABLE("root.menu.disable"),
    ROOT_MENU_ENABLE("root.menu.enable"),
    ROOT_BUTTON_POST_UPDATE("root.button.post-update"),
    ROOT_MENU_CHANGE_STATE("root.menu.change-state"),
    ROOT_BUTTON_RESOLVE("root.button.resolve"),
    ROOT_FOOTER("root.footer"),
    ROOT_TEXT("root.text"),

    REPLY_ENTRY("reply.entry"),
    TIMELINE_TARGETS_ADDED("timeline.targets-added"),
    TIMELINE_OPENED("timeline.opened"),
    TIMELINE_OPENED_TITLE("timeline.opened.title"),
    TIMELINE_TARGET_PROVIDER("timeline.target.provider"),
    TIMELINE_TARGET_MODEL("timeline.target.model"),
    TIMELINE_PLAIN_OPENED("timeline.plain.opened"),
    TIMELINE_PLAIN_OPENED_TITLE("timeline.plain.opened.title"),
    TIMELINE_PLAIN_REOPENED("timeline.plain.reopened"),
    TIMELINE_PLAIN_REOPENED_REASON("timeline.plain.reopened.reason"),
    TIMELINE_PLAIN_ACKNOWLEDGED("timeline.plain.acknowledged"),
    TIMELINE_PLAIN_STATE_CHANGED("timeline.plain.state-changed"),
    TIMELINE_PLAIN_TITLE_SET("timeline.plain.title-set"),
    TIMELINE_PLAIN_KIND_SET("timeline.plain.kind-set"),
    TIMELINE_PLAIN_RESOLVED("timeline.plain.resolved"),
    TIMELINE_PLAIN_RESOLVED_SUMMARY("timeline.plain.resolved.summary"),
    TIMELINE_PLAIN_AVAILABLE("timeline.plain.available"),
    TIMELINE_PLAIN_AVAILABLE_REASON("timeline.plain.available.reason"),
    TIMELINE_PLAIN_UNAVAILABLE("timeline.plain.unavailable"),
    TIMELINE_PLAIN_UNAVAILABLE_REASON("timeline.plain.unavailable.reason"),
    TIMELINE_PLAIN_ROUTE("timeline.plain.route"),
    TIMELINE_PLAIN_UPDATE_PUBLIC("timeline.plain.update.public"),
    TIMELINE_PLAIN_UPDATE_BOTH("timeline.plain.update.both"),
    TIMELINE_PLAIN_ROUTE_MODEL("timeline.plain.route.model"),
    TIMELINE_PLAIN_ROUTE_OFFERED("timeline.plain.route.offered"),
    TIMELINE_PLAIN_SIGNAL_FIRING("timeline.plain.signal.firing"),
    TIMELINE_PLAIN_SIGNAL_CLEARED("timeline.plain.signal.cleared"),
    TIMELINE_PLAIN_SIGNAL_OUR_SIDE("timeline.plain.signal.our-side"),
    TIMELINE_PLAIN_SIGNAL_CAPACITY("timeline.plain.signal.capacity"),
    TIMELINE_PLAIN_STATUS_PAGE("timeline.plain.status-page"),
    TIMELINE_PLAIN_STATUS_PAGE_BODY("timeline.plain.status-page.body"),
    TIMELINE_PLAIN_SCOPE_NARROWER("timeline.plain.scope.narrower"),
    TIMELINE_PLAIN_SCOPE_WIDER("timeline.plain.scope.wider"),
    TIMELINE_PLAIN_SCOPE_ONLY("timeline.plain.scope.only"),
    EVIDENCE_GATEWAY_ERRORS("evidence.gateway-errors"),
    EVIDENCE_GATEWAY_FLAPPING("evidence.gateway-flapping"),
    EVIDENCE_GATEWAY_RECOVERED("evidence.gateway-recovered"),
    EVIDENCE_OUR_SIDE_REFUSED("evidence.our-side-refused"),
    EVIDENCE_OUR_SIDE_ACCEPTED("evidence.our-side-accepted"),
    EVIDENCE_PROVIDER_COMPONENT("evidence.provider-component"),
    EVIDENCE_ALERT("evidence.alert"),
    COMPONENT_OPERATIONAL("component.operational"),
    COMPONENT_DEGRADED_PERFORMANCE("component.degraded-performance"),
    COMPONENT_UNDER_MAINTENANCE("component.under-maintenance"),
    COMPONENT_PARTIAL_OUTAGE("component.partial-outage"),
    COMPONENT_MAJOR_OUTAGE("component.major-outage"),
    ROUTE_REASON_CONSENT("route.reason.consent"),
    ROUTE_REASON_CONFIGURATION_LOADED("route.reason.configuration-loaded"),
    TITLE_FAILING("title.failing"),
    TITLE_MODEL_CHANGE("title.model-change"),
    TITLE_ROUTING_CHANGE("title.routing-change"),
    TITLE_POLICY_CHANGE("title.policy-change"),
    TITLE_MAINTENANCE("title.maintenance"),
    TITLE_PROVIDER_MODELS("title.provider-models"),
    TITLE_PROVIDER_OFF("title.provider-off"),
    TITLE_PROVIDER_OFF_MODELS("title.provider-off-models"),
    REPLY_UPDATE("reply.update"),
    REPLY_UPDATE_FOR_CUSTOMERS("reply.update.for-customers"),
    REPLY_UPDATE_CUSTOMERS_READ("reply.update.customers-read"),
    REPLY_RESOLVED_SUMMARY("reply.resolved.summary"),
    REPLY_ENABLED("reply.enabled"),
    REPLY_ENABLED_REASON("reply.enabled.reason"),
    REPLY_DISABLED("reply.disabled"),
    REPLY_DISABLED_REASON("reply.disabled.reason"),
    REPLY_ROUTE_CHANGE("reply.route-change"),
    REPLY_ROUTE_CHANGE_FIRST("reply.route-change.first"),
    REPLY_CONSENT_TIMEOUT("reply.consent.timeout"),
    REPLY_CONSENT_QUESTION("reply.consent.question"),
    REPLY_CONSENT_NEXT_MODEL("reply.consent.next-model"),
    REPLY_CONSENT_APPROVE("reply.consent.approve"),
    REPLY_CONSENT_DENY("reply.consent.deny"),
    REPLY_SIGNAL_FIRING("reply.signal.firing"),
    REPLY_SIGNAL_CLEARED("reply.signal.cleared"),
    REPLY_SIGNAL_OUR_SIDE("reply.signal.our-side"),
    REPLY_SIGNAL_CAPACITY("reply.signal.capacity"),
    REPLY_SIGNAL_DISABLE("reply.signal.disable"),
    REPLY_SIGNAL_ENABLE("reply.signal.enable"),
    REPLY_BUTTON_DISABLE("reply.button.disable"),
    REPLY_BUTTON_ENABLE("reply.button.enable"),
    DECISION_BY_POLICY("reply.decision.by-policy"),
    REPLY_PREVIEW_SWITCHED_OFF("reply.preview.switched-off"),
    REPLY_PREVIEW_FLAGS("reply.preview.flags"),
    DECISION_BY_DETOUR("reply.decision.by-detour"),
    DECISION_ADDED("reply.decision.added"),
    DECISION_DISABLED("reply.decision.disabled"),
    DECISION_DISABLED_REASON("reply.decision.disabled.reason"),
    DECISION_ENABLED("reply.decision.enabled"),
    DECISION_ENABLED_REASON("reply.decision.enabled.reason"),
    DECISION_SIGNAL_FIRING("reply.decision.signal.firing"),
    DECISION_SIGNAL_CLEARED("reply.decision.signal.cleared"),
    DECISION_SIGNAL_EVIDENCE("reply.decision.signal.evidence"),
    DECISION_SIGNAL_DISABLE_THEM("reply.decision.signal.disable-them"),
    DECISION_SIGNAL_ENABLE_THEM("reply.decision.signal.enable-them"),
    DECISION_SOURCE_GATEWAY("reply.decision.source.gateway"),
    DECISION_SOURCE_ALERTMANAGER("reply.decision.source.alertmanager"),
    DECISION_SOURCE_STATUS_PAGE("reply.decision.source.status-page"),
    DECISION_ROUTED("reply.decision.routed"),
    DECISION_MOVED("reply.decision.moved"),
    DECISION_BACK("reply.decision.back"),
    DECISION_ASKING("reply.decision.asking"),
    DECISION_PAUSED("reply.decision.paused"),
    DECISION_PAUSED_DENIED("reply.decision.paused.denied"),
    DECISION_PAUSED_BY_HAND("reply.decision.paused.by-hand"),
    DECISION_RESOLVED("reply.decision.resolved"),
    QUESTION_CONSENT_APPROVED("question.consent.approved"),
    QUESTION_CONSENT_DENIED("question.consent.denied"),
    QUESTION_CONSENT_TIMED_OUT_APPROVED("question.consent.timed-out.approved"),
    QUESTION_CONSENT_TIMED_OUT_DENIED("question.consent.timed-out.denied"),
    QUESTION_CONSENT_DONE("question.consent.done"),
    QUESTION_CONSENT_OVERTAKEN("question.consent.overtaken"),
    QUESTION_CONSENT_CLOSED("question.consent.closed"),
    QUESTION_BUTTON_MOVE_NOW("question.button.move-now"),
    QUESTION_SWITCH_OFF("question.switch-off"),
    QUESTION_SWITCH_ON("question.switch-on"),
    QUESTION_BUTTON_SWITCH_OFF("question.button.switch-off"),
    QUESTION_BUTTON_SWITCH_ON("question.button.switch-on"),
    QUESTION_SWITCHED_OFF("question.switched-off"),
    QUESTION_SWITCHED_ON("question.switched-on"),
    QUESTION_RECOVERED("question.recovered"),
    QUESTION_NO_LONGER_NEEDED("question.no-longer-needed"),
    QUESTION_BY_DETOUR("question.by-detour"),
    QUESTION_MONITOR("question.monitor"),
    QUESTION_MONITOR_ASK("question.monitor.ask"),
    QUESTION_MONITOR_DONE("question.monitor.done"),
    QUESTION_BUTTON_MONITOR("question.button.monitor"),
    QUESTION_RESOLVE("question.resolve"),
    QUESTION_RESOLVE_ASK("question.resolve.ask"),
    QUESTION_BUTTON_RESOLVE("question.button.resolve"),
    QUESTION_UPDATE_POSTED("question.update-posted"),

    STATUS_HEADER("status.header"),
    STATUS_AS_OF("status.as-of"),
    CATCHUP_BROKE("status.catch-up.broke"),
    CATCHUP_PAUSED("status.catch-up.paused"),
    CATCHUP_PAUSED_NONE("status.catch-up.paused.none"),
    CATCHUP_ASKED("status.catch-up.asked"),
    CATCHUP_MOVED("status.catch-up.moved"),
    CATCHUP_MOVED_ITEM("status.catch-up.moved.item"),
    CATCHUP_LEAD("status.catch-up.lead"),
    CATCHUP_LEAD_NONE("status.catch-up.lead.none"),
    CATCHUP_LAST_ACTED("status.catch-up.last-acted"),
    CATCHUP_DECISION("status.catch-up.decision"),
    CATCHUP_DECISION_NONE("status.catch-up.decision.none"),
    CATCHUP_NEXT("status.catch-up.next"),
    CATCHUP_NEXT_QUESTION("status.catch-up.next.question"),
    CATCHUP_NEXT_UPDATE("status.catch-up.next.update"),
    CATCHUP_NEXT_UPDATE_LATE("status.catch-up.next.update.late"),
    CATCHUP_NEXT_MONITORING("status.catch-up.next.monitoring"),
    CATCHUP_NEXT_RESOLVE("status.catch-up.next.resolve"),
    CATCHUP_NEXT_RESOLVED("status.catch-up.next.resolved"),
    CATCHUP_NEXT_NOTHING("status.catch-up.next.nothing"),
    STATUS_OPEN_INCIDENTS("status.open-incidents"),
    STATUS_NO_INCIDENTS("status.no-incidents"),
    STATUS_SWITCHED_OFF("status.switched-off"),
    STATUS_PROVIDER_OFF("status.provider-off"),
    STATUS_PROVIDER_OFF_SINCE("status.provider-off.since"),
    STATUS_MODEL_OFF("status.model-off"),
    STATUS_MODEL_OFF_SINCE("status.model-off.since"),
    STATUS_NOTHING_OFF("status.nothing-off"),
    STATUS_TASK_CLASSES("status.task-classes"),
    STATUS_NO_TASK_CLASSES("status.no-task-classes"),
    STATUS_TEXT("status.text"),

    PREVIEW_HEADER("preview.header"),
    PREVIEW_TEXT("preview.text"),
    PREVIEW_DISABLE("preview.disable"),
    PREVIEW_ENABLE("preview.enable"),
    PREVIEW_ROUTE_PIN("preview.route.pin"),
    PREVIEW_ROUTE_STOP("preview.route.stop"),
    PREVIEW_ROUTE_AUTO("preview.route.auto"),
    PREVIEW_ANSWER("preview.answer"),
    PREVIEW_TASK_CLASSES("preview.task-classes"),
    PREVIEW_TASK_CLASS("preview.task-class"),
    PREVIEW_TASK_CLASS_PAUSED("preview.task-class.paused"),
    PREVIEW_ROUTE_NONE("preview.route.none"),
    PREVIEW_UNCHANGED("preview.unchanged"),
    PREVIEW_NOTHING("preview.nothing"),
    PREVIEW_PAUSED("preview.paused"),
    PREVIEW_QUESTIONS("preview.questions"),
    PREVIEW_QUESTION("preview.question"),
    PREVIEW_FLAGS("preview.flags"),
    PREVIEW_SUPPORT_POST("preview.support-post"),
    PREVIEW_SWITCHED_OFF("preview.switched-off"),
    PREVIEW_MODEL_FAILING("preview.model.failing"),
    PREVIEW_MODEL_HEALTHY("preview.model.healthy"),
    PREVIEW_MODEL_UNKNOWN("preview.model.unknown"),
    PREVIEW_EVIDENCE_GATEWAY("preview.evidence.gateway"),
    PREVIEW_EVIDENCE_FIRING("preview.evidence.firing"),
    PREVIEW_EVIDENCE_NONE("preview.evidence.none"),
    PREVIEW_HEALTHY_WARNING("preview.healthy-warning"),
    PREVIEW_NARROWER("preview.narrower"),
    PREVIEW_FOOTER("preview.footer"),
    PREVIEW_CONFIRM_HEADER("preview.confirm.header"),
    PREVIEW_CONFIRM_TEXT("preview.confirm.text"),
    PREVIEW_CONFIRM_FOOTER("preview.confirm.footer"),
    PREVIEW_CONFIRM_MOVED("preview.confirm.moved"),
    PREVIEW_BUTTON_CONFIRM("preview.button.confirm"),
    PREVIEW_BUTTON_NARROWER("preview.button.narrower"),
    PREVIEW_BUTTON_CANCEL("preview.button.cancel"),
    PREVIEW_SECOND_APPROVER("preview.second-approver"),
    PREVIEW_SECOND_APPROVER_CLASSES("preview.second-approver.classes"),
    TIMELINE_PLAIN_APPROVAL_REQUESTED("timeline.plain.approval.requested"),
    TIMELINE_PLAIN_APPROVAL_APPROVED("timeline.plain.approval.approved"),
    TIMELINE_PLAIN_APPROVAL_EXPIRED("timeline.plain.approval.expired"),
    TIMELINE_PLAIN_APPROVAL_EMERGENCY("timeline.plain.approval.emergency"),
    TIMELINE_PLAIN_APPROVAL_REVIEWED("timeline.plain.approval.reviewed"),
    BRIEF_BIG_CHANGE_APPROVED("brief.big-change.approved"),
    BRIEF_BIG_CHANGE_REVIEWED("brief.big-change.reviewed"),
    BRIEF_BIG_CHANGE_UNREVIEWED("brief.big-change.unreviewed"),
    APPROVAL_HEADER("approval.header"),
    APPROVAL_TEXT("approval.text"),
    APPROVAL_ASKS("approval.asks"),
    APPROVAL_BUTTON_APPROVE("approval.button.approve"),
    APPROVAL_BUTTON_APPLY_NOW("approval.button.apply-now"),
    APPROVAL_APPROVED("approval.approved"),
    APPROVAL_EXPIRED("approval.expired"),
    APPROVAL_MOVED("approval.moved"),
    APPROVAL_APPLIED_NOW("approval.applied-now"),
    APPROVAL_PENDING("approval.pending"),
    EMERGENCY_HEADER("emergency.header"),
    EMERGENCY_TEXT("emergency.text"),
    EMERGENCY_ASKS("emergency.asks"),
    EMERGENCY_BUTTON_REVIEW("emergency.button.review"),
    EMERGENCY_REVIEWED("emergency.reviewed"),
    ANSWER_APPROVAL_ASKED("answer.approval.asked"),
    ANSWER_APPROVAL_DONE("answer.approval.done"),
    ANSWER_APPROVAL_SELF("answer.approval.self"),
    ANSWER_APPROVAL_NOT_ON_CALL("answer.approval.not-on-call"),
    ANSWER_APPROVAL_EXPIRED("answer.approval.expired"),
    ANSWER_APPROVAL_SETTLED("answer.approval.settled"),
    ANSWER_APPROVAL_MOVED("answer.approval.moved"),
    ANSWER_APPROVAL_UNKNOWN("answer.approval.unknown"),
    ANSWER_EMERGENCY_DONE("answer.emergency.done"),
    ANSWER_REVIEW_DONE("answer.review.done"),
    ANSWER_REVIEW_SELF("answer.review.self"),
    PREVIEW_CANCELLED("preview.cancelled"),

    HOME_FOOTER("home.footer"),

    MODAL_CANCEL("modal.cancel"),
    MODAL_DECLARE_TITLE("modal.declare.title"),
    MODAL_DECLARE_SUBMIT("modal.declare.submit"),
    MODAL_DECLARE_TARGETS("modal.declare.targets"),
    MODAL_DECLARE_TARGETS_PLACEHOLDER("modal.declare.targets.placeholder"),
    MODAL_DECLARE_ALL_OF("modal.declare.all-of"),
    MODAL_DECLARE_KIND("modal.declare.kind"),
    MODAL_DECLARE_REASON("modal.declare.reason"),
    MODAL_DECLARE_REASON_PLACEHOLDER("modal.declare.reason.placeholder"),
    MODAL_UPDATE_TITLE("modal.update.title"),
    MODAL_UPDATE_SUBMIT("modal.update.submit"),
    MODAL_UPDATE_LABEL("modal.update.label"),
    MODAL_UPDATE_PUBLIC("modal.update.public"),
    MODAL_UPDATE_PUBLIC_HINT("modal.update.public.hint"),
    MODAL_UPDATE_PREVIEW("modal.update.preview"),
    MODAL_UPDATE_PREVIEW_CHANGED("modal.update.preview.changed"),
    MODAL_RESOLVE_TITLE("modal.resolve.title"),
    MODAL_RESOLVE_SUBMIT("modal.resolve.submit"),
    MODAL_RESOLVE_LABEL("modal.resolve.label"),
    MODAL_RESOLVE_PUBLIC("modal.resolve.public"),
    MODAL_RESOLVE_PUBLIC_HINT("modal.resolve.public.hint"),
    MODAL_RESOLVE_CAUSE("modal.resolve.cause"),
    MODAL_RESOLVE_FOLLOW_UPS("modal.resolve.follow-ups"),
    MODAL_RESOLVE_FOLLOW_UPS_PLACEHOLDER("modal.resolve.follow-ups.placeholder"),

    AUDIT_NONE("audit.none"),
    AUDIT_HEADER("audit.header"),
    AUDIT_FOR("audit.for"),
    AUDIT_IN_THE_LAST("audit.in-the-last"),
    AUDIT_HEADER_PAGE("audit.header.page"),
    AUDIT_OLDER("audit.older"),
    AUDIT_RECEIPTS_HIDDEN("audit.receipts-hidden"),

    BUSY_TRY_AGAIN("busy.try-again"),

    HELP_HEADER("help.header"),
    HELP_ON_CALL("help.on-call"),
    HELP_VERB_HELP("help.verb.help"),
    HELP_VERB_STATUS("help.verb.status"),
    HELP_VERB_DECLARE("help.verb.declare"),
    HELP_VERB_DISABLE("help.verb.disable"),
    HELP_VERB_ENABLE("help.verb.enable"),
    HELP_VERB_ROUTE("help.verb.route"),
    HELP_VERB_CONSENT("help.verb.consent"),
    HELP_VERB_UPDATE("help.verb.update"),
    HELP_VERB_STATE("help.verb.state"),
    HELP_VERB_TITLE("help.verb.title"),
    HELP_VERB_KIND("help.verb.kind"),
    HELP_VERB_RESOLVE("help.verb.resolve"),
    HELP_VERB_REOPEN("help.verb.reopen"),
    HELP_VERB_SUMMARY("help.verb.summary"),
    HELP_VERB_AUDIT("help.verb.audit"),
    HELP_VERB_SUBSCRIBE("help.verb.subscribe"),
    HELP_VERB_UNSUBSCRIBE("help.verb.unsubscribe"),

    EMAIL_CONFIRM_SUBJECT("email.confirm.subject"),
    EMAIL_CONFIRM_BODY("email.confirm.body"),
    EMAIL_UPDATE_BODY("email.update.body"),
    SUBSCRIBE_DONE("subscribe.done"),
    SUBSCRIBE_ALREADY("subscribe.already"),
    UNSUBSCRIBE_DONE("unsubscribe.done"),
    UNSUBSCRIBE_ALREADY("unsubscribe.already"),
    SUBSCRIPTION_PAGE_BACK("subscription.page.back"),
    SUBSCRIPTION_PAGE_CHECK_INBOX_TITLE("subscription.page.check-inbox.title"),
    SUBSCRIPTION_PAGE_CHECK_INBOX_TEXT("subscription.page.check-inbox.text"),
    SUBSCRIPTION_PAGE_CONFIRMED_TITLE("subscription.page.confirmed.title"),
    SUBSCRIPTION_PAGE_CONFIRMED_TEXT("subscription.page.confirmed.text"),
    SUBSCRIPTION_PAGE_UNSUBSCRIBE_TITLE("subscription.page.unsubscribe.title"),
    SUBSCRIPTION_PAGE_UNSUBSCRIBE_TEXT("subscription.page.unsubscribe.text"),
    SUBSCRIPTION_PAGE_UNSUBSCRIBE_BUTTON("subscription.page.unsubscribe.button"),
    SUBSCRIPTION_PAGE_UNSUBSCRIBED_TITLE("subscription.page.unsubscribed.title"),
    SUBSCRIPTION_PAGE_UNSUBSCRIBED_TEXT("subscription.page.unsubscribed.text"),
    SUBSCRIPTION_PAGE_INVALID_TITLE("subscription.page.invalid.title"),
    SUBSCRIPTION_PAGE_INVALID_TEXT("subscription.page.invalid.text"),
    SUBSCRIPTION_PAGE_TOO_LONG_TITLE("subscription.page.too-long.title"),
    SUBSCRIPTION_PAGE_TOO_LONG_TEXT("subscription.page.too-long.text"),
    SUBSCRIPTION_PAGE_LINK_UNKNOWN_TITLE("subscription.page.link-unknown.title"),
    SUBSCRIPTION_PAGE_LINK_UNKNOWN_TEXT("subscription.page.link-unknown.text"),
    SUBSCRIPTION_PAGE_BUSY_TITLE("subscription.page.busy.title"),
    SUBSCRIPTION_PAGE_BUSY_TEXT("subscription.page.busy.text"),
    SUBSCRIPTION_PAGE_NOT_OFFERED_TITLE("subscription.page.not-offered.title"),
    SUBSCRIPTION_PAGE_NOT_OFFERED_TEXT("subscription.page.not-offered.text"),

    COMMAND_ON_CALL_ONLY("command.on-call-only"),
    COMMAND_REFUSED("command.refused"),
    COMMAND_MAY_RUN("command.may.run"),
    COMMAND_MAY_ACKNOWLEDGE("command.may.acknowledge"),
    COMMAND_MAY_DECLARE("command.may.declare"),
    COMMAND_MAY_UPDATE("command.may.update"),
    COMMAND_MAY_RESOLVE("command.may.resolve"),
    COMMAND_MAY_SUBMIT("command.may.submit"),
    COMMAND_FAILED("command.failed"),
    COMMAND_INVALID("command.invalid"),
    COMMAND_REJECTED("command.rejected"),
    COMMAND_NO_INCIDENT("command.no-incident"),
    COMMAND_ALREADY_COVERED("command.already-covered"),
    COMMAND_ALREADY_SO("command.already-so"),
    COMMAND_ENABLE_PROVIDER_OFF("command.enable.provider-off"),
    COMMAND_ENABLE_OVERRIDE("command.enable.override"),
    STALE_CONSENT_MOVED("stale.consent.moved"),
    STALE_CONSENT_BACK("stale.consent.back"),
    STALE_CONSENT_PAUSED("stale.consent.paused"),
    STALE_CONSENT_PAUSED_NO_OFFER("stale.consent.paused.no-offer"),
    STALE_ALREADY_OFF("stale.already-off"),
    STALE_ALREADY_ON("stale.already-on"),
    STALE_BY("stale.by"),
    STALE_NOBODY_ANSWERED("stale.nobody-answered"),
    COMMAND_DONE_INCIDENT("command.done.incident"),
    COMMAND_DONE_ACKNOWLEDGED("command.done.acknowledged"),
    COMMAND_DONE_DISABLED("command.done.disabled"),
    COMMAND_DONE_ENABLED("command.done.enabled"),
    COMMAND_DONE_ROUTE("command.done.route"),
    COMMAND_DONE_ROUTE_RELEASED("command.done.route.released"),
    COMMAND_DONE_CONSENT("command.done.consent"),
    COMMAND_DONE_UPDATE("command.done.update"),
    COMMAND_DONE_UPDATE_PUBLIC("command.done.update.public"),
    COMMAND_DONE_RESOLVED("command.done.resolved"),
    COMMAND_DONE_REOPENED("command.done.reopened"),
    COMMAND_DONE_STATE("command.done.state"),
    COMMAND_DONE_TITLE("command.done.title"),
    COMMAND_DONE_KIND("command.done.kind"),
    COMMAND_DONE_OPENED("command.done.opened"),
    COMMAND_DONE_ADDED("command.done.added"),
    FORM_UNKNOWN("form.unknown"),
    FORM_UNKNOWN_CHOICE("form.unknown-choice"),
    FORM_NOT_CONFIGURED("form.not-configured"),
    FORM_CHOOSE_ONE("form.choose-one"),
    FORM_UNKNOWN_KIND("form.unknown-kind"),
    FORM_AT_MOST("form.at-most"),
    FORM_LOST_INCIDENT("form.lost-incident"),
    FORM_WRITE_UPDATE("form.write-update"),
    BUTTON_UNKNOWN("button.unknown"),

    DURATION_HOURS("duration.hours"),
    DURATION_MINUTES("duration.minutes"),
    DURATION_SECONDS("duration.seconds"),
    REPLY_UNDELIVERABLE("reply.undeliverable"),

    PARSE_UNKNOWN_VERB("parse.unknown-verb"),
    PARSE_DID_YOU_MEAN("parse.did-you-mean"),
    PARSE_OR("parse.or"),
    PARSE_NO_ARGUMENTS("parse.no-arguments"),
    PARSE_SAY_TARGETS("parse.say-targets"),
    PARSE_NEEDS("parse.needs"),
    PARSE_NEEDS_NO_MORE("parse.needs.no-more"),
    PARSE_ROUTE_NEEDS("parse.route.needs"),
    PARSE_ROUTE_MODEL("parse.route.model"),
    PARSE_CONSENT_NEEDS("parse.consent.needs"),
    PARSE_CONSENT_UNKNOWN("parse.consent.unknown"),
    PARSE_UPDATE_WHICH("parse.update.which"),
    PARSE_UPDATE_EMPTY("parse.update.empty"),
    PARSE_UPDATE_PUBLIC_EMPTY("parse.update.public-empty"),
    PARSE_STATE_NEEDS("parse.state.needs"),
    PARSE_STATE_UNKNOWN("parse.state.unknown"),
    PARSE_KIND_NEEDS("parse.kind.needs"),
    PARSE_KIND_UNKNOWN("parse.kind.unknown"),
    PARSE_TITLE_WHICH("parse.title.which"),
    PARSE_INCIDENT_WHICH("parse.incident.which"),
    PARSE_INCIDENT_ONE("parse.incident.one"),
    PARSE_SINCE_NEEDS("parse.since.needs"),
    PARSE_SINCE_UNKNOWN("parse.since.unknown"),
    PARSE_AUDIT_ONE_FILTER("parse.audit.one-filter"),
    PARSE_PAGE_NEEDS("parse.audit.page"),
    PARSE_STATUS_NEEDS("parse.status.needs"),
    PARSE_NO_TARGET("parse.no-target"),
    PARSE_NOT_EXPECTED("parse.not-expected"),
    PARSE_NO_TASK_CLASS("parse.no-task-class"),
    PARSE_NOT_AN_INCIDENT("parse.not-an-incident"),
    PARSE_TOO_LONG("parse.too-long"),
    PARSE_WHAT_REASON("parse.what.reason"),
    PARSE_WHAT_UPDATE("parse.what.update"),
    PARSE_WHAT_SUMMARY("parse.what.summary"),

    REFUSAL_TOO_LONG("refusal.too-long"),
    REFUSAL_TEXT_TITLE("refusal.text.title"),
    REFUSAL_TEXT_SUMMARY("refusal.text.summary"),
    REFUSAL_TEXT_UPDATE("refusal.text.update"),
    REFUSAL_TEXT_REASON("refusal.text.reason"),
    REFUSAL_NO_TARGETS("refusal.no-targets"),
    REFUSAL_ALREADY_IN_STATE("refusal.already-in-state"),
    REFUSAL_RESOLVED_CANNOT_MOVE("refusal.resolved-cannot-move"),
    REFUSAL_RESOLVED_NOTHING_TO_ACKNOWLEDGE("refusal.resolved-nothing-to-acknowledge"),
    REFUSAL_ALREADY_ACKNOWLEDGED("refusal.already-acknowledged"),
    REFUSAL_RESOLVED_OPEN_A_NEW_ONE("refusal.resolved-open-a-new-one"),
    REFUSAL_ALREADY_COVERS("refusal.already-covers"),
    REFUSAL_UPDATE_NEEDS_TEXT("refusal.update-needs-text"),
    REFUSAL_TITLE_NEEDS_TEXT("refusal.title-needs-text"),
    REFUSAL_ALREADY_TITLED("refusal.already-titled"),
    REFUSAL_ALREADY_OF_KIND("refusal.already-of-kind"),
    REFUSAL_STILL_OPEN("refusal.still-open"),
    REFUSAL_PROVIDER_ALREADY_IN_INCIDENT("refusal.provider-already-in-incident"),
    REFUSAL_NO_SUCH_INCIDENT("refusal.no-such-incident"),
    REFUSAL_NOTHING_NAMED("refusal.nothing-named"),
    REFUSAL_UNKNOWN_TARGETS("refusal.unknown-targets"),
    REFUSAL_UNKNOWN_TASK_CLASS("refusal.unknown-task-class"),
    REFUSAL_UNKNOWN_MODEL("refusal.unknown-model"),
    REFUSAL_ALREADY_OVERRIDDEN("refusal.already-overridden"),
    REFUSAL_OVERRIDE_PIN("refusal.override.pin"),
    REFUSAL_OVERRIDE_STOP("refusal.override.stop"),
    REFUSAL_OVERRIDE_NONE("refusal.override.none"),
    REFUSAL_NO_OPEN_QUESTION("refusal.no-open-question"),
    REFUSAL_NOT_ROUTED_YET("refusal.not-routed-yet"),
    WORD_ROUTE_PRIMARY("word.route.primary"),
    WORD_ROUTE_FALLBACK("word.route.fallback"),
    WORD_ROUTE_AWAITING_CONSENT("word.route.awaiting-consent"),
    WORD_ROUTE_STOPPED("word.route.stopped");

    private final String property;

    WordKey(String property) {
        this.property = property;
    }

    /** The kind as a heading word: {@code Outage}. */
    public static WordKey kind(IncidentKind kind) {
        return switch (kind) {
            case OUTAGE -> KIND_OUTAGE;
            case DEGRADATION -> KIND_DEGRADATION;
            case MODEL_CHANGE -> KIND_MODEL_CHANGE;
            case ROUTING_CHANGE -> KIND_ROUTING_CHANGE;
            case POLICY_CHANGE -> KIND_POLICY_CHANGE;
            case MAINTENANCE -> KIND_MAINTENANCE;
        };
    }

    /** The kind inside a sentence for support: {@code The outage lasted ...}. */
    public static WordKey supportKind(IncidentKind kind) {
        return switch (kind) {
            case OUTAGE -> SUPPORT_KIND_OUTAGE;
            case DEGRADATION -> SUPPORT_KIND_DEGRADATION;
            case MODEL_CHANGE -> SUPPORT_KIND_MODEL_CHANGE;
            case ROUTING_CHANGE -> SUPPORT_KIND_ROUTING_CHANGE;
            case POLICY_CHANGE -> SUPPORT_KIND_POLICY_CHANGE;
            case MAINTENANCE -> SUPPORT_KIND_MAINTENANCE;
        };
    }

    /** The kind in the headline of an incident's root message. */
    public static WordKey rootKind(IncidentKind kind) {
        return switch (kind) {
            case OUTAGE -> ROOT_KIND_OUTAGE;
            case DEGRADATION -> ROOT_KIND_DEGRADATION;
            case MODEL_CHANGE -> ROOT_KIND_MODEL_CHANGE;
            case ROUTING_CHANGE -> ROOT_KIND_ROUTING_CHANGE;
            case POLICY_CHANGE -> ROOT_KIND_POLICY_CHANGE;
            case MAINTENANCE -> ROOT_KIND_MAINTENANCE;
        };
    }

    /** The kind as lists and menus show it: {@code model-change}. */
    public static WordKey kindWord(IncidentKind kind) {
        return switch (kind) {
            case OUTAGE -> WORD_KIND_OUTAGE;
            case DEGRADATION -> WORD_KIND_DEGRADATION;
            case MODEL_CHANGE -> WORD_KIND_MODEL_CHANGE;
            case ROUTING_CHANGE -> WORD_KIND_ROUTING_CHANGE;
            case POLICY_CHANGE -> WORD_KIND_POLICY_CHANGE;
            case MAINTENANCE -> WORD_KIND_MAINTENANCE;
        };
    }

    public static WordKey state(IncidentState state) {
        return switch (state) {
            case INVESTIGATING -> WORD_STATE_INVESTIGATING;
            case IDENTIFIED -> WORD_STATE_IDENTIFIED;
            case MONITORING -> WORD_STATE_MONITORING;
            case RESOLVED -> WORD_STATE_RESOLVED;
        };
    }

    public static WordKey failover(FailoverMode failover) {
        return switch (failover) {
            case AUTO -> WORD_FAILOVER_AUTO;
            case CONSENT -> WORD_FAILOVER_CONSENT;
            case STOP -> WORD_FAILOVER_STOP;
        };
    }

    public static WordKey answer(ConsentAnswer answer) {
        return switch (answer) {
            case APPROVE -> WORD_ANSWER_APPROVE;
            case DENY -> WORD_ANSWER_DENY;
        };
    }

    public static WordKey text(Refusal.Text text) {
        return switch (text) {
            case TITLE -> REFUSAL_TEXT_TITLE;
            case SUMMARY -> REFUSAL_TEXT_SUMMARY;
            case UPDATE -> REFUSAL_TEXT_UPDATE;
            case REASON -> REFUSAL_TEXT_REASON;
        };
    }

    public static WordKey routeState(RouteState state) {
        return switch (state) {
            case PRIMARY -> WORD_ROUTE_PRIMARY;
            case FALLBACK -> WORD_ROUTE_FALLBACK;
            case AWAITING_CONSENT -> WORD_ROUTE_AWAITING_CONSENT;
            case STOPPED -> WORD_ROUTE_STOPPED;
        };
    }

    /** {@code provider {0}} or {@code model {0}}, for a plain timeline line. */
    public static WordKey target(Target target) {
        return target instanceof Target.OfProvider ? TIMELINE_TARGET_PROVIDER : TIMELINE_TARGET_MODEL;
    }

    /** A default incident title for {@code kind}: {@code {0} down}, {@code {0} failing}. */
    public static WordKey title(IncidentKind kind) {
        return switch (kind) {
            case OUTAGE, DEGRADATION -> TITLE_FAILING;
            case MODEL_CHANGE -> TITLE_MODEL_CHANGE;
            case ROUTING_CHANGE -> TITLE_ROUTING_CHANGE;
            case POLICY_CHANGE -> TITLE_POLICY_CHANGE;
            case MAINTENANCE -> TITLE_MAINTENANCE;
        };
    }

    /** The key's name in the bundle's properties files. */
    public String property() {
        return property;
    }
}
