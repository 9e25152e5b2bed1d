package dev.detour.incidents.config;

/**
 * A configuration Detour cannot use. The message is one line, {@code <source>:<line>: <problem>}, so an operator
 * can jump straight to it.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;

    /** @param line 1-based; 0 when the problem is not at a line (an unreadable file) */
    public ConfigException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem, null, false, false);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
