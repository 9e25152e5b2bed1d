package dev.detour.bot.ofrep;

import dev.detour.notifications.flags.Secrets;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The webhook sink's signing secret, which production reads from the environment, given by the test. */
@Singleton
@Replaces(Secrets.class)
@Requires(property = TestSecrets.PROPERTY)
class TestSecrets extends Secrets {
    static final String PROPERTY = "detour.test.webhook-secret";
    private final String secret;

    TestSecrets(@Property(name = PROPERTY) String secret) {
        this.secret = secret;
    }

    @Override
    public Optional<String> get(String environmentVariable) {
        if ("DETOUR_TEST_LITELLM_KEY".equals(environmentVariable)) {
            return Optional.of(dev.detour.notifications.testing.FakeLiteLlm.MASTER_KEY);
        }
        return "DETOUR_TEST_WEBHOOK_SECRET".equals(environmentVariable) ? Optional.of(secret)
                : super.get(environmentVariable);
    }
}
