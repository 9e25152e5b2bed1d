package dev.detour.messages;

import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.signals.Signal;

/** A signal's source in the reader's words: "Our gateway", "Alertmanager", "Anthropic's status page". */
final class SignalSource {
    private final Names names;
    private final Wording words;

    SignalSource(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    String of(String source) {
        if (source.startsWith(Signal.STATUSPAGE_PREFIX)) {
            String provider = source.substring(Signal.STATUSPAGE_PREFIX.length());
            String name = names.catalog().providers().stream().filter(p -> p.id().value().equals(provider))
                    .map(Provider::name).findFirst().orElse(provider);
            return words.get(WordKey.DECISION_SOURCE_STATUS_PAGE, SlackText.escape(name, 200));
        }
        if (source.startsWith("alertmanager")) {
            return words.get(WordKey.DECISION_SOURCE_ALERTMANAGER);
        }
        if (source.startsWith("gateway")) {
            return words.get(WordKey.DECISION_SOURCE_GATEWAY);
        }
        return SlackText.escape(source, 80);
    }
}
