package dev.detour.incidents.outbox;

/**
 * What an outbox row is: named by the module that delivers it (an enum there), stored in the row's {@code kind}
 * column so a dispatcher decides how to deliver, fold or order a row from that column alone.
 */
public interface OutboxKind {
    /** The queue a dispatcher takes its rows from, e.g. {@code slack.root}; each dispatcher reads one prefix. */
    String topic();

    /** The kind as stored, e.g. {@code slack-root-refresh}: unique across every module's kinds. */
    String word();
}
