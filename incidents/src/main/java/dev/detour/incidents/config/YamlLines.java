package dev.detour.incidents.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and value of a YAML document, by JSON pointer ({@code /detour/task-classes/1/route/0}).
 * Jackson's tree model forgets locations, so the document is streamed once to remember them. The same pass
 * refuses what the tree would silently lose: a key given twice (the last would win), an alias (read as its
 * anchor's name) and a second document (ignored).
 */
final class YamlLines {
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** @throws ConfigException for a syntax error, a repeated key, an alias or a second document */
    static YamlLines read(YAMLFactory factory, String source, String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        try (YAMLParser parser = (YAMLParser) factory.createParser(yaml)) {
            boolean rootDone = false;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (rootDone) {
                    throw new ConfigException(source, line, "a second YAML document ('---'): the config is one"
                            + " document");
                }
                if (parser.isCurrentAlias()) {
                    throw new ConfigException(source, line, "YAML aliases (*" + parser.getText() + ") are not"
                            + " supported: write the value out");
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    rootDone = context.inRoot();
                    continue;
                }
                // A new object or array opens a child context; its own place is what the parent points at.
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    context = context.getParent();
                } else if (token.isScalarValue()) {
                    rootDone = context.inRoot();
                }
                String pointer = context.pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    Integer first = keys.putIfAbsent(pointer, line);
                    if (first != null) {
                        throw new ConfigException(source, line, "key '" + parser.currentName()
                                + "' is given twice in the same mapping (first at line " + first + ")");
                    }
                }
                lines.putIfAbsent(pointer, line);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(source, yaml, e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, "cannot be read: " + e.getMessage());
        }
        return new YamlLines(lines);
    }

    /**
     * SnakeYAML's problem and context (what it was parsing, and where that began) say more than Jackson's summary.
     * When the text ends before something closes, the line where it opened is the useful one.
     */
    private static ConfigException syntaxError(String source, String yaml, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problemAt = marked.getProblemMark();
            Mark contextAt = marked.getContextMark();
            boolean atEnd = yaml.substring(Math.min(problemAt.getIndex(), yaml.length())).isBlank();
            int line = (atEnd && contextAt != null ? contextAt : problemAt).getLine() + 1;
            String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (contextAt == null ? "" : " that starts at line " + (contextAt.getLine() + 1)) + ")";
            return new ConfigException(source, line, "not valid YAML: " + marked.getProblem() + context);
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new ConfigException(source, line, "not valid YAML: "
                + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
    }

    /** The line of the key or value at {@code pointer}, else of its nearest ancestor; 0 if none is known. */
    int line(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int slash = at.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            at = at.substring(0, slash);
        }
    }
}
