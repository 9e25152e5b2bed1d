package dev.detour.notifications.flags;

import jakarta.inject.Singleton;

import java.util.Optional;

/** Secrets come from the environment, never from the config file. Tests replace this bean. */
@Singleton
public class Secrets {
    public Optional<String> get(String environmentVariable) {
        return Optional.ofNullable(System.getenv(environmentVariable)).filter(value -> !value.isEmpty());
    }
}
