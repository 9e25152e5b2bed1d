package dev.detour.notifications.slack;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console mode (no {@code SLACK_BOT_TOKEN}): what would go to Slack is printed to standard output, one block per
 * message, as Slack would show it, with its channel and thread, so Detour is useful on a fresh machine.
 */
public final class ConsoleSender implements SlackSender {
    private final PrintStream out;
    private final Map<String, String> channelNames;
    private final AtomicLong sequence = new AtomicLong();

    /** @param channelNames what each channel id is for ("incident channel"), shown beside the id */
    public ConsoleSender(PrintStream out, Map<String, String> channelNames) {
        this.out = out;
        this.channelNames = Map.copyOf(channelNames);
    }

    @Override
    public SendResult post(String channel, Optional<String> threadTs, SlackPayload message, PostMark mark) {
        String ts = "console." + sequence.incrementAndGet();
        print(channel, threadTs.map(thread -> "reply in thread " + thread).orElse("new message") + " " + ts,
                message);
        return new SendResult.Delivered(channel, ts);
    }

    @Override
    public SendResult update(String channel, String ts, SlackPayload message) {
        print(channel, "edit of " + ts, message);
        return new SendResult.Delivered(channel, ts);
    }

    @Override
    public SendResult join(String channel) {
        return new SendResult.Delivered(channel, "");
    }

    @Override
    public HistoryLookup find(String channel, Optional<String> threadTs, PostMark mark, Instant since) {
        return new HistoryLookup.Unavailable("console mode: nothing is posted to Slack");
    }

    private synchronized void print(String channel, String what, SlackPayload message) {
        String name = Optional.ofNullable(channelNames.get(channel)).map(n -> " (" + n + ")").orElse("");
        out.println("── #" + channel + name + " · " + what);
        ReadableBlocks.lines(message).forEach(line -> out.println("   " + line));
        out.println();
        out.flush();
    }
}
