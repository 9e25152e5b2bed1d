package dev.detour.messages;

import com.google.gson.JsonObject;

import java.util.function.Supplier;

/** One rendering with a golden file: {@code <what>-<catalog>}, e.g. {@code root-open-seed}. */
record GoldenCase(String name, Supplier<JsonObject> payload) {
    @Override
    public String toString() {
        return name;
    }
}
