package dev.detour.incidents.catalog;

/** Id of a task class, for example `meeting-summary`. Invalid ids cannot be constructed. */
public record TaskClassId(String value) implements Comparable<TaskClassId> {
    public TaskClassId {
        Ids.require("task class", value);
    }

    public static TaskClassId of(String value) {
        return new TaskClassId(value);
    }

    @Override
    public int compareTo(TaskClassId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
