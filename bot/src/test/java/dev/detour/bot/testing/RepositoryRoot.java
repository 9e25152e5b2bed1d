package dev.detour.bot.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder, for tests that read files outside their module (deploy/, docs/, bench/). */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /** The nearest folder above the working directory that holds the parent pom.xml beside deploy/ and docs/. */
    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy"))
                    && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new AssertionError("no folder above " + Path.of("").toAbsolutePath() + " holds deploy/ and docs/");
    }
}
