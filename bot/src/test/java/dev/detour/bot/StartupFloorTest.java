package dev.detour.bot;

import dev.detour.bot.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench/floor, the yardstick bench/startup.sh measures Detour's start-up against, stays a subset of Detour: the
 * framework modules it starts are modules detour.jar starts too, so the ratio measures Detour's own work and not
 * a different framework (bench/RESULTS.md, "Start-up against its floor").
 */
class StartupFloorTest {
    private static final Path ROOT = RepositoryRoot.find();
    /** The floor logs through slf4j-simple, which needs no configuration; Detour configures Logback in code. */
    private static final Set<String> FLOOR_ONLY = Set.of("org.slf4j:slf4j-simple");

    @Test
    void everyModuleTheFloorStartsIsOneDetourStartsToo() throws Exception {
        Set<String> floor = dependencies(ROOT.resolve("bench/floor/pom.xml"));
        Set<String> detour = dependencies(ROOT.resolve("bot/pom.xml"));
        Set<String> foreign = new TreeSet<>(floor);
        foreign.removeAll(detour);
        foreign.removeAll(FLOOR_ONLY);
        assertTrue(foreign.isEmpty(), "bench/floor depends on modules detour.jar does not: " + foreign);
        assertTrue(floor.contains("io.micronaut:micronaut-http-server-netty"), floor.toString());
    }

    @Test
    void theFloorIsPackagedAsDetourIsUnderTheSameParent() throws Exception {
        Document floor = parse(ROOT.resolve("bench/floor/pom.xml"));
        Document detour = parse(ROOT.resolve("bot/pom.xml"));
        for (String property : new String[] {"packaging", "micronaut.runtime"}) {
            assertEquals(text(detour, property), text(floor, property), property);
        }
        assertEquals(text(detour, "parent"), text(floor, "parent").replace("../../pom.xml", ""));
    }

    private static Set<String> dependencies(Path pom) throws Exception {
        NodeList nodes = parse(pom).getElementsByTagName("dependency");
        Set<String> coordinates = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if (!"test".equals(child(dependency, "scope"))) {
                coordinates.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId"));
            }
        }
        return coordinates;
    }

    private static String child(Element element, String name) {
        NodeList nodes = element.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static String text(Document pom, String name) {
        return pom.getElementsByTagName(name).item(0).getTextContent().replaceAll("\\s+", "");
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }
}
