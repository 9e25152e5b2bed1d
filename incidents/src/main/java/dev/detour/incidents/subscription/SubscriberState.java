package dev.detour.incidents.subscription;

/** Where an email subscriber is in double opt-in; only {@link #CONFIRMED} receives updates. */
public enum SubscriberState {
    PENDING("pending"), CONFIRMED("confirmed"), UNSUBSCRIBED("unsubscribed");

    private final String word;

    SubscriberState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static SubscriberState of(String word) {
        for (SubscriberState state : values()) {
            if (state.word.equals(word)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown subscriber state " + word);
    }
}
