package dev.detour.messages;

/** What someone sees whose request Detour is too busy to take: nothing was done, and they may simply ask again. */
public final class BusyMessage {
    private final Wording words;

    public BusyMessage(Wording words) {
        this.words = words;
    }

    public SlackMessage render() {
        return SlackMessage.plain(words.get(WordKey.BUSY_TRY_AGAIN));
    }
}
