package dev.detour.notifications.slack;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console mode (no {@code SLACK_BOT_TOKEN}): what would go to Slack is printed to standard output, one block per
 * message, with its channel and thread, so Detour is useful on a fresh machine.
 */
public final class ConsoleSender implements SlackSender {
    private final PrintStream out;
    private final AtomicLong sequence = new AtomicLong();

    public ConsoleSender(PrintStream out) {
        this.out = out;
    }

    @Override
    public SendResult post(String channel, Optional<String> threadTs, SlackPayload message) {
        String ts = "console." + sequence.incrementAndGet();
        print("[slack " + channel + threadTs.map(t -> " thread " + t).orElse("") + " ts " + ts + "]", message);
        return new SendResult.Delivered(channel, ts);
    }

    @Override
    public SendResult update(String channel, String ts, SlackPayload message) {
        print("[slack " + channel + " edit " + ts + "]", message);
        return new SendResult.Delivered(channel, ts);
    }

    @Override
    public SendResult join(String channel) {
        return new SendResult.Delivered(channel, "");
    }

    private synchronized void print(String heading, SlackPayload message) {
        out.println(heading);
        message.text().lines().forEach(line -> out.println("  " + line));
        out.flush();
    }
}
