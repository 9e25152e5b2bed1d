package dev.detour.messages;

/**
 * The ids that tie Slack's interactive payloads back to Detour: action ids of buttons and menus, callback ids of
 * modals and shortcuts. Rendering puts them in; the commands module reads them back.
 */
public final class Interactions {
    public static final String ACKNOWLEDGE = "detour.acknowledge";
    /** Value: {@code INC-n target-kind:target-id}. */
    public static final String DISABLE = "detour.disable";
    public static final String ENABLE = "detour.enable";
    /** Menus with many targets: each option's value is as for the buttons. */
    public static final String DISABLE_MENU = "detour.disable-menu";
    public static final String ENABLE_MENU = "detour.enable-menu";
    public static final String POST_UPDATE = "detour.post-update";
    /** A menu whose options' values are {@code INC-n state}. */
    public static final String CHANGE_STATE = "detour.change-state";
    public static final String RESOLVE = "detour.resolve";
    /** Value: a task class id. */
    public static final String CONSENT_APPROVE = "detour.consent-approve";
    public static final String CONSENT_DENY = "detour.consent-deny";
    /** After a fallback question timed out with deny: value {@code task-class model}, pins the class to the model. */
    public static final String MOVE_NOW = "detour.move-now";
    /** On a preview that asks first: value a {@link PreviewedDisable}, applies it while the state has its version. */
    public static final String CONFIRM = "detour.confirm";
    /** Beside Confirm: value a {@link PreviewedDisable} of only the failing models, with the same version. */
    public static final String CONFIRM_NARROWER = "detour.confirm-narrower";
    /** On a preview that asks first: nothing changes. */
    public static final String CANCEL = "detour.cancel";
    /** On a request for approval in the thread (two-person rule): value the request's number. */
    public static final String APPROVE = "detour.approve";
    /** Beside Approve: applies the request at once as an emergency apply; value the request's number. */
    public static final String APPLY_NOW = "detour.apply-now";
    /** On an emergency apply in the thread: value its number. */
    public static final String REVIEW = "detour.review";
    /** A ramp's buttons (docs/recovery.md); the value is the target, {@code model:gpt-5}. */
    public static final String RAMP_RETRY = "detour.ramp-retry";
    public static final String RAMP_KEEP_OFF = "detour.ramp-keep-off";
    public static final String RAMP_PAUSE = "detour.ramp-pause";
    public static final String RAMP_RESUME = "detour.ramp-resume";
    public static final String RAMP_ABORT = "detour.ramp-abort";
    public static final String RAMP_COMPLETE = "detour.ramp-complete";

    public static final String DECLARE_MODAL = "detour.declare";
    public static final String UPDATE_MODAL = "detour.update";
    public static final String RESOLVE_MODAL = "detour.resolve";
    public static final String DECLARE_SHORTCUT = "detour.declare-shortcut";

    /** Block and action ids of the modals' inputs. */
    public static final String TARGETS_INPUT = "targets";
    public static final String KIND_INPUT = "kind";
    public static final String REASON_INPUT = "reason";
    public static final String UPDATE_INPUT = "update";
    /** The update form's text for customers; the form's {@code UPDATE_INPUT} is the thread's. */
    public static final String UPDATE_PUBLIC_INPUT = "update-public";
    public static final String SUMMARY_INPUT = "summary";
    /** The resolve form's text for customers (support, the status page, subscribers). */
    public static final String RESOLVE_PUBLIC_INPUT = "resolve-public";
    public static final String CAUSE_INPUT = "cause";
    public static final String FOLLOW_UPS_INPUT = "follow-ups";

    private Interactions() {
    }
}
